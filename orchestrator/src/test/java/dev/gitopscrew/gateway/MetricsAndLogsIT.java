package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway as it runs in the cluster: Prometheus metrics on {@code /q/metrics} for what
 * it did, one JSON object per log line, and no token in either, tried with real-looking ones.
 */
class MetricsAndLogsIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GATEWAY = "crew_gw_7a3e9c1d5b2f4e6a8c0d2e4f6a8b0c1d";
  private static final String HOOK = "argocd_hook_3c5e7a9b1d2f4e6c8a0b2d4f";
  private static final String GITHUB = "ghp_R4nd0mL00k1ngT0k3nV4lu3F0rT3sts0001";
  private static final String DISCORD =
      "MTE5ODc2NTQzMjEwOTg3NjU0Mw.GhIjKl.mNoPqRsTuVwXyZ0123456789abcdefghijklm";
  private static final List<String> SECRETS = List.of(GATEWAY, HOOK, GITHUB, DISCORD);

  @TempDir Path dir;

  @Test
  void metricsCountWhatTheGatewayDidAndLogsAreJsonWithoutATokenInEither() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    Map<String, String> env =
        Map.of(
            "CREW_GATEWAY_TOKEN", GATEWAY,
            "CREW_ARGOCD_WEBHOOK_TOKEN", HOOK,
            "GITHUB_TOKEN", GITHUB,
            "DISCORD_BOT_TOKEN", DISCORD);
    String metrics;
    try (GatewayProcess gw = GatewayProcess.start(state, env)) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();
      String body =
          "{\"event\": \"on-deployed\", \"app\": \"whoami\", \"revision\": \"9f2c1e7a4b\","
              + " \"finishedAt\": \"2026-11-30T18:40:09Z\"}";
      assertThat(gw.post("/webhooks/argocd", body, HOOK).statusCode()).isEqualTo(202);
      assertThat(gw.post("/webhooks/argocd", body, HOOK).statusCode()).isEqualTo(200);
      assertThat(gw.post("/webhooks/argocd", body, "wrong-" + HOOK).statusCode()).isEqualTo(401);
      var run = gw.post("/api/requests", "{\"text\": \"drill fanout 3\", \"wait\": true}", GATEWAY);
      assertThat(run.statusCode()).as(run.body()).isEqualTo(200);

      // metrics need no token, like the health endpoints, so Prometheus can scrape them
      var scrape = gw.get("/q/metrics", null);
      assertThat(scrape.statusCode()).isEqualTo(200);
      metrics = scrape.body();
      gw.terminate();

      assertThat(metrics)
          .contains("crew_webhook_deliveries_total{outcome=\"accepted\",source=\"argocd\"} 1.0")
          .contains("crew_webhook_deliveries_total{outcome=\"duplicate\",source=\"argocd\"} 1.0")
          .contains("crew_webhook_deliveries_total{outcome=\"unauthorized\",source=\"argocd\"} 1.0")
          .contains("crew_sessions_total{agent=\"homelab-admin\",outcome=\"succeeded\"} 1.0")
          .contains("crew_session_duration_seconds_count{agent=\"homelab-admin\"} 1")
          .contains("crew_approvals_pending 0.0")
          .contains("crew_leader 1.0");

      String log = gw.output();
      List<String> lines = log.lines().filter(l -> !l.isBlank()).toList();
      assertThat(lines).isNotEmpty();
      for (String line : lines) {
        JsonNode entry = JSON.readTree(line);
        assertThat(entry.path("level").asText()).as(line).isNotEmpty();
        assertThat(entry.has("message")).as(line).isTrue();
      }
      assertThat(log).contains("integration GitHub:");
      for (String secret : SECRETS) {
        assertThat(log).doesNotContain(secret);
        assertThat(metrics).doesNotContain(secret);
      }
    }
  }
}
