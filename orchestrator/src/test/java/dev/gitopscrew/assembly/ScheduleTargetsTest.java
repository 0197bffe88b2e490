package dev.gitopscrew.assembly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.schedule.ScheduleRun;
import dev.gitopscrew.schedule.Schedules;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.testing.DriftApplications;
import dev.gitopscrew.testing.MovingClock;
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
 * A schedule's result where its {@code target} says, without the bot: the Discord webhook it names
 * ({@code webhook:ops}, WireMock as Discord), and the issue of a repository ({@code issue:demo},
 * the local forge) kept current with the latest posted result. The request is {@code drift} against
 * Fabric8's mock API server; the clock is moved by hand.
 */
@EnableKubernetesMockClient(crud = true)
class ScheduleTargetsTest {

  private static final String OPS = "/api/webhooks/1180000000000000044/ops-token-Qm9vdHN0cmFw";
  private static final String ALERTS = "/api/webhooks/1180000000000000043/alerts-token";
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImNyZXctZHJpZnQifQ.mock-token";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  private WireMockServer discord;
  private CrewContext context;
  private final MovingClock clock = new MovingClock("2026-12-07T10:00:30Z");

  @BeforeEach
  void start() throws Exception {
    discord = new WireMockServer(wireMockConfig().dynamicPort());
    discord.start();
    for (String hook : List.of(OPS, ALERTS)) {
      discord.stubFor(
          post(urlPathEqualTo(hook))
              .willReturn(
                  aResponse()
                      .withStatus(200)
                      .withHeader("Content-Type", "application/json")
                      .withBody("{\"id\": \"1190000000000000002\"}")));
    }
    ClusterFixture.allowAccessReviews(server);
    DriftApplications.put(client, "guestbook", "Healthy", "");
    DriftApplications.put(client, "grafana", "Healthy", "");
    Path config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            schedules:
              - name: ops-drift
                every: 1h
                request: drift
                target: webhook:ops
              - name: drift-issue
                every: 1h
                request: drift
                post: changed
                target: issue:demo
            """);
    context =
        CrewContext.load(
            Optional.of(config),
            Optional.of(dir.resolve("state")),
            Map.of(
                "KUBECONFIG",
                ClusterFixture.kubeconfig(dir, client, TOKEN).toString(),
                "DISCORD_WEBHOOK_ALERTS",
                discord.baseUrl() + ALERTS,
                "DISCORD_WEBHOOK_OPS",
                discord.baseUrl() + OPS));
  }

  @AfterEach
  void stop() {
    discord.stop();
  }

  @Test
  void aWebhookTargetPostsToThatWebhookNotTheAlertsOne() throws Exception {
    try (Crew crew = Crew.open(context)) {
      ScheduleRun run = ScheduleWiring.build(crew, clock).runNow("ops-drift").orElseThrow();
      assertThat(run.posted()).isTrue();
      crew.chat().finishPosts(Duration.ofSeconds(30));

      assertThat(bodies(OPS))
          .singleElement()
          .asString()
          .contains("all 2 applications Synced and Healthy");
      assertThat(bodies(ALERTS)).as("nothing at the alerts webhook").isEmpty();
      assertThat(crew.audit().latest(50))
          .anySatisfy(
              r -> {
                assertThat(r.target()).isEqualTo("discord webhook ops");
                assertThat(r.requester()).isEqualTo("ops-drift");
              })
          .allSatisfy(r -> assertThat(r.toString()).doesNotContain("ops-token"));
    }
  }

  @Test
  void anIssueTargetKeepsOneIssueOfTheScheduleCurrentWithItsLatestPostedResult() throws Exception {
    try (Crew crew = Crew.open(context)) {
      Schedules schedules = ScheduleWiring.build(crew, clock);

      assertThat(schedules.runNow("drift-issue").orElseThrow().posted()).isTrue();
      assertThat(crew.forgeRecords().issues("demo"))
          .singleElement()
          .satisfies(
              i -> {
                assertThat(i.title()).isEqualTo("Schedule drift-issue");
                assertThat(i.open()).isTrue();
                assertThat(i.body())
                    .contains("Schedule **drift-issue** (`drift`")
                    .contains("all 2 applications Synced and Healthy");
              });

      DriftApplications.put(
          client, "guestbook", "Degraded", "back-off restarting failed container");
      clock.advance(Duration.ofMinutes(1));
      assertThat(schedules.runNow("drift-issue").orElseThrow().posted()).isTrue();
      Issue degraded = crew.forgeRecords().issues("demo").get(0);
      assertThat(crew.forgeRecords().issues("demo")).as("the same issue, updated").hasSize(1);
      assertThat(degraded.body())
          .contains("1 of 2 applications out of sync or unhealthy")
          .contains("newly troubled: guestbook")
          .doesNotContain("all 2 applications Synced and Healthy");

      clock.advance(Duration.ofMinutes(1));
      ScheduleRun still = schedules.runNow("drift-issue").orElseThrow();
      assertThat(still.posted()).as("post: changed, and nothing changed").isFalse();
      assertThat(crew.forgeRecords().issues("demo")).containsExactly(degraded);

      assertThat(crew.audit().latest(50))
          .filteredOn(r -> r.kind().startsWith("forge.issue"))
          .isNotEmpty()
          .allSatisfy(
              r -> {
                assertThat(r.agent()).isEqualTo("homelab-admin");
                assertThat(r.channel()).isEqualTo("schedule");
                assertThat(r.requester()).isEqualTo("drift-issue");
              });
      assertThat(bodies(ALERTS)).as("an issue target posts nothing to Discord").isEmpty();
    }
  }

  private List<String> bodies(String hook) {
    return discord.findAll(postRequestedFor(urlPathEqualTo(hook))).stream()
        .map(LoggedRequest::getBodyAsString)
        .toList();
  }
}
