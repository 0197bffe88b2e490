package dev.gitopscrew.assembly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code drift} schedule with {@code post: changed} against Fabric8's mock API server: an
 * Application going Degraded is posted to the alerts webhook (a Discord double) once, nothing more
 * while it stays so, its recovery once, then nothing. The schedules tick by a clock the test moves;
 * each tick is a crew of its own that waits for its posts as it ends, as {@code crew schedules run}
 * does: no sleeps.
 */
@EnableKubernetesMockClient(crud = true)
class DriftScheduleTest {

  private static final String HOOK = "/api/webhooks/1180000000000000043/drift-token";
  private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImNyZXctZHJpZnQifQ.mock-token";

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  private WireMockServer discord;
  private CrewContext context;
  private final MovingClock clock = new MovingClock("2026-12-07T10:00:30Z");
  private boolean ticked;

  @BeforeEach
  void start() throws Exception {
    discord = new WireMockServer(wireMockConfig().dynamicPort());
    discord.start();
    discord.stubFor(
        post(urlPathEqualTo(HOOK))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": \"1190000000000000002\"}")));
    ClusterFixture.allowAccessReviews(server);
    DriftApplications.put(client, "guestbook", "Healthy", "");
    DriftApplications.put(client, "grafana", "Healthy", "");
    Path config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            schedules:
              - name: drift-watch
                every: 1m
                request: drift
                post: changed
            """);
    context =
        CrewContext.load(
            Optional.of(config),
            Optional.of(dir.resolve("state")),
            Map.of(
                "KUBECONFIG",
                ClusterFixture.kubeconfig(dir, client, TOKEN).toString(),
                "DISCORD_WEBHOOK_ALERTS",
                discord.baseUrl() + HOOK));
  }

  @AfterEach
  void stop() {
    discord.stop();
  }

  @Test
  void anApplicationGoingDegradedIsPostedOnceAndItsRecoveryOnce() throws Exception {
    // a new schedule starts from the first tick that sees it; its first result is always posted
    List<ScheduleRun> first = ticks(2);
    assertThat(first).hasSize(1);
    assertThat(first.get(0).summary()).contains("all 2 applications Synced and Healthy");
    assertThat(posts()).hasSize(1);

    DriftApplications.put(client, "guestbook", "Degraded", "back-off restarting failed container");
    List<ScheduleRun> degraded = ticks(1);
    assertThat(degraded.get(0).posted()).isTrue();
    assertThat(posts()).hasSize(2);
    assertThat(posts().get(1))
        .contains("1 of 2 applications out of sync or unhealthy")
        .contains("guestbook: Degraded, Synced — back-off restarting failed container")
        .contains("newly troubled: guestbook");

    List<ScheduleRun> still = ticks(2);
    assertThat(still).hasSize(2).noneMatch(ScheduleRun::posted).allMatch(ScheduleRun::succeeded);
    assertThat(posts()).as("nothing while it stays Degraded").hasSize(2);

    DriftApplications.put(client, "guestbook", "Healthy", "");
    List<ScheduleRun> recovered = ticks(1);
    assertThat(recovered.get(0).posted()).isTrue();
    assertThat(posts()).hasSize(3);
    assertThat(posts().get(2))
        .contains("all 2 applications Synced and Healthy")
        .contains("recovered: guestbook");

    List<ScheduleRun> after = ticks(2);
    assertThat(after).hasSize(2).noneMatch(ScheduleRun::posted).allMatch(ScheduleRun::succeeded);
    assertThat(posts()).as("nothing once recovered").hasSize(3);
  }

  /**
   * {@code n} ticks a minute apart on a crew of their own (the first one at the current instant
   * when nothing ran yet), then the crew ends, its posts sent.
   */
  private List<ScheduleRun> ticks(int n) throws Exception {
    List<ScheduleRun> made = new ArrayList<>();
    try (Crew crew = Crew.open(context)) {
      Schedules schedules = ScheduleWiring.build(crew, clock);
      for (int i = 0; i < n; i++) {
        if (ticked) {
          clock.advance(Duration.ofMinutes(1));
        }
        ticked = true;
        made.addAll(schedules.runDue());
      }
      crew.chat().finishPosts(Duration.ofSeconds(30));
    }
    return made;
  }

  /** The messages the alerts webhook received, oldest first. */
  private List<String> posts() {
    return discord.findAll(postRequestedFor(urlPathEqualTo(HOOK))).stream()
        .map(LoggedRequest::getBodyAsString)
        .toList();
  }
}
