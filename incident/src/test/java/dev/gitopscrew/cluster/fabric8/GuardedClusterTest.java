package dev.gitopscrew.cluster.fabric8;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.cluster.ApiCall;
import dev.gitopscrew.cluster.ClusterGuard;
import dev.gitopscrew.cluster.ClusterRefusedException;
import dev.gitopscrew.cluster.GuardedCluster;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The guard in front of the real client, against Fabric8's mock API server in CRUD mode. The mock
 * server ignores dryRun (it stores a dry-run patch like any other), so dry runs are checked by the
 * query the server received, not by the stored object; SelfSubjectAccessReview is answered by a
 * stub, allowing or denying.
 */
@EnableKubernetesMockClient(crud = true)
class GuardedClusterTest {

  static final String SSAR = "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews";

  KubernetesMockServer server;
  KubernetesClient client;
  GuardedCluster cluster;

  @BeforeEach
  void setUp() {
    cluster = new GuardedCluster(new Fabric8Cluster(client), ClusterGuard.packaged());
    client
        .apps()
        .deployments()
        .inNamespace("apps")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("web")
                .withNamespace("apps")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewTemplate()
                .withNewMetadata()
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build())
        .create();
  }

  private void accessReviewSays(boolean allowed) {
    server
        .expect()
        .post()
        .withPath(SSAR)
        .andReturn(
            201,
            Map.of(
                "apiVersion",
                "authorization.k8s.io/v1",
                "kind",
                "SelfSubjectAccessReview",
                "spec",
                Map.of(),
                "status",
                Map.of("allowed", allowed)))
        .always();
  }

  @Test
  void readsAndAPatchPassTheGuardAndTheWriteIsSentAsADryRunFirst() throws Exception {
    accessReviewSays(true);
    int before = server.getRequestCount();

    KubeObject web = cluster.get(ResourceType.DEPLOYMENT, "apps", "web").orElseThrow();
    assertThat(web.body().at("/spec/replicas").asInt()).isEqualTo(2);

    var patch = new ObjectMapper().readTree("{\"spec\": {\"replicas\": 3}}");
    KubeObject patched = cluster.patch(ResourceType.DEPLOYMENT, "apps", "web", patch, false);

    assertThat(patched.body().at("/spec/replicas").asInt()).isEqualTo(3);
    List<RecordedRequest> sent = new ArrayList<>();
    for (int i = 0; i < server.getRequestCount(); i++) {
      sent.add(server.takeRequest());
    }
    // the order that matters: the access review, then the dry run, then the write
    List<RecordedRequest> writes =
        sent.stream()
            .filter(r -> r.getPath().equals(SSAR) || r.getMethod().equals("PATCH"))
            .toList();
    assertThat(writes).hasSize(3);
    assertThat(writes.get(0).getUtf8Body())
        .contains("\"verb\":\"patch\"")
        .contains("\"resource\":\"deployments\"")
        .contains("\"namespace\":\"apps\"");
    assertThat(writes.get(1).getPath()).contains("/deployments/web").contains("dryRun=All");
    assertThat(writes.get(2).getPath()).contains("/deployments/web").doesNotContain("dryRun");
    assertThat(writes.get(2).getHeader("Content-Type")).startsWith("application/merge-patch+json");
  }

  @Test
  void aCallOutsideTheRulesReachesNoServer() {
    int before = server.getRequestCount();

    assertThatThrownBy(() -> cluster.delete(ResourceType.DEPLOYMENT, "apps", "web", false))
        .isInstanceOf(ClusterRefusedException.class)
        .hasMessageContaining("delete on apps/deployments web in namespace apps");
    assertThatThrownBy(
            () -> cluster.list(ResourceType.named("secrets").orElseThrow(), "kube-system"))
        .isInstanceOf(ClusterRefusedException.class)
        .hasMessageContaining("list on secrets in namespace kube-system");
    assertThatThrownBy(
            () -> cluster.get(ResourceType.named("secret").orElseThrow(), "kube-system", "x"))
        .isInstanceOf(ClusterRefusedException.class)
        .hasMessageContaining("Role gitops-crew (namespace gitops-crew)");

    assertThat(server.getRequestCount()).isEqualTo(before);
    assertThat(client.apps().deployments().inNamespace("apps").withName("web").get()).isNotNull();
  }

  @Test
  void aWriteTheApiServerDeniesIsRefusedBeforeItIsSent() throws Exception {
    accessReviewSays(false);
    var patch = new ObjectMapper().readTree("{\"spec\": {\"replicas\": 0}}");

    assertThatThrownBy(() -> cluster.patch(ResourceType.DEPLOYMENT, "apps", "web", patch, false))
        .isInstanceOf(ClusterRefusedException.class)
        .hasMessageContaining("refused by the API server: its access review does not allow patch");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("apps")
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(2);
  }

  @Test
  void customResourcesAreReadAndPatchedAsGenericObjects() throws Exception {
    accessReviewSays(true);
    client
        .genericKubernetesResources(
            new io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext.Builder()
                .withGroup("argoproj.io")
                .withVersion("v1alpha1")
                .withPlural("applications")
                .withKind("Application")
                .withNamespaced(true)
                .build())
        .inNamespace("argocd")
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1")
                .withKind("Application")
                .withNewMetadata()
                .withName("grafana")
                .withNamespace("argocd")
                .endMetadata()
                .withAdditionalProperties(
                    Map.of("status", Map.of("health", Map.of("status", "Degraded"))))
                .build())
        .create();

    assertThat(cluster.list(ResourceType.APPLICATION, "argocd"))
        .singleElement()
        .satisfies(a -> assertThat(a.text("/status/health/status")).isEqualTo("Degraded"));
    KubeObject refreshed =
        cluster.patch(
            ResourceType.APPLICATION,
            "argocd",
            "grafana",
            new ObjectMapper()
                .readTree(
                    "{\"metadata\": {\"annotations\": {\"argocd.argoproj.io/refresh\": \"hard\"}}}"),
            false);
    assertThat(refreshed.text("/metadata/annotations/argocd.argoproj.io~1refresh"))
        .isEqualTo("hard");
  }

  @Test
  void theAccessReviewAsksForTheCallAsKubernetesWouldSeeIt() {
    accessReviewSays(true);
    assertThat(
            cluster.accessAllowed(
                new ApiCall("patch", "apps", "deployments", "scale", "apps", "web")))
        .isTrue();
    assertThat(
            cluster.accessAllowed(new ApiCall("create", "apps", "deployments", null, "apps", "x")))
        .isFalse();
  }
}
