package dev.gitopscrew.roles.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.request.Edit;
import dev.gitopscrew.request.EditOperation;
import dev.gitopscrew.request.ObjectRef;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.scan.TreeFiles;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each kind of edit changes exactly the intended lines of real-looking manifests (comments,
 * anchors, flow style, several documents in one file) and nothing else; an edit that is ambiguous,
 * matches nothing, or would break the file is refused and changes nothing.
 */
class EditManifestTest {

  static final String WHOAMI =
      """
      # whoami: a tiny echo server
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: whoami   # keep in sync with the service
      spec:
        replicas: 1
        selector:
          matchLabels: {app.kubernetes.io/name: whoami}
        template:
          metadata:
            labels:
              app.kubernetes.io/name: whoami
          spec:
            containers:
              - name: whoami
                image: "traefik/whoami:v1.10.2"  # pinned
                env:
                  - name: WHOAMI_PORT_NUMBER
                    value: "8080"
                  - name: LOG_LEVEL
                    value: 'info'
                resources:
                  requests: {cpu: 10m, memory: 64Mi}
                  limits:
                    memory: 256Mi
              - name: sidecar
                image: busybox:1.36
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: whoami
      spec:
        ports: [{port: 80, targetPort: http}]
      """;

  static final String KUSTOMIZATION =
      """
      apiVersion: kustomize.config.k8s.io/v1beta1
      kind: Kustomization
      namespace: whoami
      resources:
        - deployment.yaml
      """;

  private static TreeFiles repo() {
    return TreeFiles.of(
        "k8s/apps/whoami/deployment.yaml", WHOAMI,
        "k8s/apps/whoami/kustomization.yaml", KUSTOMIZATION);
  }

  private static EditManifest.Edited edit(
      TreeFiles files, String object, String ns, EditOperation op) {
    return EditManifest.edit(
        files, new Edit("demo", ObjectRef.parse(object, ns), op, null, null, false));
  }

  /** The 1-based numbers of the lines that differ, and the new lines. */
  private static List<String> changedLines(String before, String after) {
    String[] a = before.split("\n", -1);
    String[] b = after.split("\n", -1);
    List<String> out = new ArrayList<>();
    if (a.length == b.length) {
      for (int i = 0; i < a.length; i++) {
        if (!a[i].equals(b[i])) {
          out.add((i + 1) + ": " + b[i]);
        }
      }
      return out;
    }
    int prefix = 0;
    while (a[prefix].equals(b[prefix])) {
      prefix++;
    }
    int suffix = 0;
    while (a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
      suffix++;
    }
    for (int i = prefix; i < a.length - suffix; i++) {
      out.add("-" + (i + 1) + ": " + a[i]);
    }
    for (int i = prefix; i < b.length - suffix; i++) {
      out.add("+" + (i + 1) + ": " + b[i]);
    }
    return out;
  }

  @Test
  void settingAnImageChangesOnlyTheImageLineAndKeepsItsQuotingAndComment() {
    EditManifest.Edited e =
        edit(
            repo(),
            "deployment/whoami",
            null,
            new EditOperation.Image("whoami", "traefik/whoami:v1.10.4"));

    assertThat(changedLines(WHOAMI, e.text()))
        .containsExactly("17:           image: \"traefik/whoami:v1.10.4\"  # pinned");
    assertThat(e.summary())
        .isEqualTo(
            "k8s/apps/whoami/deployment.yaml:2 Deployment whoami: image traefik/whoami:v1.10.2 ->"
                + " traefik/whoami:v1.10.4");
    assertThat(e.diff())
        .contains("-          image: \"traefik/whoami:v1.10.2\"  # pinned")
        .contains("+          image: \"traefik/whoami:v1.10.4\"  # pinned");
  }

  @Test
  void theSidecarImageInPlainStyleStaysPlain() {
    EditManifest.Edited e =
        edit(
            repo(),
            "deployment/whoami",
            "whoami",
            new EditOperation.Image("sidecar", "busybox:1.37"));
    assertThat(changedLines(WHOAMI, e.text())).containsExactly("28:           image: busybox:1.37");
  }

  @Test
  void replicasChangeOneLine() {
    EditManifest.Edited e = edit(repo(), "deployment/whoami", null, new EditOperation.Replicas(3));
    assertThat(changedLines(WHOAMI, e.text())).containsExactly("7:   replicas: 3");
  }

  @Test
  void anEnvValueKeepsItsQuotesAndANumberStaysAString() {
    EditManifest.Edited e =
        edit(
            repo(),
            "deployment/whoami",
            null,
            new EditOperation.Env("whoami", "WHOAMI_PORT_NUMBER", "9090"));
    assertThat(changedLines(WHOAMI, e.text())).containsExactly("20:               value: \"9090\"");

    EditManifest.Edited single =
        edit(
            repo(),
            "deployment/whoami",
            null,
            new EditOperation.Env("whoami", "LOG_LEVEL", "it's debug"));
    assertThat(changedLines(WHOAMI, single.text()))
        .containsExactly("22:               value: 'it''s debug'");
  }

  @Test
  void aNewEnvVariableIsAppendedAsAnItemAtTheListsIndentation() {
    EditManifest.Edited e =
        edit(
            repo(),
            "deployment/whoami",
            null,
            new EditOperation.Env("whoami", "TZ", "Europe/Berlin"));
    assertThat(changedLines(WHOAMI, e.text()))
        .containsExactly("+23:             - name: TZ", "+24:               value: Europe/Berlin");
  }

  @Test
  void aNumericLookingNewEnvValueIsQuoted() {
    EditManifest.Edited e =
        edit(repo(), "deployment/whoami", null, new EditOperation.Env("sidecar", "WORKERS", "4"));
    assertThat(changedLines(WHOAMI, e.text()))
        .containsExactly(
            "+29:           env:",
            "+30:             - name: WORKERS",
            "+31:               value: \"4\"");
  }

  @Test
  void limitsReplaceOneAndAddTheOtherUnderTheSameKey() {
    EditManifest.Edited e =
        edit(
            repo(), "deployment/whoami", null, new EditOperation.Limits("whoami", "500m", "512Mi"));
    assertThat(changedLines(WHOAMI, e.text()))
        .containsExactly(
            "-26:               memory: 256Mi",
            "+26:               memory: 512Mi",
            "+27:               cpu: 500m");
  }

  @Test
  void limitsOnAContainerWithoutResourcesAddTheWholeBlock() {
    EditManifest.Edited e =
        edit(repo(), "deployment/whoami", null, new EditOperation.Limits("sidecar", "100m", null));
    assertThat(changedLines(WHOAMI, e.text()))
        .containsExactly(
            "+29:           resources:",
            "+30:             limits:",
            "+31:               cpu: 100m");
  }

  static final String APPS =
      """
      # Argo CD applications of the monitoring project
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: grafana
        namespace: argocd
      spec:
        project: default
        source:
          repoURL: https://grafana.github.io/helm-charts
          chart: grafana
          targetRevision: 8.5.1
          helm:
            valuesObject:
              image: {tag: "11.1.0"}
              defaults: &defaults
                persistence: true
              persistence:
                enabled: true
                size: 5Gi
              sidecar: *defaults
        destination:
          server: https://kubernetes.default.svc
          namespace: monitoring
      ---
      apiVersion: argoproj.io/v1alpha1
      kind: Application
      metadata:
        name: loki
        namespace: argocd
      spec:
        source:
          repoURL: https://grafana.github.io/helm-charts
          chart: loki
          helm:
            values: |
              replicas: 1
      """;

  @Test
  void aHelmValueInFlowStyleIsReplacedInPlaceAndStaysAString() {
    TreeFiles files = TreeFiles.of("apps/monitoring.yaml", APPS);
    EditManifest.Edited e =
        edit(
            files,
            "application/grafana",
            "argocd",
            new EditOperation.HelmValue("image.tag", "11.2"));
    assertThat(changedLines(APPS, e.text())).containsExactly("15:         image: {tag: \"11.2\"}");
  }

  @Test
  void aNewHelmKeyIsInsertedAsLinesAndANumberLikeVersionIsQuoted() {
    TreeFiles files = TreeFiles.of("apps/monitoring.yaml", APPS);
    EditManifest.Edited e =
        edit(
            files,
            "application/grafana",
            null,
            new EditOperation.HelmValue("persistence.size", "10Gi"));
    assertThat(changedLines(APPS, e.text())).containsExactly("20:           size: 10Gi");

    EditManifest.Edited added =
        edit(
            files,
            "application/grafana",
            null,
            new EditOperation.HelmValue("replicas.count", "1.10"));
    assertThat(changedLines(APPS, added.text()))
        .containsExactly("+22:         replicas:", "+23:           count: \"1.10\"");
    EditManifest.Edited flag =
        edit(
            files,
            "application/grafana",
            null,
            new EditOperation.HelmValue("rbac.create", "false"));
    assertThat(changedLines(APPS, flag.text()))
        .containsExactly("+22:         rbac:", "+23:           create: false");
  }

  @Test
  void aValueSharedThroughAnAnchorIsRefused() {
    TreeFiles files = TreeFiles.of("apps/monitoring.yaml", APPS);
    assertThatThrownBy(
            () ->
                edit(
                    files,
                    "application/grafana",
                    null,
                    new EditOperation.HelmValue("sidecar.persistence", "false")))
        .isInstanceOf(ActionFailedException.class)
        .hasMessageContaining("alias of &defaults")
        .hasMessageContaining("nothing changed");
    assertThatThrownBy(
            () ->
                edit(
                    files,
                    "application/grafana",
                    null,
                    new EditOperation.HelmValue("defaults.persistence", "false")))
        .hasMessageContaining("anchored as &defaults");
  }

  @Test
  void helmValuesWrittenAsAStringAreNotGuessedAt() {
    TreeFiles files = TreeFiles.of("apps/monitoring.yaml", APPS);
    assertThatThrownBy(
            () ->
                edit(files, "application/loki", null, new EditOperation.HelmValue("replicas", "2")))
        .hasMessageContaining("values are a string in helm.values");
  }

  @Test
  void theNamespaceComesFromTheKustomizationThatListsTheFile() {
    assertThat(
            edit(repo(), "deployment/whoami", "whoami", new EditOperation.Replicas(2))
                .object()
                .namespace())
        .isEqualTo("whoami");
    assertThatThrownBy(
            () -> edit(repo(), "deployment/whoami", "apps", new EditOperation.Replicas(2)))
        .hasMessageStartingWith(
            "no object deployment/whoami in apps in demo (searched 2 YAML files");
  }

  @Test
  void twoObjectsOfTheSameNameAreAmbiguousUntilANamespacePicksOne() {
    TreeFiles files =
        TreeFiles.of(
            "a/deployment.yaml",
            WHOAMI,
            "a/kustomization.yaml",
            KUSTOMIZATION,
            "b/deployment.yaml",
            WHOAMI.replace("# whoami", "# whoami staging"),
            "b/kustomization.yaml",
            KUSTOMIZATION.replace("namespace: whoami", "namespace: staging"));

    assertThatThrownBy(() -> edit(files, "deployment/whoami", null, new EditOperation.Replicas(2)))
        .isInstanceOf(ActionFailedException.class)
        .hasMessage(
            "deployment/whoami in demo matches 2 objects: a/deployment.yaml:2 (namespace whoami),"
                + " b/deployment.yaml:2 (namespace staging); name the namespace (-n) to pick one;"
                + " nothing changed");
    assertThat(
            edit(files, "deployment/whoami", "staging", new EditOperation.Replicas(2))
                .object()
                .path())
        .isEqualTo("b/deployment.yaml");
  }

  @Test
  void anEditTheObjectCannotTakeIsRefusedWithTheReason() {
    assertThatThrownBy(
            () ->
                edit(
                    repo(),
                    "deployment/whoami",
                    null,
                    new EditOperation.Image("web", "nginx:1.27")))
        .hasMessageContaining("no container named web (containers: whoami, sidecar)");
    assertThatThrownBy(() -> edit(repo(), "service/whoami", null, new EditOperation.Replicas(2)))
        .hasMessageContaining("a Service has no replica count");
    assertThatThrownBy(
            () ->
                edit(
                    repo(),
                    "deployment/whoami",
                    null,
                    new EditOperation.Env("whoami", "DB_PASSWORD", "hunter2")))
        .hasMessageContaining("looks like a credential");
    assertThatThrownBy(
            () ->
                edit(
                    repo(),
                    "deployment/whoami",
                    null,
                    new EditOperation.Image("whoami", "traefik/whoami:v1.10.2")))
        .hasMessageContaining(
            "already has image of whoami to traefik/whoami:v1.10.2; nothing to change");
  }

  @Test
  void aFileThatDoesNotParseIsNotTouched() {
    TreeFiles files =
        TreeFiles.of(
            "broken.yaml",
            "kind: Deployment\nmetadata: {name: whoami\n",
            "k8s/apps/whoami/deployment.yaml",
            WHOAMI);
    assertThat(
            edit(files, "deployment/whoami", null, new EditOperation.Replicas(2)).object().path())
        .isEqualTo("k8s/apps/whoami/deployment.yaml");
  }

  @Test
  void aFileWithoutAFinalNewlineGetsItsInsertOnANewLine() {
    String text =
        "kind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27";
    TreeFiles files = TreeFiles.of("web.yaml", text);
    EditManifest.Edited e = edit(files, "deployment/web", null, new EditOperation.Replicas(2));
    assertThat(e.text()).isEqualTo(text + "\n  replicas: 2\n");
  }
}
