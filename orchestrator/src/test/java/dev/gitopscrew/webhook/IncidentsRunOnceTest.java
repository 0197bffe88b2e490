package dev.gitopscrew.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Verify;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionRecord;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.JdbcDeliveries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident's runbook runs once however many alerts arrive for it, a step parked for an approval
 * is withdrawn when the application recovers by itself, and the Application is re-read through
 * transient API server failures: against Fabric8's CRUD mock, through {@code /webhooks/argocd}.
 */
@EnableKubernetesMockClient(crud = true)
@Tag("store")
class IncidentsRunOnceTest {

  static final String TOKEN = "b3f1c2d4e5a6978812ab34cd56ef7890-argocd-webhook";
  static final String APPLICATION_PATH =
      "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications/whoami";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  Crew crew;
  ArgoWebhook webhook;
  ArgoApplications apps;

  private void open(String config) throws Exception {
    ClusterFixture.allowAccessReviews(server);
    Map<String, String> env =
        new HashMap<>(dev.gitopscrew.store.TestStores.env(dir.resolve("state")));
    env.put("KUBECONFIG", ClusterFixture.kubeconfig(dir, client, "kube-token").toString());
    env.put(ArgoWebhook.TOKEN_VARIABLE, TOKEN);
    Path file = Files.writeString(dir.resolve("crew.yaml"), config);
    crew = Crew.open(CrewContext.load(Optional.of(file), Optional.of(dir.resolve("state")), env));
    webhook = crew.argoWebhook();
    webhook.start(Duration.ZERO);
    apps =
        new ArgoApplications(client, dir.resolve("state/repositories/demo.git").toUri().toString());
  }

  @AfterEach
  void tearDown() {
    if (webhook != null) {
      webhook.close();
      crew.close();
    }
  }

  private JdbcDeliveries.Delivery notify(String event, String revision, String finishedAt)
      throws Exception {
    ArgoWebhook.Reply reply =
        webhook.receive(
            "Bearer " + TOKEN,
            ArgoWebhookTest.body(event, "whoami", "Degraded", revision, finishedAt));
    assertThat(reply.status()).as(reply.body().toString()).isEqualTo(202);
    webhook.awaitIdle(Duration.ofSeconds(60));
    return crew.deliveries()
        .find(((Number) reply.body().get("delivery")).longValue())
        .orElseThrow();
  }

  private SessionResult finished(long root) throws InterruptedException {
    return crew.engine().awaitResult(root, Duration.ofSeconds(90)).orElseThrow();
  }

  private long sessionsOf(String agent) {
    return crew.engine().list(true, 200).stream().filter(s -> s.agent().equals(agent)).count();
  }

  @Test
  void aSecondAlertWhileTheFirstIsQueuedJoinsItsIncidentAndTheRunbookRunsOnce() throws Exception {
    open(
        """
        agents: {defaults: {subagents: {maxConcurrent: 1}}}
        incident: {verifyWaitSeconds: 1, sweepMinutes: 0}
        """);
    apps.application("whoami", "Degraded", "Synced", "Failed");
    apps.crashingWorkload("whoami");
    // the one slot is busy, so the first alert's response waits in the queue
    apps.progressing("blocker");
    RequestOutcome blocking =
        crew.runRequest()
            .run(
                new Verify("blocker", "argocd", 120),
                Optional.empty(),
                ChannelScope.unrestricted("cli"),
                new Origin("cli", "test"),
                false);

    JdbcDeliveries.Delivery first =
        notify("on-health-degraded", "9f2c1e7a4b", "2026-11-30T18:40:09Z");
    JdbcDeliveries.Delivery second = notify("on-sync-failed", "4e1d0c9b8a", "2026-11-30T18:41:30Z");

    assertThat(first.state()).as(first.note()).isEqualTo("processed");
    Incident incident = crew.incidentLog().openOf("whoami").orElseThrow();
    assertThat(second.state()).isEqualTo("skipped");
    assertThat(second.sessionId()).isNull();
    assertThat(second.note())
        .isEqualTo(
            "on-sync-failed at 4e1d0c9b8a joined incident #"
                + incident.id()
                + " of whoami: its response, request #"
                + first.sessionId()
                + ", is still at work");

    apps.healthy("blocker");
    finished(((RequestOutcome.Ran) blocking).rootId());
    SessionResult result = finished(first.sessionId());

    assertThat(sessionsOf("devops-sre")).as(result.describe()).isEqualTo(1);
    assertThat(apps.restartedAt("whoami")).isNotNull();
    assertThat(crew.incidentLog().list(10)).hasSize(1);
    Incident worked = crew.incidentLog().find(incident.id()).orElseThrow();
    assertThat(worked.runbook()).isEqualTo("restart-crash-loop");
    assertThat(worked.report())
        .contains("alert on-sync-failed at 4e1d0c9b8a joined incident #" + incident.id());
  }

  /** An incident whose restart waits for a person's approval, and that approval. */
  private Approval parkedIncident() throws Exception {
    open(ArgoApplications.APPROVED_RESTART);
    apps.application("whoami", "Degraded", "Synced", "Succeeded");
    apps.crashingWorkload("whoami");
    JdbcDeliveries.Delivery alert =
        notify("on-health-degraded", "9f2c1e7a4b", "2026-11-30T18:40:09Z");
    assertThat(crew.engine().awaitResult(alert.sessionId(), Duration.ofSeconds(60))).isEmpty();
    SessionRecord root = crew.engine().find(alert.sessionId()).orElseThrow();
    assertThat(root.state()).as(root.detail()).isEqualTo("awaiting_approval");
    return crew.engine().approvals().ofSession(alert.sessionId()).orElseThrow();
  }

  private void assertWithdrawn(Approval parked) throws Exception {
    Approval now = crew.engine().approvals().find(parked.id()).orElseThrow();
    assertThat(now.state()).isEqualTo("denied");
    assertThat(now.decidedBy()).isEqualTo("gitops-crew");
    assertThat(now.note()).contains("application recovered by itself");
    assertThat(crew.engine().find(parked.sessionId()).orElseThrow().state()).isEqualTo("cancelled");

    Incident incident = crew.incidentLog().list(10).get(0);
    assertThat(incident.state()).isEqualTo("resolved");
    assertThat(incident.summary()).isEqualTo("application recovered by itself; step withdrawn");
    assertThat(crew.incidentLog().timeline(parked.sessionId()))
        .anyMatch(line -> line.contains("application recovered by itself; step withdrawn"));

    // a click that comes later runs nothing and says why
    RequestOutcome click = crew.runRequest().decide(parked.id(), true, "cli:alice", null, false);
    assertThat(click).isInstanceOf(RequestOutcome.Refused.class);
    assertThat(((RequestOutcome.Refused) click).reason())
        .contains("already denied by gitops-crew")
        .contains("application recovered by itself");
    // only the approval's preview touched the cluster, as a dry run
    assertThat(crew.audit().latest(100))
        .filteredOn(r -> r.kind().equals("cluster.patch"))
        .isNotEmpty()
        .allMatch(AuditRecord::dryRun);
    assertThat(crew.incidentLog().list(10)).hasSize(1);
  }

  @Test
  void aParkedStepIsWithdrawnWhenTheSweepFindsTheApplicationHealthyAgain() throws Exception {
    Approval parked = parkedIncident();
    apps.healthy("whoami");

    HealthSweep.Result sweep = webhook.sweepNow(Duration.ofSeconds(30));

    assertThat(sweep.resolved()).containsExactly("whoami");
    assertWithdrawn(parked);
  }

  @Test
  void aParkedStepIsWithdrawnWhenASyncSucceededNotificationFindsItHealthy() throws Exception {
    Approval parked = parkedIncident();
    apps.healthy("whoami");

    JdbcDeliveries.Delivery synced =
        notify("on-sync-succeeded", "5a6b7c8d9e", "2026-11-30T19:02:44Z");

    assertThat(synced.note()).contains("application recovered by itself; step withdrawn");
    assertWithdrawn(parked);
  }

  @Test
  void aStepAPersonDeniesIsWhatTheIncidentSaysAndNothingRuns() throws Exception {
    Approval parked = parkedIncident();

    RequestOutcome denied =
        crew.runRequest()
            .decide(parked.id(), false, "discord:alice", "not during the backup", false);

    assertThat(denied).isInstanceOf(RequestOutcome.Ran.class);
    Incident incident = crew.incidentLog().list(10).get(0);
    assertThat(incident.state()).isEqualTo("open");
    assertThat(incident.summary())
        .isEqualTo("runbook step denied by discord:alice: not during the backup; nothing was run");
    assertThat(crew.incidentLog().timeline(parked.sessionId()))
        .anyMatch(line -> line.contains("runbook step denied by discord:alice"));
    assertThat(crew.audit().latest(100))
        .filteredOn(r -> r.kind().equals("cluster.patch"))
        .allMatch(AuditRecord::dryRun);
  }

  @Test
  void anApplicationReadFailingTwiceIsReadAgainAndActedOnOnce() throws Exception {
    open("incident: {verifyWaitSeconds: 1, sweepMinutes: 0}\n");
    apps.application("whoami", "Healthy", "Synced", "Succeeded");
    AtomicInteger failures = new AtomicInteger();
    server
        .expect()
        .get()
        .withPath(APPLICATION_PATH)
        .andReply(
            500,
            request -> {
              failures.incrementAndGet();
              return Map.of("kind", "Status", "code", 500, "message", "etcd leader changed");
            })
        .times(2);

    JdbcDeliveries.Delivery deployed = notify("on-deployed", "9f2c1e7a4b", "2026-11-30T18:40:09Z");

    assertThat(failures).hasValue(2);
    assertThat(deployed.state()).as(deployed.note()).isEqualTo("processed");
    assertThat(finished(deployed.sessionId())).isInstanceOf(SessionResult.Succeeded.class);
    assertThat(sessionsOf("homelab-admin")).isEqualTo(1);
  }

  @Test
  void anApplicationReadThatKeepsFailingFailsWithTheReasonAfterABoundedNumberOfTries()
      throws Exception {
    open("incident: {verifyWaitSeconds: 1, sweepMinutes: 0}\n");
    apps.application("whoami", "Degraded", "Synced", "Failed");
    AtomicInteger failures = new AtomicInteger();
    server
        .expect()
        .get()
        .withPath(APPLICATION_PATH)
        .andReply(
            503,
            request -> {
              failures.incrementAndGet();
              return Map.of(
                  "kind", "Status", "code", 503, "message", "the server is shutting down");
            })
        .always();

    JdbcDeliveries.Delivery alert =
        notify("on-health-degraded", "9f2c1e7a4b", "2026-11-30T18:40:09Z");

    assertThat(alert.state()).isEqualTo("failed");
    assertThat(alert.note())
        .isEqualTo(
            "re-reading application argocd/whoami: the API server answered 503: the server is"
                + " shutting down (tried 4 times with backoff)");
    assertThat(failures).hasValue(4);
    assertThat(crew.engine().list(true, 10)).isEmpty();
    assertThat(crew.incidentLog().list(10)).isEmpty();
  }
}
