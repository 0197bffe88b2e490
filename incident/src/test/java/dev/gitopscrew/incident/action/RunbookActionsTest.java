package dev.gitopscrew.incident.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gitopscrew.cluster.AuditedCluster;
import dev.gitopscrew.cluster.ClusterGuard;
import dev.gitopscrew.cluster.GuardedCluster;
import dev.gitopscrew.cluster.ResourceType;
import dev.gitopscrew.cluster.fabric8.Fabric8Cluster;
import dev.gitopscrew.git.testing.RecordedEffects;
import dev.gitopscrew.incident.IncidentException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each runbook action against Fabric8's mock API server in CRUD mode, through the guard and the
 * session's audit. The mock server ignores dryRun and stores a dry-run patch like any other, so a
 * dry run is checked by the query it sent; SelfSubjectAccessReview is a stub that allows.
 */
@EnableKubernetesMockClient(crud = true)
class RunbookActionsTest {

  static final Instant NOW = Instant.parse("2026-11-30T19:00:00Z");

  KubernetesMockServer server;
  KubernetesClient client;
  RecordedEffects audit;
  StepContext live;
  StepContext dryRun;

  @BeforeEach
  void setUp() {
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        .andReturn(201, Map.of("status", Map.of("allowed", true)))
        .always();
    audit = new RecordedEffects("devops-sre");
    GuardedCluster guarded =
        new GuardedCluster(new Fabric8Cluster(client), ClusterGuard.packaged());
    Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    live =
        new StepContext(
            new AuditedCluster(guarded, audit.door()), false, clock, Duration.ofSeconds(5));
    dryRun =
        new StepContext(
            new AuditedCluster(guarded, audit.door()), true, clock, Duration.ofSeconds(5));
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

  private static StepTarget deployment(Integer replicas) {
    return new StepTarget(ResourceType.DEPLOYMENT, "apps", "web", replicas);
  }

  private GenericKubernetesResource custom(
      ResourceType type, String ns, String name, Map<String, Object> fields) {
    var ctx =
        new ResourceDefinitionContext.Builder()
            .withGroup(type.group())
            .withVersion(type.version())
            .withPlural(type.resource())
            .withKind(type.kind())
            .withNamespaced(true)
            .build();
    return client
        .genericKubernetesResources(ctx)
        .inNamespace(ns)
        .resource(
            new GenericKubernetesResourceBuilder()
                .withApiVersion(type.apiVersion())
                .withKind(type.kind())
                .withNewMetadata()
                .withName(name)
                .withNamespace(ns)
                .endMetadata()
                .withAdditionalProperties(fields)
                .build())
        .create();
  }

  private static ResourceDefinitionContext context(ResourceType type) {
    return new ResourceDefinitionContext.Builder()
        .withGroup(type.group())
        .withVersion(type.version())
        .withPlural(type.resource())
        .withKind(type.kind())
        .withNamespaced(true)
        .build();
  }

  private GenericKubernetesResource read(ResourceType type, String ns, String name) {
    var ctx =
        new ResourceDefinitionContext.Builder()
            .withGroup(type.group())
            .withVersion(type.version())
            .withPlural(type.resource())
            .withKind(type.kind())
            .withNamespaced(true)
            .build();
    return client.genericKubernetesResources(ctx).inNamespace(ns).withName(name).get();
  }

  private List<RecordedRequest> patches() throws InterruptedException {
    List<RecordedRequest> out = new ArrayList<>();
    int n = server.getRequestCount();
    for (int i = 0; i < n; i++) {
      RecordedRequest r = server.takeRequest();
      if (r.getMethod().equals("PATCH") || r.getMethod().equals("DELETE")) {
        out.add(r);
      }
    }
    return out;
  }

  @Test
  void aRolloutRestartAnnotatesThePodTemplateAndIsAudited() {
    String did = new RestartRollout().run(deployment(null), live);

    assertThat(did)
        .startsWith("the rollout restart of deployment/web in apps at 2026-11-30T19:00:00Z");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("apps")
                .withName("web")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsEntry("kubectl.kubernetes.io/restartedAt", "2026-11-30T19:00:00Z");
    assertThat(audit.records())
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.kind()).isEqualTo("cluster.patch");
              assertThat(r.outcome()).isEqualTo("ok");
              assertThat(r.target()).isEqualTo("apps/deployments/web in apps");
              assertThat(r.artifact()).startsWith("deployment/web in apps@");
            });
  }

  @Test
  void aDryRunSendsOnlyServerSideDryRunsAndRecordsThem() throws Exception {
    String did = new RestartRollout().run(deployment(null), dryRun);

    assertThat(did).startsWith("dry run: the API server accepted the rollout restart");
    List<RecordedRequest> writes = patches();
    assertThat(writes).isNotEmpty().allSatisfy(r -> assertThat(r.getPath()).contains("dryRun=All"));
    assertThat(audit.kinds()).containsExactly("cluster.patch previewed");
  }

  @Test
  void aScaleSetsTheReplicasAndScalingToZeroNeedsAnApproval() {
    assertThat(new ScaleWorkload().run(deployment(3), live))
        .startsWith("scaling deployment/web in apps from 2 to 3");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("apps")
                .withName("web")
                .get()
                .getSpec()
                .getReplicas())
        .isEqualTo(3);
    assertThat(new ScaleWorkload().approvalNeeded(deployment(0)))
        .contains("scaling deployment/web in apps to zero stops it");
    assertThat(new ScaleWorkload().approvalNeeded(deployment(1))).isEmpty();
  }

  @Test
  void aForceSyncAnnotatesAndWaitsForANewerRefreshTime() throws Exception {
    ResourceType es = ResourceType.EXTERNAL_SECRET;
    custom(
        es,
        "monitoring",
        "grafana",
        Map.of("status", Map.of("refreshTime", "2026-11-30T18:00:00Z")));
    // the operator: refreshes the secret once it sees the annotation (or gives up when the test
    // is over, the action having failed without it)
    AtomicBoolean stop = new AtomicBoolean();
    Thread operator =
        new Thread(
            () -> {
              try {
                await("the force-sync annotation")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(20))
                    .until(
                        () -> {
                          Map<String, String> annotations =
                              read(es, "monitoring", "grafana").getMetadata().getAnnotations();
                          return stop.get()
                              || (annotations != null && annotations.containsKey("force-sync"));
                        });
              } catch (ConditionTimeoutException e) {
                return; // never annotated: the action reports its own failure
              }
              if (stop.get()) {
                return;
              }
              client
                  .genericKubernetesResources(context(es))
                  .inNamespace("monitoring")
                  .withName("grafana")
                  .patch(
                      io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                          io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE),
                      "{\"status\": {\"refreshTime\": \"2026-11-30T19:00:01Z\"}}");
            },
            "external-secrets-operator-double");
    operator.start();
    try {
      String did =
          new ForceSyncExternalSecret()
              .run(new StepTarget(es, "monitoring", "grafana", null), live.withRealClock());
      assertThat(did)
          .isEqualTo(
              "force-synced externalsecret/grafana in monitoring: refreshTime"
                  + " 2026-11-30T18:00:00Z -> 2026-11-30T19:00:01Z");
    } finally {
      stop.set(true);
      operator.join(5000);
    }
    assertThat(read(es, "monitoring", "grafana").getMetadata().getAnnotations())
        .containsKey("force-sync");
  }

  @Test
  void aForceSyncTheOperatorNeverAnswersFailsSayingWhatToCheck() {
    ResourceType es = ResourceType.EXTERNAL_SECRET;
    custom(
        es, "monitoring", "loki", Map.of("status", Map.of("refreshTime", "2026-11-30T18:00:00Z")));
    StepContext impatient =
        new StepContext(live.cluster(), false, Clock.systemUTC(), Duration.ofMillis(300));

    assertThatThrownBy(
            () ->
                new ForceSyncExternalSecret()
                    .run(new StepTarget(es, "monitoring", "loki", null), impatient))
        .isInstanceOf(IncidentException.class)
        .hasMessageContaining(
            "its refreshTime did not change within 0 s (still 2026-11-30T18:00:00Z)")
        .hasMessageContaining("check the SecretStore");
  }

  @Test
  void aHardRefreshAnnotatesTheApplication() {
    custom(
        ResourceType.APPLICATION,
        "argocd",
        "grafana",
        Map.of("spec", Map.of("project", "default")));

    assertThat(
            new HardRefreshApplication()
                .run(new StepTarget(ResourceType.APPLICATION, "argocd", "grafana", null), live))
        .startsWith("a hard refresh of application/grafana in argocd");
    assertThat(read(ResourceType.APPLICATION, "argocd", "grafana").getMetadata().getAnnotations())
        .containsEntry("argocd.argoproj.io/refresh", "hard");
  }

  @Test
  void cancellingASyncTerminatesARunningOperationAndRefusesWhenNoneRuns() {
    custom(
        ResourceType.APPLICATION,
        "argocd",
        "stuck",
        Map.of(
            "operation", Map.of("sync", Map.of("revision", "abc")),
            "status",
                Map.of(
                    "operationState",
                    Map.of("phase", "Running", "startedAt", "2026-11-30T17:00:00Z"))));
    custom(
        ResourceType.APPLICATION,
        "argocd",
        "idle",
        Map.of("status", Map.of("operationState", Map.of("phase", "Succeeded"))));

    assertThat(
            new CancelSyncOperation()
                .run(new StepTarget(ResourceType.APPLICATION, "argocd", "stuck", null), live))
        .startsWith(
            "cancelling the running sync of application/stuck in argocd (started 2026-11-30T17:00:00Z)");
    assertThat(
            ((Map<?, ?>)
                    ((Map<?, ?>)
                            read(ResourceType.APPLICATION, "argocd", "stuck")
                                .getAdditionalProperties()
                                .get("status"))
                        .get("operationState"))
                .get("phase"))
        .isEqualTo("Terminating");
    assertThatThrownBy(
            () ->
                new CancelSyncOperation()
                    .run(new StepTarget(ResourceType.APPLICATION, "argocd", "idle", null), live))
        .hasMessage(
            "no sync operation is running for application/idle in argocd (the last one is"
                + " Succeeded); nothing to cancel");
  }

  @Test
  void deletingAStuckPodNeedsAnApprovalAndDeletesAtOnce() {
    client
        .pods()
        .inNamespace("apps")
        .resource(
            new PodBuilder()
                .withNewMetadata()
                .withName("web-0")
                .withNamespace("apps")
                .endMetadata()
                .withNewStatus()
                .withPhase("Running")
                .endStatus()
                .build())
        .create();
    StepTarget pod = new StepTarget(ResourceType.POD, "apps", "web-0", null);

    assertThat(new DeleteStuckPod().approvalNeeded(pod))
        .contains("deleting pod/web-0 in apps kills its containers at once");
    assertThat(new DeleteStuckPod().run(pod, live))
        .isEqualTo("deleted pod/web-0 in apps (it was Running)");
    assertThat(client.pods().inNamespace("apps").withName("web-0").get()).isNull();
    assertThat(audit.kinds()).containsExactly("cluster.delete ok");
  }

  @Test
  void anObjectThatIsNotThereIsSaidSo() {
    assertThatThrownBy(
            () ->
                new RestartRollout()
                    .run(new StepTarget(ResourceType.DEPLOYMENT, "apps", "nope", null), live))
        .isInstanceOf(IncidentException.class)
        .hasMessage("no deployment/nope in apps");
    assertThat(RunbookActions.names())
        .containsExactly(
            "restart", "scale", "force-sync", "hard-refresh", "cancel-sync", "delete-pod");
  }
}
