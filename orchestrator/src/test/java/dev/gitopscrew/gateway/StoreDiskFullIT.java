package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.store.TmpfsMount;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway with its state directory on a small disk of its own that fills up: it says
 * so (readiness 503, writes refused with the reason) and recovers by itself once space returns,
 * every delivery it accepted worked once.
 */
class StoreDiskFullIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String HOOK = "argocd_hook_3b5d7f9a1c2e4f6a8b0d";
  private static final Duration BOUND = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void aFullStateDiskMakesTheGatewayUnreadyAndRefuseWritesUntilSpaceReturns() throws Exception {
    Path state = dir.resolve("state");
    try (TmpfsMount disk = TmpfsMount.mount(state, "32m");
        GatewayProcess gw =
            GatewayProcess.start(state, Map.of("CREW_ARGOCD_WEBHOOK_TOKEN", HOOK))) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();
      for (int i = 1; i <= 5; i++) {
        assertThat(gw.post("/webhooks/argocd", delivery(i), HOOK).statusCode()).isEqualTo(202);
      }

      disk.fill();
      await().atMost(BOUND).until(() -> gw.get("/readyz", null).statusCode() == 503);
      var unready = gw.get("/readyz", null);
      assertThat(JSON.readTree(unready.body()).path("stateStore").asText()).isEqualTo("DOWN");
      assertThat(JSON.readTree(unready.body()).path("reason").asText())
          .contains("the disk of the state directory " + state.resolve("state") + " is full");
      assertThat(gw.get("/q/health/ready", null).statusCode()).isEqualTo(503);
      var refused = gw.post("/webhooks/argocd", delivery(6), HOOK);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(507);
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(JSON.readTree(refused.body()).path("error").asText())
          .contains("is full")
          .contains("nothing was stored");
      var asked = gw.post("/api/requests", "{\"text\": \"kube get pods -n default\"}", null);
      assertThat(asked.statusCode()).as(asked.body()).isEqualTo(507);
      assertThat(JSON.readTree(asked.body()).path("error").asText()).contains("is full");
      for (String body : new String[] {unready.body(), refused.body(), asked.body()}) {
        assertThat(body).doesNotContain("Exception", "at dev.", "SQL", "INSERT", "MERGE");
      }

      disk.free();
      await().atMost(BOUND).until(() -> gw.get("/readyz", null).statusCode() == 200);
      assertThat(JSON.readTree(gw.get("/readyz", null).body()))
          .isEqualTo(JSON.readTree("{\"stateStore\":\"UP\",\"status\":\"UP\"}"));
      var retried = gw.post("/webhooks/argocd", delivery(6), HOOK);
      assertThat(retried.statusCode()).as(retried.body()).isEqualTo(202);

      // no cluster here: each delivery is worked to "failed" with the reason, exactly once
      await()
          .atMost(BOUND)
          .until(
              () ->
                  JSON.readTree(gw.get("/api/webhooks", null).body())
                          .path("counts")
                          .path("failed")
                          .asInt()
                      == 6);
      JsonNode counts = JSON.readTree(gw.get("/api/webhooks", null).body()).path("counts");
      assertThat(counts.path("accepted").asInt()).isZero();
      Map<String, Integer> worked = new TreeMap<>();
      Matcher m = Pattern.compile("argocd delivery (\\d+) ").matcher(gw.output());
      while (m.find()) {
        worked.merge(m.group(1), 1, Integer::sum);
      }
      assertThat(worked)
          .as("log:%n%s", gw.output())
          .hasSize(6)
          .allSatisfy((id, n) -> assertThat(n).isEqualTo(1));
    }
  }

  private static String delivery(int n) {
    return "{\"event\": \"on-deployed\", \"app\": \"whoami\", \"revision\": \"9f2c1e7a4b"
        + n
        + "\", \"finishedAt\": \"2026-11-30T18:40:0"
        + n
        + "Z\"}";
  }
}
