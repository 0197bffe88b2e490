package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.incident.testing.ClusterFixture;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew kube} and {@code crew action} from the command line: refused calls name the missing
 * rule with or without a cluster and reach no server; allowed ones reach Fabric8's mock API server
 * through a KUBECONFIG, as an operator's would.
 */
@EnableKubernetesMockClient(crud = true)
class ClusterCommandsTest {

  static final String TOKEN =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6Im1vY2sifQ.c2VydmljZWFjY291bnQ.c2lnbmF0dXJl";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  Map<String, String> withCluster;

  @BeforeEach
  void setUp() throws IOException {
    ClusterFixture.allowAccessReviews(server);
    Path kubeconfig = ClusterFixture.kubeconfig(dir, client, TOKEN);
    withCluster = Map.of("KUBECONFIG", kubeconfig.toString());
    client
        .apps()
        .deployments()
        .inNamespace("monitoring")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("grafana")
                .withNamespace("monitoring")
                .endMetadata()
                .withNewSpec()
                .withReplicas(1)
                .withNewTemplate()
                .withNewMetadata()
                .endMetadata()
                .endTemplate()
                .endSpec()
                .build())
        .create();
  }

  private CliRun crew(Map<String, String> env, String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--state-dir";
    all[args.length + 1] = dir.resolve("state").toString();
    return CliRun.of(env, all);
  }

  @Test
  void callsOutsideTheRulesAreRefusedWithOrWithoutACluster() {
    for (Map<String, String> env : new Map[] {Map.of(), withCluster}) {
      int before = server.getRequestCount();

      CliRun delete = crew(env, "kube", "delete", "deployment", "grafana", "-n", "monitoring");
      assertThat(delete.status()).as(delete.all()).isEqualTo(1);
      assertThat(delete.out())
          .contains(
              "refused by the cluster guard: delete on apps/deployments grafana in namespace monitoring")
          .contains("needs verb \"delete\" on apiGroup \"apps\" resource \"deployments\"");

      CliRun secrets = crew(env, "kube", "get", "secrets", "-n", "kube-system");
      assertThat(secrets.status()).isEqualTo(1);
      assertThat(secrets.out())
          .contains("refused by the cluster guard: list on secrets in namespace kube-system")
          .contains("Role gitops-crew (namespace gitops-crew)");

      assertThat(server.getRequestCount()).isEqualTo(before);
    }
  }

  @Test
  void aReadWithNoClusterSaysHowToConfigureOne() {
    CliRun run = crew(Map.of(), "kube", "get", "pods", "-n", "monitoring");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).contains("Kubernetes: not configured - set KUBECONFIG");
  }

  @Test
  void readsAndARestartReachTheClusterAndTheRestartIsAudited() {
    CliRun get = crew(withCluster, "kube", "get", "deployments", "-n", "monitoring");
    assertThat(get.status()).as(get.all()).isZero();
    assertThat(get.out()).contains("monitoring/grafana  0/1 ready");

    CliRun restart =
        crew(withCluster, "action", "restart", "deployment/grafana", "-n", "monitoring");
    assertThat(restart.status()).as(restart.all()).isZero();
    assertThat(restart.out())
        .contains("devops-sre [succeeded] restart deployment/grafana in monitoring")
        .containsPattern(
            "cluster.patch apps/deployments/grafana in monitoring ok -> deployment/grafana in monitoring@\\d+");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("monitoring")
                .withName("grafana")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsKey("kubectl.kubernetes.io/restartedAt");
    assertThat(crew(withCluster, "audit").out()).doesNotContain(TOKEN);
  }

  private void application(String name, String health, String repoUrl, String path) {
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
            new io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder()
                .withApiVersion("argoproj.io/v1alpha1")
                .withKind("Application")
                .withNewMetadata()
                .withName(name)
                .withNamespace("argocd")
                .endMetadata()
                .withAdditionalProperties(
                    Map.of(
                        "spec",
                        Map.of(
                            "source", Map.of("repoURL", repoUrl, "path", path),
                            "destination", Map.of("namespace", "monitoring")),
                        "status",
                        Map.of(
                            "health",
                            Map.of("status", health),
                            "sync",
                            Map.of("status", "Synced"),
                            "resources",
                            java.util.List.of(
                                Map.of(
                                    "group", "apps",
                                    "kind", "Deployment",
                                    "namespace", "monitoring",
                                    "name", "grafana")))))
                .build())
        .create();
  }

  @Test
  void aRunbookRunsItsStepsForAnApplication() {
    application("grafana", "Degraded", "https://example.org/x.git", "k8s/apps/grafana");

    CliRun list = crew(withCluster, "runbook", "list");
    assertThat(list.out())
        .contains("restart-crash-loop (built-in)")
        .contains("rollback-bad-merge (built-in)");

    CliRun run = crew(withCluster, "runbook", "run", "restart-crash-loop", "--app", "grafana");
    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("runbook restart-crash-loop for grafana:")
        .contains("the rollout restart of deployment/grafana in monitoring");
  }

  @Test
  void verificationPassesOrFailsWithEveryCheckShown() {
    application("grafana", "Degraded", "https://example.org/x.git", "k8s/apps/grafana");

    CliRun run = crew(withCluster, "verify", "--app", "grafana");
    assertThat(run.status()).as(run.all()).isEqualTo(1);
    assertThat(run.out())
        .contains("verification of grafana failed:")
        .contains("FAIL healthy: health Degraded")
        .contains("ok   synced: sync Synced");
  }

  @Test
  void aRollbackRunbookWaitsForApprovalThenOpensARevertPullRequest() throws Exception {
    // the demo repository as its first use seeds it
    dev.gitopscrew.git.DemoRepository.ensure(dir.resolve("state"));
    Path demo = dir.resolve("state/repositories/demo.git");
    String deployment = "k8s/apps/whoami/deployment.yaml";
    String good = dev.gitopscrew.git.testing.BareRepos.read(demo, "main", deployment);
    try (var repo = dev.gitopscrew.git.testing.BareRepos.open(demo)) {
      var update = repo.updateRef("refs/heads/bump");
      update.setNewObjectId(repo.resolve("refs/heads/main"));
      update.update();
    }
    dev.gitopscrew.git.testing.BareRepos.commit(
        demo, "bump", Map.of(deployment, good.replace("v1.10.2", "v9.9.9")), "Bump whoami");
    dev.gitopscrew.git.testing.BareRepos.merge(
        demo, "main", "bump", "Merge pull request #3 from bump");
    application("whoami", "Degraded", demo.toUri().toString(), "k8s/apps/whoami");

    CliRun run = crew(withCluster, "runbook", "run", "rollback-bad-merge", "--app", "whoami");
    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("[awaiting_approval]")
        .contains("runbook rollback-bad-merge rolls back a merge by a revert pull request")
        .contains("dry run, nothing written");
    assertThat(crew(Map.of(), "forge", "list").out()).contains("Pull requests: (none)");
    String id = run.out().replaceAll("(?s).*Waiting for approval ([a-z0-9]{8}).*", "$1");

    CliRun approved = crew(withCluster, "approve", id);
    assertThat(approved.status()).as(approved.all()).isZero();
    assertThat(approved.out()).contains("rollback of ").contains("Merge pull request #3 from bump");
    assertThat(crew(Map.of(), "forge", "list").out())
        .contains("fix: Revert Merge pull request #3 from bump")
        .contains("devops-sre/fix/1-revert-merge-pull-request-3-from-bump -> main");
    String branch = "devops-sre/fix/1-revert-merge-pull-request-3-from-bump";
    assertThat(dev.gitopscrew.git.testing.BareRepos.read(demo, branch, deployment)).isEqualTo(good);
  }

  @Test
  void aPersonsIncidentReportIsTriagedAndShownWithItsReport() {
    application("grafana", "Missing", "https://example.org/x.git", "k8s/apps/grafana");

    CliRun open = crew(withCluster, "incidents", "open", "grafana");
    assertThat(open.status()).as(open.all()).isZero();
    assertThat(open.out())
        .contains("homelab-admin [succeeded] incident grafana (manual)")
        .contains("qa-tester [succeeded] triage grafana")
        .contains("incident #1 SEV-1 grafana open")
        .contains("no runbook matches");

    CliRun list = crew(withCluster, "incidents", "list");
    assertThat(list.out()).contains("#1 SEV-1 open grafana (manual, opened ");
    CliRun show = crew(withCluster, "incidents", "show", "1");
    assertThat(show.status()).isZero();
    assertThat(show.out())
        .contains("response: session #1")
        .contains("## Root cause")
        .contains("health Missing");
    CliRun missing = crew(withCluster, "incidents", "show", "9");
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("no incident 9");
  }

  @Test
  void scalingToZeroWaitsForAnApprovalShowingTheServerSideDryRun() {
    CliRun scale =
        crew(
            withCluster,
            "action",
            "scale",
            "deployment/grafana",
            "-n",
            "monitoring",
            "--replicas",
            "0");

    assertThat(scale.status()).as(scale.all()).isZero();
    assertThat(scale.out())
        .contains("homelab-admin [awaiting_approval]")
        .contains("scaling deployment/grafana in monitoring to zero stops it")
        .contains(
            "devops-sre: dry run: the API server accepted scaling deployment/grafana in monitoring from 1 to 0")
        .contains("crew approve ");
    String id = scale.out().replaceAll("(?s).*Waiting for approval ([a-z0-9]{8}).*", "$1");

    CliRun approve = crew(withCluster, "approve", id);
    assertThat(approve.status()).as(approve.all()).isZero();
    assertThat(approve.out()).contains("scaling deployment/grafana in monitoring from 1 to 0");
    assertThat(approve.out()).contains("cluster.patch apps/deployments/grafana in monitoring ok");

    CliRun again = crew(withCluster, "approve", id);
    assertThat(again.status()).isEqualTo(1);
    assertThat(again.err()).contains("was already approved by cli:");
  }
}
