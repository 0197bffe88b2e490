package dev.gitopscrew.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gitopscrew.cli.CrewCli;
import dev.gitopscrew.gateway.HealthResource;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The install from Git: {@code deploy/k8s} and its two-replica overlay, built with {@code kubectl
 * kustomize} as Argo CD builds them, hold what the security model promises. {@code .ci/run}
 * installs kubectl (Debian's kubernetes-client package) and requires it: under CI ({@code CI=true})
 * or with {@code CREW_REQUIRE_KUBECTL} set, a missing kubectl fails the class; elsewhere the class
 * is skipped with an assumption that says how to run it.
 */
class DeployManifestsTest {

  private static final java.nio.file.Path ROOT = java.nio.file.Path.of("..").toAbsolutePath();
  private static final java.nio.file.Path BASE = ROOT.resolve("deploy/k8s");
  private static final java.nio.file.Path OVERLAY =
      ROOT.resolve("deploy/overlays/replicas-postgres");
  private static final String NAMESPACE = "gitops-crew";
  private static final ObjectMapper YAML = new YAMLMapper();

  /** Why the whole class is skipped on a machine without kubectl, and how to run it there. */
  static final String SKIPPED_WITHOUT_KUBECTL =
      "DeployManifestsTest skipped: kubectl is not on the PATH. To run it, install kubectl"
          + " (apt-get install kubernetes-client, as .ci/run does) or run bash .ci/run;"
          + " CI=true or CREW_REQUIRE_KUBECTL=1 make a missing kubectl a failure";

  private static boolean kubectl;
  private static List<JsonNode> base;
  private static List<JsonNode> overlay;

  @TempDir java.nio.file.Path dir;

  @BeforeAll
  static void build() throws Exception {
    boolean present = kubectlPresent();
    String requiredBy = kubectlRequiredBy(System.getenv());
    if (requiredBy != null) {
      assertThat(present)
          .as(
              "kubectl on the PATH (%s): .ci/run installs it from Debian's kubernetes-client"
                  + " package; without it the deploy manifests go untested",
              requiredBy)
          .isTrue();
    }
    kubectl = present;
    if (!present) {
      // an assumption in @BeforeAll leaves Surefire reporting "Tests run: 0", with no reason
      System.err.println(SKIPPED_WITHOUT_KUBECTL);
      return;
    }
    base = kustomize(BASE);
    overlay = kustomize(OVERLAY);
  }

  /** Each test is reported skipped, with the reason and how to run it, when kubectl is missing. */
  @BeforeEach
  void kubectlOnThePath() {
    assumeTrue(kubectl, SKIPPED_WITHOUT_KUBECTL);
  }

  @Test
  void everyFileOfEachFolderIsListedInItsKustomization() throws IOException {
    for (java.nio.file.Path folder : List.of(BASE, OVERLAY)) {
      JsonNode k = YAML.readTree(folder.resolve("kustomization.yaml").toFile());
      List<String> listed = new ArrayList<>();
      for (String field : List.of("resources", "bases", "patchesStrategicMerge")) {
        k.path(field).forEach(n -> listed.add(n.asText()));
      }
      try (Stream<java.nio.file.Path> files = Files.list(folder)) {
        List<String> yaml =
            files
                .map(f -> f.getFileName().toString())
                .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml"))
                .toList();
        assertThat(listed).as(folder.toString()).containsAll(yaml);
      }
    }
  }

  @Test
  void theBaseInstallsEveryPartOfTheGateway() {
    assertThat(base.stream().map(o -> o.path("kind").asText() + "/" + name(o)))
        .contains(
            "Namespace/gitops-crew",
            "ServiceAccount/gitops-crew",
            "PersistentVolumeClaim/gitops-crew-state",
            "ExternalSecret/gitops-crew-env",
            "ConfigMap/gitops-crew-config",
            "Deployment/gitops-crew",
            "Service/gitops-crew",
            "NetworkPolicy/default-deny",
            "NetworkPolicy/gitops-crew",
            "ClusterRole/gitops-crew",
            "ClusterRoleBinding/gitops-crew");
    base.stream()
        .filter(o -> !Set.of("Namespace", "ClusterRole", "ClusterRoleBinding").contains(kind(o)))
        .forEach(
            o ->
                assertThat(o.path("metadata").path("namespace").asText())
                    .as(kind(o) + "/" + name(o))
                    .isEqualTo(NAMESPACE));
  }

  @Test
  void theClusterRoleCreatesNothingAndDeletesOnlyPodsAndNoSecretIsReadOutsideTheNamespace() {
    for (List<JsonNode> objects : List.of(base, overlay)) {
      for (JsonNode role : ofKind(objects, "ClusterRole")) {
        for (JsonNode rule : role.path("rules")) {
          List<String> verbs = texts(rule.path("verbs"));
          List<String> resources = texts(rule.path("resources"));
          assertThat(verbs).doesNotContain("create", "*", "deletecollection", "escalate", "bind");
          if (verbs.contains("delete")) {
            assertThat(resources).as("the only delete").containsExactly("pods");
            assertThat(texts(rule.path("apiGroups"))).containsExactly("");
          }
          assertThat(resources).doesNotContain("secrets", "*");
        }
      }
      for (JsonNode role : ofKind(objects, "Role")) {
        boolean secrets =
            java.util.stream.StreamSupport.stream(role.path("rules").spliterator(), false)
                .anyMatch(r -> texts(r.path("resources")).contains("secrets"));
        if (secrets) {
          assertThat(role.path("metadata").path("namespace").asText()).isEqualTo(NAMESPACE);
        }
      }
      // a RoleBinding elsewhere to the ClusterRole would widen nothing, but binding a Role that
      // reads Secrets into another namespace would: none exists
      for (JsonNode binding : ofKind(objects, "RoleBinding")) {
        assertThat(binding.path("metadata").path("namespace").asText()).isEqualTo(NAMESPACE);
      }
    }
  }

  @Test
  void theDeploymentRunsNonRootOnAReadOnlyRootWithProbesOnTheGatewaysRealEndpoints()
      throws Exception {
    for (List<JsonNode> objects : List.of(base, overlay)) {
      JsonNode pod = ofKind(objects, "Deployment").get(0).path("spec").path("template");
      JsonNode spec = pod.path("spec");
      assertThat(spec.path("serviceAccountName").asText()).isEqualTo("gitops-crew");
      assertThat(spec.path("securityContext").path("runAsNonRoot").asBoolean()).isTrue();
      assertThat(spec.path("securityContext").path("runAsUser").asInt()).isGreaterThan(0);
      assertThat(spec.path("securityContext").path("seccompProfile").path("type").asText())
          .isEqualTo("RuntimeDefault");
      JsonNode c = spec.path("containers").get(0);
      JsonNode sc = c.path("securityContext");
      assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).isTrue();
      assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).isFalse();
      assertThat(texts(sc.path("capabilities").path("drop"))).containsExactly("ALL");
      assertThat(c.path("resources").path("requests").path("memory").asText()).isNotEmpty();
      assertThat(c.path("resources").path("limits").path("memory").asText()).isNotEmpty();
      // /tmp is the writable emptyDir
      String tmpVolume = null;
      for (JsonNode m : c.path("volumeMounts")) {
        if (m.path("mountPath").asText().equals("/tmp")) {
          tmpVolume = m.path("name").asText();
        }
      }
      assertThat(tmpVolume).isNotNull();
      JsonNode tmp = volume(spec, tmpVolume);
      assertThat(tmp.has("emptyDir")).isTrue();
      // the probes ask the gateway's own endpoints, on the port it listens on
      assertThat(c.path("readinessProbe").path("httpGet").path("path").asText())
          .isEqualTo("/" + pathOf("ready"));
      assertThat(c.path("livenessProbe").path("httpGet").path("path").asText())
          .isEqualTo("/" + pathOf("live"));
      assertThat(c.path("ports").get(0).path("containerPort").asInt()).isEqualTo(18789);
      // the tokens come from the ExternalSecret's target, never from the ConfigMap
      assertThat(texts(c.path("envFrom").findValues("name"))).contains("gitops-crew-env");
      assertThat(
              ofKind(objects, "ExternalSecret")
                  .get(0)
                  .path("spec")
                  .path("target")
                  .path("name")
                  .asText())
          .isEqualTo("gitops-crew-env");
    }
  }

  @Test
  void theConfigMapsConfigurationLoadsWithoutProblems() throws Exception {
    for (List<JsonNode> objects : List.of(base, overlay)) {
      String json = ofKind(objects, "ConfigMap").get(0).path("data").path("crew.json").asText();
      java.nio.file.Path file = Files.writeString(dir.resolve("crew.json"), json);
      String out = crew("config", "validate", "--config", file.toString());
      assertThat(out).doesNotContain("error", "warning");
      assertThat(json).doesNotContainIgnoringCase("token");
    }
  }

  @Test
  void theOverlayRunsTwoReplicasOnPostgresUnderTheLeaseWithNoStateVolume() throws Exception {
    JsonNode deployment = ofKind(overlay, "Deployment").get(0);
    assertThat(deployment.path("spec").path("replicas").asInt()).isEqualTo(2);
    assertThat(ofKind(overlay, "PersistentVolumeClaim")).isEmpty();
    JsonNode spec = deployment.path("spec").path("template").path("spec");
    assertThat(volume(spec, "state").isMissingNode()).isTrue();
    JsonNode config =
        new ObjectMapper()
            .readTree(ofKind(overlay, "ConfigMap").get(0).path("data").path("crew.json").asText());
    assertThat(config.path("kubernetes").path("leaderElection").asBoolean()).isTrue();
    assertThat(config.path("state").path("url").asText()).startsWith("jdbc:postgresql://");
    assertThat(
            ofKind(overlay, "ExternalSecret")
                .get(0)
                .path("spec")
                .path("data")
                .findValuesAsText("secretKey"))
        .contains("CREW_STATE_USER", "CREW_STATE_PASSWORD");
    assertThat(ofKind(overlay, "PodDisruptionBudget")).hasSize(1);
  }

  @Test
  void theCrewsOwnScanFindsNothingAboveLowInTheBaseAndNothingInTheOverlaysPatches()
      throws Exception {
    String out = crew("scan", ROOT.resolve("deploy").toString(), "--json");
    JsonNode findings = new ObjectMapper().readTree(out).path("data").path("findings");
    assertThat(findings.isArray()).as(out).isTrue();
    for (JsonNode f : findings) {
      assertThat(f.path("severity").asText()).as(f.toString()).isEqualTo("low");
      // the overlay's Deployment patch sets replicas and the store: the rest is the base's
      assertThat(f.path("path").asText()).as(f.toString()).doesNotStartWith("overlays/");
    }
  }

  @Test
  void theArgoCdApplicationInstallsTheBaseIntoTheBotsNamespace() throws IOException {
    JsonNode app = YAML.readTree(ROOT.resolve("deploy/argocd/gitops-crew.yaml").toFile());
    assertThat(app.path("kind").asText()).isEqualTo("Application");
    assertThat(ROOT.resolve(app.path("spec").path("source").path("path").asText())).isEqualTo(BASE);
    assertThat(app.path("spec").path("destination").path("namespace").asText())
        .isEqualTo(NAMESPACE);
  }

  private String crew(String... args) {
    StringWriter out = new StringWriter();
    String[] all = Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--state-dir";
    all[args.length + 1] = dir.resolve("state").toString();
    int status = CrewCli.run(all, Map.of(), new PrintWriter(out), new PrintWriter(out));
    assertThat(status).as(out.toString()).isZero();
    return out.toString();
  }

  private static String pathOf(String method) throws NoSuchMethodException {
    return HealthResource.class.getMethod(method).getAnnotation(Path.class).value();
  }

  private static JsonNode volume(JsonNode podSpec, String name) {
    for (JsonNode v : podSpec.path("volumes")) {
      if (v.path("name").asText().equals(name)) {
        return v;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static List<JsonNode> ofKind(List<JsonNode> objects, String kind) {
    return objects.stream().filter(o -> kind(o).equals(kind)).toList();
  }

  private static String kind(JsonNode o) {
    return o.path("kind").asText();
  }

  private static String name(JsonNode o) {
    return o.path("metadata").path("name").asText();
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> texts(List<JsonNode> nodes) {
    return nodes.stream().map(JsonNode::asText).toList();
  }

  /**
   * What makes kubectl required, or null when a missing one only skips: CI (which sets {@code
   * CI=true}, as .ci/run runs there) or {@code CREW_REQUIRE_KUBECTL} (which .ci/run exports).
   */
  static String kubectlRequiredBy(Map<String, String> env) {
    String require = env.get("CREW_REQUIRE_KUBECTL");
    if (require != null && !require.isBlank() && !require.equalsIgnoreCase("false")) {
      return "CREW_REQUIRE_KUBECTL=" + require;
    }
    String ci = env.get("CI");
    if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
      return "CI=" + ci;
    }
    return null;
  }

  private static boolean kubectlPresent() {
    try {
      return new ProcessBuilder("kubectl", "version", "--client").start().waitFor() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  private static List<JsonNode> kustomize(java.nio.file.Path folder) throws Exception {
    java.nio.file.Path err = Files.createTempFile("kustomize", ".err");
    Process p =
        new ProcessBuilder("kubectl", "kustomize", folder.toString())
            .redirectError(err.toFile())
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor())
        .as("kubectl kustomize " + folder + ": " + Files.readString(err))
        .isZero();
    Files.delete(err);
    List<JsonNode> objects = new ArrayList<>();
    try (var parser = new YAMLFactory().createParser(out)) {
      YAML.readValues(parser, JsonNode.class).forEachRemaining(objects::add);
    }
    return objects;
  }
}
