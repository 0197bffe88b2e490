package dev.gitopscrew.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.session.SessionRecord;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.JdbcDeliveries;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /webhooks/argocd} as Argo CD Notifications calls it, with the bodies the templates of
 * docs/argocd.md produce, against a cluster in Fabric8's CRUD mock: authentication, malformed
 * bodies, deduplication, the re-read before acting, the incident it opens, and the sweep.
 */
@EnableKubernetesMockClient(crud = true)
@org.junit.jupiter.api.Tag("store")
public class ArgoWebhookTest {

  static final String TOKEN = "b3f1c2d4e5a6978812ab34cd56ef7890-argocd-webhook";
  static final String KUBE_TOKEN =
      "eyJhbGciOiJSUzI1NiIsImtpZCI6Im1vY2sifQ.c2VydmljZWFjY291bnQ.c2lnbmF0dXJl";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  Crew crew;
  ArgoWebhook webhook;

  @BeforeEach
  void setUp() throws Exception {
    ClusterFixture.allowAccessReviews(server);
    Path kubeconfig = ClusterFixture.kubeconfig(dir, client, KUBE_TOKEN);
    Path config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            incident:
              verifyWaitSeconds: 1
              sweepMinutes: 0
            """);
    crew =
        Crew.open(
            CrewContext.load(
                Optional.of(config), Optional.of(dir.resolve("state")), env(kubeconfig)));
    webhook = crew.argoWebhook();
    webhook.start(Duration.ZERO);
  }

  private Map<String, String> env(Path kubeconfig) {
    Map<String, String> env =
        new java.util.HashMap<>(dev.gitopscrew.store.TestStores.env(dir.resolve("state")));
    env.put("KUBECONFIG", kubeconfig.toString());
    env.put(ArgoWebhook.TOKEN_VARIABLE, TOKEN);
    return env;
  }

  @AfterEach
  void tearDown() {
    webhook.close();
    crew.close();
  }

  /** The body the template of docs/argocd.md renders for an Application. */
  public static String body(
      String event, String app, String health, String revision, String finished) {
    return """
        {
          "event": "%s",
          "app": "%s",
          "appNamespace": "argocd",
          "project": "default",
          "destNamespace": "apps",
          "destServer": "https://kubernetes.default.svc",
          "syncStatus": "Synced",
          "revision": "%s",
          "healthStatus": "%s",
          "healthMessage": null,
          "operationPhase": "Succeeded",
          "operationMessage": "successfully synced (all tasks run)",
          "startedAt": "2026-11-30T18:40:02Z",
          "finishedAt": "%s",
          "argocdUrl": "https://argocd.home.example"
        }
        """
        .formatted(event, app, revision, health, finished);
  }

  private void application(String name, String health, String sync, String phase) {
    applications().application(name, health, sync, phase);
  }

  private void crashingWorkload(String name) {
    applications().crashingWorkload(name);
  }

  private ArgoApplications applications() {
    return new ArgoApplications(
        client, dir.resolve("state/repositories/demo.git").toUri().toString());
  }

  private ArgoWebhook.Reply post(String authorization, String body) {
    return webhook.receive(authorization, body);
  }

  private JdbcDeliveries.Delivery worked(ArgoWebhook.Reply reply) throws Exception {
    webhook.awaitIdle(Duration.ofSeconds(30));
    long id = ((Number) reply.body().get("delivery")).longValue();
    return crew.deliveries().find(id).orElseThrow();
  }

  private SessionResult finished(long root) throws InterruptedException {
    return crew.engine().awaitResult(root, Duration.ofSeconds(60)).orElseThrow();
  }

  @Test
  void aMissingOrWrongTokenIs401AndNothingIsStored() {
    String body = body("on-deployed", "whoami", "Healthy", "9f2c1e7a4b", "2026-11-30T18:40:09Z");
    for (String header :
        new String[] {null, "Bearer nope", "Basic " + TOKEN, "Bearer " + TOKEN + "x", TOKEN}) {
      ArgoWebhook.Reply reply = post(header, body);
      assertThat(reply.status()).as(header).isEqualTo(401);
      assertThat(reply.body().toString())
          .contains("CREW_ARGOCD_WEBHOOK_TOKEN")
          .doesNotContain(TOKEN);
    }
    assertThat(crew.deliveries().recent(10)).isEmpty();
  }

  @Test
  void withoutATokenConfiguredTheWebhookIsOffAndSaysHowToTurnItOn() {
    try (ArgoWebhook off = new ArgoWebhook(Optional.empty(), crew.deliveries(), null, null)) {
      ArgoWebhook.Reply reply =
          off.receive("Bearer " + TOKEN, body("on-deployed", "a", "", "", ""));
      assertThat(reply.status()).isEqualTo(503);
      assertThat(reply.body().get("error").toString()).contains("set CREW_ARGOCD_WEBHOOK_TOKEN");
    }
  }

  @Test
  void aMalformedBodyIs400WithTheReason() {
    String auth = "Bearer " + TOKEN;
    Map<String, String> cases =
        Map.of(
            "{\"event\": \"on-deployed\",\n \"app\": }",
            "not JSON at line 2, column 9",
            "{\"app\": \"whoami\"}",
            "missing required field 'event'",
            "{\"event\": \"on-deployed\"}",
            "missing required field 'app'",
            "{\"event\": \"on-deployed\", \"app\": \"whoami\", \"revision\": 42}",
            "'revision' must be a string, found number",
            "{\"event\": \"on-created\", \"app\": \"whoami\"}",
            "event 'on-created' is not one the crew acts on; one of [on-deployed,",
            "[]",
            "expected a JSON object, found array",
            "",
            "empty body",
            "{\"event\": \"on-deployed\", \"app\": \"../../etc\"}",
            "'app' is not an Argo CD application name");
    cases.forEach(
        (body, reason) -> {
          ArgoWebhook.Reply reply = post(auth, body);
          assertThat(reply.status()).as(body).isEqualTo(400);
          assertThat(reply.body().get("error").toString()).as(body).contains(reason);
        });
    assertThat(crew.deliveries().recent(10)).isEmpty();
  }

  @Test
  void aBurstIsAnsweredThenWorkedOnItsOwnOnceDeliveriesStopArriving() {
    List<Long> accepted = new java.util.ArrayList<>();
    for (int sync = 0; sync < 5; sync++) {
      application("app-" + sync, "Healthy", "Synced", "Succeeded");
      String body =
          body(
              "on-deployed",
              "app-" + sync,
              "Healthy",
              "rev" + sync,
              "2026-11-30T18:4" + sync + ":09Z");
      ArgoWebhook.Reply first = post("Bearer " + TOKEN, body);
      ArgoWebhook.Reply repeat = post("Bearer " + TOKEN, body);
      assertThat(first.status()).isEqualTo(202);
      assertThat(repeat.status()).isEqualTo(200);
      assertThat(repeat.body()).containsEntry("delivery", first.body().get("delivery"));
      accepted.add(((Number) first.body().get("delivery")).longValue());
    }

    // no awaitIdle: the worker starts by itself once the burst is over
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(accepted)
                    .allSatisfy(
                        id ->
                            assertThat(crew.deliveries().find(id).orElseThrow().state())
                                .isNotEqualTo("accepted")));
    assertThat(crew.deliveries().recent(20)).hasSize(5);
  }

  @Test
  void aDeploymentIsAcceptedAtOnceVerifiedByQaTesterAndARepeatIsIgnored() throws Exception {
    application("whoami", "Healthy", "Synced", "Succeeded");
    String body = body("on-deployed", "whoami", "Healthy", "9f2c1e7a4b", "2026-11-30T18:40:09Z");

    ArgoWebhook.Reply first = post("Bearer " + TOKEN, body);
    assertThat(first.status()).isEqualTo(202);
    assertThat(first.body()).containsEntry("state", "accepted");

    // Argo CD resends, and on-deployed fires again when a pod is replaced: same sync, same key
    ArgoWebhook.Reply again =
        post("bearer " + TOKEN, body.replace("\"Healthy\"", "\"Progressing\""));
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body())
        .containsEntry("duplicate", true)
        .containsEntry("delivery", first.body().get("delivery"));

    JdbcDeliveries.Delivery delivery = worked(first);
    assertThat(delivery.state()).isEqualTo("processed");
    assertThat(delivery.note()).isEqualTo("verify whoami in argocd (up to 1 s)");
    assertThat(finished(delivery.sessionId())).isInstanceOf(SessionResult.Succeeded.class);
    List<SessionRecord> tree = crew.engine().tree(delivery.sessionId());
    assertThat(tree).extracting(SessionRecord::agent).containsExactly("homelab-admin", "qa-tester");
    assertThat(tree.get(0).channel()).isEqualTo("argocd");

    // a new sync of the same revision is a new event
    ArgoWebhook.Reply later = post("Bearer " + TOKEN, body.replace("18:40:09Z", "19:02:44Z"));
    assertThat(later.status()).isEqualTo(202);
    worked(later);
    assertThat(crew.deliveries().counts()).containsEntry("processed", 2);
  }

  @Test
  void aDegradedNotificationForAnApplicationHealthyWhenReadAgainStartsNothing() throws Exception {
    application("whoami", "Healthy", "Synced", "Succeeded");

    ArgoWebhook.Reply reply =
        post(
            "Bearer " + TOKEN,
            body("on-health-degraded", "whoami", "Degraded", "9f2c1e7a4b", "2026-11-30T18:40:09Z"));
    assertThat(reply.status()).isEqualTo(202);

    JdbcDeliveries.Delivery delivery = worked(reply);
    assertThat(delivery.state()).isEqualTo("skipped");
    assertThat(delivery.note())
        .isEqualTo(
            "read again, whoami is Healthy and Synced (last sync Succeeded): the notification is out of date");
    assertThat(delivery.sessionId()).isNull();
    assertThat(crew.incidentLog().list(10)).isEmpty();
    assertThat(crew.engine().list(true, 100)).isEmpty();
  }

  @Test
  void aDegradedApplicationGetsAnIncidentTriagedActedOnVerifiedAndReported() throws Exception {
    application("whoami", "Degraded", "Synced", "Succeeded");
    crashingWorkload("whoami");

    ArgoWebhook.Reply reply =
        post(
            "Bearer " + TOKEN,
            body("on-health-degraded", "whoami", "Degraded", "9f2c1e7a4b", "2026-11-30T18:40:09Z"));
    JdbcDeliveries.Delivery delivery = worked(reply);
    assertThat(delivery.state()).as(delivery.note()).isEqualTo("processed");
    SessionResult result = finished(delivery.sessionId());

    Incident incident = crew.incidentLog().list(10).get(0);
    assertThat(incident.app()).isEqualTo("whoami");
    assertThat(incident.trigger()).isEqualTo("on-health-degraded");
    assertThat(incident.severity()).isEqualTo("SEV-2");
    assertThat(incident.runbook()).isEqualTo("restart-crash-loop");
    // the mock cluster never heals, so verification fails and the incident stays mitigated
    assertThat(incident.state()).as(result.describe()).isEqualTo("mitigated");
    assertThat(
            client
                .apps()
                .deployments()
                .inNamespace("apps")
                .withName("whoami")
                .get()
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations())
        .containsKey("kubectl.kubernetes.io/restartedAt");
    assertThat(crew.engine().tree(delivery.sessionId()))
        .extracting(SessionRecord::agent)
        .containsExactly("homelab-admin", "qa-tester", "devops-sre", "qa-tester");

    assertThat(incident.report())
        .contains("## Timeline")
        .contains("cluster.patch apps/deployments/whoami in apps")
        .contains("## Root cause")
        .contains("CrashLoopBackOff")
        .contains("## Blast radius")
        .contains("## Resolution")
        .contains("## Action items");
    assertThat(incident.issueRepository()).isEqualTo("demo");
    var comments = crew.forgeRecords().comments("demo", incident.issueNumber());
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).body()).contains("## Timeline").contains("restart-crash-loop");
    assertThat(crew.forgeRecords().issue("demo", incident.issueNumber()).orElseThrow().title())
        .isEqualTo("Incident: whoami Degraded (SEV-2)");

    // a second alert while the incident is open starts nothing new
    ArgoWebhook.Reply failed =
        post(
            "Bearer " + TOKEN,
            body("on-sync-failed", "whoami", "Degraded", "9f2c1e7a4b", "2026-11-30T18:40:09Z"));
    assertThat(worked(failed).note())
        .isEqualTo("incident #" + incident.id() + " is already mitigated for whoami");
  }

  @Test
  void theSweepFindsADegradedApplicationNoNotificationReportedAndResolvesItOnceHealthy()
      throws Exception {
    application("whoami", "Healthy", "Synced", "Succeeded");
    application("grafana", "Degraded", "Synced", "Succeeded");

    HealthSweep.Result first = webhook.sweepNow(Duration.ofSeconds(30));
    assertThat(first.applications()).isEqualTo(2);
    assertThat(first.opened()).containsExactly("grafana");
    var sessions = crew.engine().list(true, 100);
    long root = sessions.get(sessions.size() - 1).id();
    finished(root);
    Incident incident = crew.incidentLog().openOf("grafana").orElseThrow();
    assertThat(incident.trigger()).isEqualTo("sweep");

    assertThat(webhook.sweepNow(Duration.ofSeconds(30)).opened()).isEmpty();

    applications().healthy("grafana");
    HealthSweep.Result healed = webhook.sweepNow(Duration.ofSeconds(30));
    assertThat(healed.resolved()).containsExactly("grafana");
    assertThat(crew.incidentLog().find(incident.id()).orElseThrow().state()).isEqualTo("resolved");
  }

  @Test
  void aDeliveryAcceptedBeforeARestartIsWorkedAtTheNextStart() throws Exception {
    application("whoami", "Healthy", "Synced", "Succeeded");
    JdbcDeliveries.Recorded left =
        crew.deliveries()
            .record(
                ArgoWebhook.SOURCE,
                "argocd/whoami|on-deployed|9f2c1e7a4b|2026-11-30T18:40:09Z",
                body("on-deployed", "whoami", "Healthy", "9f2c1e7a4b", "2026-11-30T18:40:09Z"));

    try (ArgoWebhook next = crew.argoWebhook()) {
      next.start(Duration.ZERO);
      next.awaitIdle(Duration.ofSeconds(30));
    }
    JdbcDeliveries.Delivery delivery = crew.deliveries().find(left.id()).orElseThrow();
    assertThat(delivery.state()).isEqualTo("processed");
    assertThat(finished(delivery.sessionId())).isInstanceOf(SessionResult.Succeeded.class);
  }
}
