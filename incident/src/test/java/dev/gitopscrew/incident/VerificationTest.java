package dev.gitopscrew.incident;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gitopscrew.cluster.ClusterGuard;
import dev.gitopscrew.cluster.GuardedCluster;
import dev.gitopscrew.cluster.fabric8.Fabric8Cluster;
import dev.gitopscrew.incident.testing.ClusterFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Post-sync verification against Fabric8's mock API server in CRUD mode and a real HTTP server. */
@EnableKubernetesMockClient(crud = true)
class VerificationTest {

  static final Instant SYNCED = Instant.parse("2026-11-30T18:50:00Z");

  KubernetesMockServer server;
  KubernetesClient client;
  Verification verification;
  HttpServer health;

  @BeforeEach
  void setUp() throws Exception {
    verification =
        new Verification(new GuardedCluster(new Fabric8Cluster(client), ClusterGuard.packaged()));
    health = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    health.createContext(
        "/ok",
        x -> {
          x.sendResponseHeaders(200, -1);
          x.close();
        });
    health.createContext(
        "/down",
        x -> {
          x.sendResponseHeaders(503, -1);
          x.close();
        });
    health.start();
    ClusterFixture.create(
        client,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: grafana, namespace: argocd}
        spec: {destination: {namespace: monitoring}}
        status:
          health: {status: Healthy}
          sync: {status: Synced}
          resources:
            - {group: apps, kind: Deployment, namespace: monitoring, name: grafana}
            - {group: apps, kind: StatefulSet, namespace: monitoring, name: loki}
            - {group: external-secrets.io, kind: ExternalSecret, namespace: monitoring, name: grafana}
        """);
  }

  @AfterEach
  void tearDown() {
    health.stop(0);
  }

  private String url(String path) {
    return "http://127.0.0.1:" + health.getAddress().getPort() + path;
  }

  private void readyPod(String name, boolean ready) {
    ClusterFixture.create(
        client,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: monitoring}
        status:
          phase: Running
          conditions: [{type: Ready, status: "%s"}]
        """
            .formatted(name, ready ? "True" : "False"));
  }

  @Test
  void aSyncedHealthyRolledOutApplicationPassesEveryCheck() {
    ClusterFixture.create(
        client,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: grafana, namespace: monitoring, generation: 4}
        spec: {replicas: 2}
        status: {observedGeneration: 4, replicas: 2, updatedReplicas: 2, availableReplicas: 2}
        """);
    ClusterFixture.create(
        client,
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: loki, namespace: monitoring, generation: 2}
        spec: {replicas: 1}
        status: {observedGeneration: 2, readyReplicas: 1, currentRevision: loki-1, updateRevision: loki-1}
        """);
    ClusterFixture.create(
        client,
        """
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata: {name: grafana, namespace: monitoring}
        status:
          refreshTime: "2026-11-30T18:49:00Z"
          conditions: [{type: Ready, status: "True"}]
        """);
    readyPod("grafana-0", true);

    List<Verification.Check> checks =
        verification.verify(
            "grafana", "argocd", SYNCED, List.of(new Verification.Endpoint("grafana", url("/ok"))));

    assertThat(checks).allSatisfy(c -> assertThat(c.ok()).as(c.describe()).isTrue());
    assertThat(checks)
        .extracting(Verification.Check::name)
        .containsExactly(
            "synced",
            "healthy",
            "rollout deployment/grafana",
            "rollout statefulset/loki",
            "externalsecret/grafana",
            "pods ready",
            "health url grafana",
            "no new warnings");
  }

  @Test
  void eachFailureSaysWhatIsNotThereYet() {
    ClusterFixture.create(
        client,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: grafana, namespace: monitoring, generation: 5}
        spec: {replicas: 2}
        status: {observedGeneration: 5, replicas: 3, updatedReplicas: 1, availableReplicas: 2}
        """);
    ClusterFixture.create(
        client,
        """
        apiVersion: apps/v1
        kind: StatefulSet
        metadata: {name: loki, namespace: monitoring, generation: 3}
        spec: {replicas: 2}
        status: {observedGeneration: 3, readyReplicas: 2, currentRevision: loki-1, updateRevision: loki-2}
        """);
    ClusterFixture.create(
        client,
        """
        apiVersion: external-secrets.io/v1
        kind: ExternalSecret
        metadata: {name: grafana, namespace: monitoring}
        status:
          conditions: [{type: Ready, status: "False", message: "could not get secret data from provider"}]
        """);
    readyPod("grafana-1", false);
    ClusterFixture.create(
        client,
        """
        apiVersion: v1
        kind: Event
        metadata: {name: grafana.2, namespace: monitoring}
        type: Warning
        reason: Unhealthy
        message: Readiness probe failed
        lastTimestamp: "2026-11-30T18:55:00Z"
        involvedObject: {kind: Pod, name: grafana-1}
        """);

    List<Verification.Check> checks =
        verification.verify(
            "grafana",
            "argocd",
            SYNCED,
            List.of(new Verification.Endpoint("grafana", url("/down"))));

    assertThat(checks.stream().filter(c -> !c.ok()).map(Verification.Check::describe))
        .containsExactly(
            "FAIL rollout deployment/grafana: 1 of 2 new replicas have been updated",
            "FAIL rollout statefulset/loki: pods are still being updated to revision loki-2",
            "FAIL externalsecret/grafana: could not get secret data from provider",
            "FAIL pods ready: not ready in monitoring: grafana-1 (Running)",
            "FAIL health url grafana: " + url("/down") + " answered 503",
            "FAIL no new warnings: Unhealthy on pod/grafana-1");
  }

  @Test
  void theRolloutRuleIsKubectls() {
    assertThat(
            Verification.rollout(
                    deployment(
                        "{\"metadata\":{\"generation\":3},\"spec\":{\"replicas\":1},\"status\":{\"observedGeneration\":2}}"))
                .detail())
        .isEqualTo("waiting for the controller to see generation 3");
    assertThat(
            Verification.rollout(
                    deployment(
                        "{\"metadata\":{\"generation\":1},\"spec\":{\"replicas\":1},\"status\":{\"observedGeneration\":1,\"conditions\":[{\"type\":\"Progressing\",\"reason\":\"ProgressDeadlineExceeded\",\"message\":\"timed out\"}]}}"))
                .detail())
        .isEqualTo("exceeded its progress deadline: timed out");
    assertThat(
            Verification.rollout(
                    deployment(
                        "{\"metadata\":{\"generation\":1},\"spec\":{\"replicas\":2},\"status\":{\"observedGeneration\":1,\"replicas\":2,\"updatedReplicas\":2,\"availableReplicas\":1}}"))
                .detail())
        .isEqualTo("1 of 2 updated replicas are available");
  }

  private static dev.gitopscrew.cluster.KubeObject deployment(String json) {
    try {
      return new dev.gitopscrew.cluster.KubeObject(
          dev.gitopscrew.cluster.ResourceType.DEPLOYMENT,
          "apps",
          "web",
          "1",
          new com.fasterxml.jackson.databind.ObjectMapper().readTree(json));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
