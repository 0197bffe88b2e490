package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.incident.testing.ClusterFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew doctor} against an API server: it answers, and a SelfSubjectAccessReview confirms
 * each call the guard's rules allow; a rule the cluster does not grant (deploy/k8s/rbac.yaml not
 * applied, or changed on one side) makes the doctor fail naming it.
 */
@EnableKubernetesMockClient(crud = true)
class DoctorClusterTest {

  static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.ZG9jdG9y.c2lnbmF0dXJl";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;

  private CliRun doctor() throws Exception {
    Path kubeconfig = ClusterFixture.kubeconfig(dir, client, TOKEN);
    return CliRun.of(
        Map.of("KUBECONFIG", kubeconfig.toString(), "HOME", dir.toString()),
        "doctor",
        "--state-dir",
        dir.resolve("state").toString());
  }

  @Test
  void everyRuleOfTheGuardIsConfirmedByTheCluster() throws Exception {
    ClusterFixture.allowAccessReviews(server);

    CliRun run = doctor();

    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .containsPattern(
            "Kubernetes: ok \\(.*answers, version .*; (\\d+) of \\1 guard rules"
                + " confirmed by SelfSubjectAccessReview\\)")
        .doesNotContain(TOKEN);
  }

  @Test
  void aRuleTheClusterDoesNotGrantFailsTheDoctorNamingIt() throws Exception {
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        .andReply(
            201,
            request ->
                Map.of(
                    "status",
                    Map.of("allowed", !request.getUtf8Body().contains("\"resource\":\"secrets\""))))
        .always();

    CliRun run = doctor();

    assertThat(run.status()).as(run.all()).isEqualTo(1);
    assertThat(run.out())
        .contains("Kubernetes: BROKEN")
        .contains("not granted: [get on secrets in namespace gitops-crew")
        .contains("kubectl apply -f deploy/k8s/rbac.yaml");
  }
}
