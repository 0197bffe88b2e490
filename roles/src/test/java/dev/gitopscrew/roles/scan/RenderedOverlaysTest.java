package dev.gitopscrew.roles.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kustomize overlays judged on what {@code kubectl kustomize} renders, each finding at the file and
 * line (base or patch) that set the value. Skipped only where kubectl is not installed; what the
 * scan says then is tested without it.
 */
class RenderedOverlaysTest {

  private static final String BASE_KUSTOMIZATION =
      "namespace: web\nresources:\n  - deployment.yaml\n  - networkpolicy.yaml\n";

  private static final String POLICY =
      """
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: default-deny
      spec:
        podSelector: {}
      """;

  /** Hardened but for its probes: its container is on line 11. */
  private static final String BASE =
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
      """;

  private static final String PROBES =
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
                livenessProbe: {httpGet: {path: /, port: 80}}
                readinessProbe: {httpGet: {path: /, port: 80}}
      """;

  private static final String PRIVILEGED =
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
      """;

  private static void kubectl() {
    assumeTrue(Kustomize.onPath().available(), "kubectl is not installed");
  }

  private static TreeFiles tree(String... overlays) {
    List<String> texts =
        new java.util.ArrayList<>(
            List.of(
                "base/kustomization.yaml", BASE_KUSTOMIZATION,
                "base/deployment.yaml", BASE,
                "base/networkpolicy.yaml", POLICY));
    texts.addAll(List.of(overlays));
    return TreeFiles.of(texts.toArray(String[]::new));
  }

  private static List<String> found(ScanReport report) {
    return report.findings().stream().map(f -> f.rule() + " " + f.where()).toList();
  }

  @Test
  void privilegedSetByAPatchIsReportedAtThePatchsLine() {
    kubectl();
    TreeFiles files =
        tree(
            "overlay/kustomization.yaml",
            "resources:\n  - ../base\npatches:\n  - path: probes.yaml\n  - path: debug.yaml\n",
            "overlay/probes.yaml",
            PROBES,
            "overlay/debug.yaml",
            PRIVILEGED);

    ScanReport report = Scanner.scan(ManifestTree.read(files), null);

    assertThat(found(report)).containsExactly("privileged overlay/debug.yaml:11");
    assertThat(report.findings().get(0).namespace()).isEqualTo("web");
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void aValueSetByAJsonPatchIsReportedAtThePatchEntry() {
    kubectl();
    TreeFiles files =
        tree(
            "overlay/kustomization.yaml",
            """
            resources:
              - ../base
            patches:
              - path: probes.yaml
              - target:
                  kind: Deployment
                  name: web
                patch: |-
                  - op: replace
                    path: /spec/template/spec/containers/0/securityContext/allowPrivilegeEscalation
                    value: true
            """,
            "overlay/probes.yaml",
            PROBES);

    ScanReport report = Scanner.scan(ManifestTree.read(files), null);

    assertThat(found(report)).containsExactly("privilege-escalation overlay/kustomization.yaml:5");
  }

  @Test
  void aBaseThatLacksAProbeFixedByTheOverlaysPatchIsNotReported() {
    kubectl();
    TreeFiles files =
        tree(
            "overlay/kustomization.yaml",
            "resources:\n  - ../base\npatches:\n  - path: probes.yaml\n",
            "overlay/probes.yaml",
            PROBES);

    ScanReport report = Scanner.scan(ManifestTree.read(files), null);

    assertThat(found(report)).isEmpty();
    assertThat(report.warnings()).isEmpty();
  }

  @Test
  void anOverlayThatLeavesTheProbeOutIsReportedOnceAtTheBasesContainer() {
    kubectl();
    TreeFiles files =
        tree(
            "staging/kustomization.yaml",
            "resources:\n  - ../base\npatches:\n  - path: probes.yaml\n",
            "staging/probes.yaml",
            PROBES,
            "prod/kustomization.yaml",
            "resources:\n  - ../base\nreplicas:\n  - name: web\n    count: 3\npatches:\n"
                + "  - path: replicas.yaml\n",
            "prod/replicas.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 3\n");

    ScanReport report = Scanner.scan(ManifestTree.read(files), null);

    assertThat(found(report))
        .containsExactly(
            "missing-liveness-probe base/deployment.yaml:12",
            "missing-readiness-probe base/deployment.yaml:12");
  }

  @Test
  void aMissingSettingOfARenderedBaseIsFixedInTheBaseFile() {
    kubectl();
    TreeFiles files =
        tree(
            "overlay/kustomization.yaml",
            "resources:\n  - ../base\npatches:\n  - path: probes.yaml\n",
            "overlay/probes.yaml",
            PROBES,
            "base/deployment.yaml",
            BASE.replaceAll(" *readOnlyRootFilesystem: true\n", ""));

    ScanReport report = Scanner.scan(ManifestTree.read(files), null);

    assertThat(found(report)).containsExactly("read-only-root-fs base/deployment.yaml:12");
    Hardening.Result fixes = Hardening.of(files, report.fixable());
    assertThat(fixes.files()).containsOnlyKeys("base/deployment.yaml");
    assertThat(fixes.files().get("base/deployment.yaml")).contains("readOnlyRootFilesystem: true");
  }

  @Test
  void anObjectRenamedByAPrefixIsNamedAsInItsFiles() {
    kubectl();
    TreeFiles files =
        tree(
            "prod/kustomization.yaml",
            "namePrefix: prod-\nresources:\n  - ../base\npatches:\n  - path: probes.yaml\n"
                + "  - path: host.yaml\n",
            "prod/probes.yaml",
            PROBES,
            "prod/host.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n"
                + "    spec:\n      hostNetwork: true\n");

    ScanReport report = Scanner.scan(ManifestTree.read(files), null);

    assertThat(report.findings())
        .extracting(f -> f.rule() + " " + f.where() + " " + f.object())
        .containsExactly("host-network prod/host.yaml:8 Deployment web");
  }

  @Test
  void aBaseThatAnApplicationAlsoDeploysAsItIsIsStillJudgedAsItIs() {
    kubectl();
    TreeFiles files =
        tree(
            "overlay/kustomization.yaml",
            "resources:\n  - ../base\npatches:\n  - path: probes.yaml\n",
            "overlay/probes.yaml",
            PROBES,
            "apps/web-base.yaml",
            """
            apiVersion: argoproj.io/v1alpha1
            kind: Application
            metadata:
              name: web-base
              namespace: argocd
            spec:
              destination:
                namespace: web
              source:
                repoURL: https://git.example/homelab.git
                path: base
            """);

    ScanReport report = Scanner.scan(ManifestTree.read(files), null);

    assertThat(found(report))
        .containsExactly(
            "missing-liveness-probe base/deployment.yaml:12",
            "missing-readiness-probe base/deployment.yaml:12");
  }

  @Test
  void anOverlayThatChangesNothingJudgedFindsWhatItsBaseAloneFindsAtTheSameLines() {
    kubectl();
    String base =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: media
          namespace: default
        spec:
          replicas: 1
          template:
            spec:
              hostNetwork: true
              serviceAccountName: media
              automountServiceAccountToken: true
              containers:
                - image: jellyfin/jellyfin:latest
                  name: jellyfin
                  env:
                    - name: API_TOKEN
                      value: hunter2-hunter2
                  ports:
                    - containerPort: 8096
                      hostPort: 8096
                  securityContext:
                    privileged: true
                    capabilities:
                      add: [SYS_ADMIN]
                  resources:
                    limits:
                      memory: 1Gi
              volumes:
                - hostPath:
                    path: /var/run/docker.sock
                  name: docker
                - name: media
                  hostPath:
                    path: /srv/media
        """;
    TreeFiles alone =
        TreeFiles.of(
            "base/kustomization.yaml", "resources:\n  - media.yaml\n", "base/media.yaml", base);
    TreeFiles overlaid =
        TreeFiles.of(
            "base/kustomization.yaml",
            "resources:\n  - media.yaml\n",
            "base/media.yaml",
            base,
            "overlay/kustomization.yaml",
            "resources:\n  - ../base\npatches:\n  - path: replicas.yaml\n",
            "overlay/replicas.yaml",
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: media\nspec:\n  replicas: 2\n");

    List<String> expected = found(Scanner.scan(ManifestTree.read(alone), null));
    ScanReport rendered = Scanner.scan(ManifestTree.read(overlaid), null);

    assertThat(expected).hasSizeGreaterThan(15);
    assertThat(found(rendered)).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(rendered.warnings()).isEmpty();
  }

  @Test
  void withoutKubectlTheScanSaysSoAndJudgesThePatchesAlone() {
    TreeFiles files =
        tree(
            "overlay/kustomization.yaml",
            "resources:\n  - ../base\npatches:\n  - path: debug.yaml\n",
            "overlay/debug.yaml",
            PRIVILEGED);

    ScanReport report = Scanner.scan(ManifestTree.read(files), null, Kustomize.at(null));

    assertThat(report.warnings())
        .containsExactly(
            "kubectl is not installed: 1 Kustomize overlay is judged file by file, not as"
                + " kustomize build renders them (install kubectl)");
    assertThat(found(report))
        .contains(
            "privileged overlay/debug.yaml:11", "missing-liveness-probe base/deployment.yaml:12");
  }

  @Test
  void anOverlayKustomizeCannotBuildIsJudgedFileByFileWithTheReason() {
    kubectl();
    TreeFiles files =
        tree(
            "overlay/kustomization.yaml",
            "resources:\n  - ../base\n  - missing.yaml\npatches:\n  - path: debug.yaml\n",
            "overlay/debug.yaml",
            PRIVILEGED);

    ScanReport report = Scanner.scan(ManifestTree.read(files), null);

    assertThat(report.warnings())
        .singleElement()
        .satisfies(
            w ->
                assertThat(w)
                    .startsWith("overlay/kustomization.yaml: kubectl kustomize failed (")
                    .contains("accumulating resources from 'missing.yaml'")
                    .doesNotContain("crew-scan-", "run.go"));
    assertThat(found(report)).contains("privileged overlay/debug.yaml:11");
  }
}
