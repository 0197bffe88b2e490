package dev.gitopscrew.roles.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.request.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Every rule on the realistic homelab repository: each planted problem is found at its file and
 * line, and the safe form next to it (the value set at pod level, a kustomization's newTag, a
 * secretKeyRef, a Role instead of a ClusterRole...) is not.
 */
class ScannerTest {

  private final ScanReport report = Scanner.scan(ManifestTree.read(Homelab.files()), null);

  private List<String> found() {
    return report.findings().stream().map(f -> f.rule() + " " + f.where()).toList();
  }

  @Test
  void everyPlantedProblemIsFoundAtTheOffendingKeyAndNothingElse() {
    assertThat(found())
        .containsExactly(
            // critical
            "privileged k8s/apps/media/deployment.yaml:19",
            "docker-socket k8s/apps/media/deployment.yaml:41",
            // high
            "credentials-in-helm-values apps/grafana.yaml:14",
            "host-network apps/loki.yaml:17",
            "credentials-in-configmap k8s/apps/media/configmap.yaml:7",
            "host-network k8s/apps/media/deployment.yaml:10",
            "host-pid k8s/apps/media/deployment.yaml:11",
            "host-ipc k8s/apps/media/deployment.yaml:12",
            "dangerous-capabilities k8s/apps/media/deployment.yaml:21",
            "credentials-in-env k8s/apps/media/deployment.yaml:27",
            "privilege-escalation k8s/apps/media/deployment.yaml:34",
            "host-path k8s/apps/media/deployment.yaml:44",
            "secret-in-git k8s/apps/media/secret.yaml:6",
            "rbac-wildcard k8s/rbac/cluster-roles.yaml:8",
            "rbac-secrets-cluster-wide k8s/rbac/cluster-roles.yaml:10",
            "rbac-escalation k8s/rbac/cluster-roles.yaml:14",
            // medium
            "latest-tag apps/grafana.yaml:20",
            "run-as-root k8s/apps/media/deployment.yaml:14",
            "capabilities-not-dropped k8s/apps/media/deployment.yaml:16",
            "read-only-root-fs k8s/apps/media/deployment.yaml:16",
            "latest-tag k8s/apps/media/deployment.yaml:17",
            "host-port k8s/apps/media/deployment.yaml:24",
            "missing-requests k8s/apps/media/deployment.yaml:28",
            "missing-requests k8s/apps/media/deployment.yaml:31",
            "latest-tag k8s/apps/media/deployment.yaml:32",
            "run-as-root k8s/apps/media/deployment.yaml:35",
            "read-only-root-fs k8s/apps/media/deployment.yaml:36",
            "capabilities-not-dropped k8s/apps/media/deployment.yaml:38",
            "missing-network-policy k8s/legacy/redis.yaml:1",
            "default-namespace k8s/legacy/redis.yaml:5",
            "default-namespace k8s/legacy/whoami.yaml:11",
            "rbac-write-verbs k8s/rbac/cluster-roles.yaml:17",
            // low
            "service-account-token k8s/apps/media/deployment.yaml:9",
            "missing-limits k8s/apps/media/deployment.yaml:28",
            "missing-limits k8s/apps/media/deployment.yaml:31",
            "missing-liveness-probe k8s/legacy/redis.yaml:13",
            "missing-readiness-probe k8s/legacy/redis.yaml:13");
  }

  @Test
  void everyRuleHasAPlantedPositive() {
    assertThat(report.findings().stream().map(ScanFinding::rule).distinct())
        .containsExactlyInAnyOrderElementsOf(Arrays.stream(Rule.values()).map(Rule::id).toList());
  }

  @Test
  void theSafeFormsAreNotReported() {
    // blog: pod-level runAsNonRoot, newTag in the kustomization, secretKeyRef, a NetworkPolicy,
    // an emptyDir, a bound service account, NET_BIND_SERVICE, a namespaced Role on secrets
    // tools: a CronJob needs no probes, a SOPS-encrypted Secret, a ClusterRole bound by a
    // RoleBinding; legacy/whoami: runAsUser 65534, an image by digest, no token mounted
    assertThat(report.findings())
        .noneMatch(f -> f.path().startsWith("k8s/apps/blog/"))
        .noneMatch(f -> f.path().startsWith("k8s/tools/"))
        .noneMatch(f -> f.path().startsWith("charts/"))
        .noneMatch(f -> f.path().equals("k8s/apps/media/configmap.yaml") && f.line() == 8)
        .noneMatch(f -> f.object().equals("ClusterRole secret-reader"))
        .noneMatch(
            f -> f.object().equals("Deployment whoami") && !f.rule().equals("default-namespace"))
        .noneMatch(f -> f.object().equals("StatefulSet redis") && f.rule().equals("run-as-root"))
        .noneMatch(f -> f.path().equals("apps/grafana.yaml") && f.line() > 20);
    assertThat(report.unreadable()).isEmpty();
  }

  @Test
  void aFindingSaysWhatIsWrongAndTheFixButNeverQuotesACredential() {
    ScanFinding env =
        report.findings().stream()
            .filter(f -> f.rule().equals("credentials-in-env"))
            .findFirst()
            .orElseThrow();
    assertThat(env.describe())
        .isEqualTo(
            "high credentials-in-env k8s/apps/media/deployment.yaml:27 Deployment jellyfin:"
                + " container jellyfin sets JELLYFIN_API_KEY to a literal value in the manifest -"
                + " fix: keep the value in a Secret (an ExternalSecret) and use"
                + " valueFrom.secretKeyRef");
    assertThat(env.namespace()).isEqualTo("media");
    String all =
        report.findings().stream().map(ScanFinding::describe).reduce("", (a, b) -> a + "\n" + b);
    assertThat(all).doesNotContain("hunter2", "s3cr3t", "0f8e3c2a9b7d", "not-so-secret", "ENC[");
  }

  @Test
  void namespacesComeFromTheKustomizationOrTheApplicationsDestination() {
    Map<String, String> namespaces = new TreeMap<>();
    ManifestTree.read(Homelab.files())
        .manifests()
        .forEach(m -> namespaces.put(m.label(), String.valueOf(m.namespace())));
    assertThat(namespaces)
        .containsEntry("Deployment ghost", "blog")
        .containsEntry("Deployment jellyfin", "media")
        .containsEntry("CronJob backup", "tools")
        .containsEntry("StatefulSet redis", "default")
        .containsEntry("Deployment whoami", "null")
        .containsEntry("ClusterRole ops-admin", "null")
        .containsEntry("Application grafana", "argocd");
  }

  @Test
  void suppressionsByAnnotationAndByTheRepositoryFileAreCountedWithTheirReason() {
    assertThat(report.suppressed())
        .extracting(
            s ->
                s.finding().rule()
                    + " "
                    + s.finding().where()
                    + " | "
                    + s.by()
                    + " | "
                    + s.reason())
        .containsExactly(
            "missing-network-policy k8s/apps/media/deployment.yaml:1 | .gitops-crew.yaml:3 |"
                + " the media apps share the host network anyway",
            "missing-liveness-probe k8s/apps/media/deployment.yaml:16 | gitops-crew.dev/ignore on"
                + " Deployment jellyfin | jellyfin has no health endpoint",
            "missing-readiness-probe k8s/apps/media/deployment.yaml:16 | gitops-crew.dev/ignore on"
                + " Deployment jellyfin | jellyfin has no health endpoint",
            "missing-liveness-probe k8s/apps/media/deployment.yaml:31 | gitops-crew.dev/ignore on"
                + " Deployment jellyfin | jellyfin has no health endpoint",
            "missing-readiness-probe k8s/apps/media/deployment.yaml:31 | gitops-crew.dev/ignore on"
                + " Deployment jellyfin | jellyfin has no health endpoint");
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void anUnknownRuleInASuppressionIsAWarningNotASilentNoOp() {
    TreeFiles files =
        TreeFiles.of(
            RepoSettings.FILE,
            "scan:\n  ignore:\n    - rule: latest-tags\n      reason: typo\n",
            "web.yaml",
            """
            apiVersion: v1
            kind: Pod
            metadata:
              name: web
              namespace: web
              annotations:
                gitops-crew.dev/ignore: "host-networks"
            spec:
              containers:
                - name: web
                  image: nginx:latest
            """);
    ScanReport scan = Scanner.scan(ManifestTree.read(files), null);
    assertThat(scan.warnings())
        .containsExactly(
            ".gitops-crew.yaml:3: unknown rule 'latest-tags', ignored",
            "web.yaml:1 Pod web: unknown rule 'host-networks' in gitops-crew.dev/ignore");
    assertThat(found(scan)).contains("latest-tag web.yaml:11");
  }

  @Test
  void aKustomizePatchIsJudgedByWhatItSetsNotByWhatItLeavesToItsBase() {
    TreeFiles files =
        TreeFiles.of(
            "base/kustomization.yaml",
            "namespace: web\nresources:\n  - deployment.yaml\n  - networkpolicy.yaml\n",
            "base/networkpolicy.yaml",
            """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
            spec:
              podSelector: {}
            """,
            "base/deployment.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  automountServiceAccountToken: false
                  securityContext:
                    runAsNonRoot: true
                  containers:
                    - name: web
                      image: nginx:1.27.3
                      securityContext:
                        allowPrivilegeEscalation: false
                        readOnlyRootFilesystem: true
                        capabilities:
                          drop: [ALL]
                      resources:
                        requests: {cpu: 10m, memory: 32Mi}
                        limits: {cpu: 100m, memory: 64Mi}
                      livenessProbe: {httpGet: {path: /, port: 80}}
                      readinessProbe: {httpGet: {path: /, port: 80}}
            """,
            "overlay/kustomization.yaml",
            """
            resources:
              - ../base
            patchesStrategicMerge:
              - replicas.yaml
            patches:
              - path: debug.yaml
                target:
                  kind: Deployment
              - target:
                  kind: Deployment
                  name: web
                patch: |-
                  - op: replace
                    path: /spec/replicas
                    value: 3
            """,
            "overlay/replicas.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              replicas: 2
              template:
                spec:
                  containers:
                    - name: web
                      env:
                        - name: MODE
                          value: production
            """,
            "overlay/debug.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: web
            spec:
              template:
                spec:
                  containers:
                    - name: web
                      securityContext:
                        privileged: true
            """);

    ScanReport scan = Scanner.scan(ManifestTree.read(files), null);

    // what the patches leave unset comes from the base; what one sets is judged
    assertThat(found(scan)).containsExactly("privileged overlay/debug.yaml:11");
    if (Kustomize.onPath().available()) {
      assertThat(scan.warnings()).as("rendered").isEmpty();
    } else {
      assertThat(scan.warnings()).singleElement().asString().startsWith("kubectl is not installed");
    }
  }

  @Test
  void aScanUnderAPathReportsOnlyItsFilesButKeepsTheWholeTreeAsContext() {
    ScanReport media = Scanner.scan(ManifestTree.read(Homelab.files()), "k8s/apps/media");
    assertThat(media.findings()).allMatch(f -> f.path().startsWith("k8s/apps/media/"));
    assertThat(media.findings()).hasSize(25);
    // the .gitops-crew.yaml at the root still suppresses
    assertThat(media.suppressed()).hasSize(5);
  }

  @Test
  void countsBySeverityAndYamlThatDoesNotParseIsReportedNotFatal() {
    assertThat(report.counts())
        .containsExactly(
            Map.entry(Severity.CRITICAL, 2),
            Map.entry(Severity.HIGH, 14),
            Map.entry(Severity.MEDIUM, 16),
            Map.entry(Severity.LOW, 5));
    ScanReport broken =
        Scanner.scan(
            ManifestTree.read(
                TreeFiles.of(
                    "bad.yaml", "kind: Pod\nmetadata:\n  name: [oops\n", "ok.yaml", "a: 1\n")),
            null);
    assertThat(broken.unreadable())
        .singleElement()
        .satisfies(u -> assertThat(u.path()).isEqualTo("bad.yaml"));
    assertThat(broken.files()).isEqualTo(2);
  }

  private static List<String> found(ScanReport scan) {
    return scan.findings().stream().map(f -> f.rule() + " " + f.where()).toList();
  }
}
