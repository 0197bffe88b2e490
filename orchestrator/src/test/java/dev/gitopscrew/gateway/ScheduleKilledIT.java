package dev.gitopscrew.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schedule's slot whose gateway is killed (SIGKILL) after the slot was recorded and before its
 * run ended: the next gateway on the same state directory finalises the cut-short session as
 * interrupted and completes the slot once, as a rerun, never a second time. The cluster is an API
 * server that holds every answer for a minute while the first gateway runs the slot, and refuses at
 * once afterwards, so the slot is surely in flight when the process dies.
 */
class ScheduleKilledIT {

  static final String TOKEN = "crew_gw_7c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  final WireMockServer kubeApi = new WireMockServer(WireMockConfiguration.options().dynamicPort());

  @AfterEach
  void stopApi() {
    kubeApi.stop();
  }

  @Test
  void aSlotCutShortBySigkillIsCompletedOnceAfterTheRestart() throws Exception {
    kubeApi.start();
    kubeApi.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withFixedDelay(60_000)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{}")));
    Path kubeconfig =
        Files.writeString(
            dir.resolve("kubeconfig"),
            """
            apiVersion: v1
            kind: Config
            clusters: [{name: homelab, cluster: {server: "%s"}}]
            users: [{name: crew, user: {token: kube-token-for-the-killed-slot}}]
            contexts: [{name: crew, context: {cluster: homelab, user: crew, namespace: monitoring}}]
            current-context: crew
            """
                .formatted(kubeApi.baseUrl()));
    Path config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            incident:
              sweepMinutes: 0
            schedules:
              - name: grafana-restart
                every: 1m
                request: restart deployment/grafana in monitoring
                target: none
            """);
    Path state = Files.createDirectories(dir.resolve("state"));
    Map<String, String> env =
        Map.of("CREW_GATEWAY_TOKEN", TOKEN, "KUBECONFIG", kubeconfig.toString());

    JsonNode cut;
    try (GatewayProcess first = GatewayProcess.start(state, env, "--config", config.toString())) {
      assertThat(first.awaitReady()).as("ready; log:%n%s", first.output()).isTrue();
      // the first slot is the next whole minute; its run then waits on the cluster
      cut =
          Awaitility.await()
              .atMost(Duration.ofSeconds(100))
              .pollInterval(Duration.ofMillis(100))
              .until(() -> started(first), r -> r != null);
      // its session (the state directory's first) has begun and waits on the cluster
      Awaitility.await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> first.get("/api/sessions/1", TOKEN).statusCode() == 200);
      JsonNode running = session(first, 1).path("session");
      assertThat(running.path("requester").asText()).isEqualTo("grafana-restart");
      assertThat(running.path("state").asText()).isIn("queued", "pending", "running");
      assertThat(started(first)).as("still running").isNotNull();
    } // SIGKILL, the slot still running

    kubeApi.resetAll();
    kubeApi.stubFor(
        any(anyUrl())
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                         "message":"forbidden: the homelab's API server refuses this test",
                         "reason":"Forbidden","code":403}
                        """)));
    try (GatewayProcess second = GatewayProcess.start(state, env, "--config", config.toString())) {
      assertThat(second.awaitReady()).as("ready; log:%n%s", second.output()).isTrue();
      JsonNode done =
          Awaitility.await()
              .atMost(Duration.ofSeconds(60))
              .pollInterval(Duration.ofMillis(200))
              .until(
                  () -> slot(second, cut.path("slotAt").asText()),
                  r -> r.size() == 1 && "done".equals(r.get(0).path("state").asText()))
              .get(0);
      assertThat(done.path("id").asLong()).isEqualTo(cut.path("id").asLong());
      assertThat(done.path("rerun").asBoolean()).as(done.toString()).isTrue();
      assertThat(done.path("outcome").asText()).isIn("failed", "succeeded");
      long rerun = done.path("sessionId").asLong();
      assertThat(rerun).isGreaterThan(1);
      assertThat(session(second, 1).path("session").path("state").asText())
          .isEqualTo("interrupted");
      assertThat(session(second, rerun).path("session").path("state").asText())
          .isEqualTo(done.path("outcome").asText());
      assertThat(session(second, rerun).path("session").path("requester").asText())
          .isEqualTo("grafana-restart");
      // the slot's row is the only one of its time, and no third session of the schedule ran it
      assertThat(slot(second, cut.path("slotAt").asText())).hasSize(1);
      assertThat(second.output()).contains("completing slot " + cut.path("slotAt").asText());
    }
  }

  /** The schedule's run in state started with its session, or null while there is none. */
  private static JsonNode started(GatewayProcess gateway) throws Exception {
    for (JsonNode run : history(gateway)) {
      if ("started".equals(run.path("state").asText())) {
        return run;
      }
    }
    return null;
  }

  private static List<JsonNode> slot(GatewayProcess gateway, String slotAt) throws Exception {
    List<JsonNode> runs = new ArrayList<>();
    for (JsonNode run : history(gateway)) {
      if (run.path("slotAt").asText().equals(slotAt)) {
        runs.add(run);
      }
    }
    return runs;
  }

  private static JsonNode history(GatewayProcess gateway) throws Exception {
    var answer = gateway.get("/api/schedules/grafana-restart/history?limit=50", TOKEN);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static JsonNode session(GatewayProcess gateway, long id) throws Exception {
    var answer = gateway.get("/api/sessions/" + id, TOKEN);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }
}
