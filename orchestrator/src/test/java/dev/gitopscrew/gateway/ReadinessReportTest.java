package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.TestStores;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What readiness shows besides the store: the Lease of replicas that elect a leader, and PostgreSQL
 * when the store is there (this test runs on the embedded store and, in CI, again on a real
 * PostgreSQL server).
 */
@EnableKubernetesMockClient(crud = true)
@Tag("store")
class ReadinessReportTest {

  static final String KUBE_TOKEN =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6Im1vY2sifQ.cmVhZGluZXNz.c2lnbmF0dXJl";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;

  @Test
  void readinessShowsTheLeaseAndTheStoreItChecked() throws Exception {
    ClusterFixture.allowAccessReviews(server);
    Path kubeconfig = ClusterFixture.kubeconfig(dir, client, KUBE_TOKEN);
    Path config =
        Files.writeString(dir.resolve("crew.yaml"), "kubernetes:\n  leaderElection: true\n");
    Map<String, String> env = new HashMap<>(TestStores.env(dir.resolve("state")));
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put("POD_NAME", "gitops-crew-7d9f");
    try (Crew crew =
        Crew.open(CrewContext.load(Optional.of(config), Optional.of(dir.resolve("state")), env))) {
      ReadinessReport readiness = new ReadinessReport();
      readiness.crew = crew;

      ReadinessReport.Report report = readiness.now();

      assertThat(report.up()).isTrue();
      assertThat(report.fields()).containsEntry("status", "UP").containsEntry("stateStore", "UP");
      @SuppressWarnings("unchecked")
      Map<String, Object> lease = (Map<String, Object>) report.fields().get("lease");
      // the election has not started here: no holder seen yet
      assertThat(lease)
          .containsEntry("name", "gitops-crew-leader")
          .containsEntry("holder", "")
          .containsKey("leading");
      assertThat((String) lease.get("identity")).startsWith("gitops-crew-7d9f-");
      if (crew.store().shared()) {
        assertThat(report.fields()).containsEntry("postgresql", "UP");
      } else {
        assertThat(report.fields()).doesNotContainKey("postgresql");
      }
    }
  }
}
