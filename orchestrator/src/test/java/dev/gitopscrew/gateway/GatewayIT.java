package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged gateway as a user starts it: health, the token, SIGTERM, restart on the same data.
 */
class GatewayIT {

  static final String TOKEN = "crew_gw_5f1c9a7e3b2d4c6a8e0f1b3d5c7a9e2f";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void withATokenApiNeedsItHealthDoesNotAndTheTokenIsNeverLogged() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    try (GatewayProcess gw = GatewayProcess.start(state, Map.of("CREW_GATEWAY_TOKEN", TOKEN))) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();

      assertThat(gw.get("/api/status", null).statusCode()).isEqualTo(401);
      assertThat(gw.get("/api/status", "wrong-" + TOKEN).statusCode()).isEqualTo(401);
      assertThat(gw.get("/api/agents", TOKEN.substring(0, 10)).statusCode()).isEqualTo(401);
      assertThat(gw.get("/api/status", TOKEN).statusCode()).isEqualTo(200);
      // no spelling of a path passes the gate without the token
      for (String spelling : new String[] {"//api/status", "/api/./status", "/x/../api/status"}) {
        assertThat(gw.get(spelling, null).statusCode()).as(spelling).isEqualTo(401);
      }
      assertThat(gw.get("/api/agents", TOKEN).body()).contains("\"devops-sre\"");
      assertThat(gw.get("/healthz", null).statusCode()).isEqualTo(200);
      assertThat(gw.get("/readyz", null).statusCode()).isEqualTo(200);
      assertThat(gw.get("/q/health/live", null).statusCode()).isEqualTo(200);
      assertThat(gw.get("/q/health/ready", null).statusCode()).isEqualTo(200);

      gw.terminate();
      assertThat(gw.output())
          .contains("integration Discord:")
          .contains("integration GitHub:")
          .contains("integration Azure DevOps:")
          .contains("integration Kubernetes:")
          .contains("integration Argo CD:")
          .contains("integration model providers:")
          .contains("integration state store:")
          .contains("requires a bearer token")
          .doesNotContain(TOKEN);
    }
  }

  @Test
  void anOpenClawAgentTheCrewLeavesAloneIsANoteNotAWarningAndHealthAnswersToo() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    Path config =
        Files.writeString(
            dir.resolve("openclaw.json"),
            "{\"agents\": {\"list\": [{\"id\": \"homelab-admin\", \"default\": true},"
                + " {\"id\": \"german-tutor\"}]}}");
    try (GatewayProcess gw = GatewayProcess.start(state, Map.of(), "--config", config.toString())) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();
      // the path OpenClaw's probes use answers as /healthz does
      assertThat(gw.get("/health", null).statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(gw.get("/health", null).body()).path("status").asText())
          .isEqualTo("UP");
      gw.terminate();
      JsonNode note =
          gw.output()
              .lines()
              .filter(l -> l.contains("german-tutor"))
              .map(GatewayIT::json)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no line about german-tutor"));
      assertThat(note.path("message").asText()).contains("is not a GitOps Crew agent");
      assertThat(note.path("level").asText()).isEqualTo("INFO");
    }
  }

  private static JsonNode json(String line) {
    try {
      return JSON.readTree(line);
    } catch (java.io.IOException e) {
      throw new AssertionError("not a JSON log line: " + line, e);
    }
  }

  @Test
  void theArgoCdWebhookAnswersAtOnceOverHttpAndKeepsWhatItAccepted() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    String hook = "argocd_hook_8d2e4f6a1c3b5d7e9f0a2c4e";
    String body =
        "{\"event\": \"on-deployed\", \"app\": \"whoami\", \"revision\": \"9f2c1e7a4b\","
            + " \"finishedAt\": \"2026-11-30T18:40:09Z\"}";
    try (GatewayProcess gw =
        GatewayProcess.start(state, Map.of("CREW_ARGOCD_WEBHOOK_TOKEN", hook))) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();

      var noToken = gw.post("/webhooks/argocd", body, null);
      assertThat(noToken.statusCode()).isEqualTo(401);
      assertThat(noToken.headers().firstValue("WWW-Authenticate")).isPresent();
      var malformed = gw.post("/webhooks/argocd", "{\"app\": \"whoami\"}", hook);
      assertThat(malformed.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(malformed.body()).path("error").asText())
          .isEqualTo("missing required field 'event'");
      var accepted = gw.post("/webhooks/argocd", body, hook);
      assertThat(accepted.statusCode()).isEqualTo(202);
      var duplicate = gw.post("/webhooks/argocd", body, hook);
      assertThat(duplicate.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(duplicate.body()).path("duplicate").asBoolean()).isTrue();

      // no cluster is configured here: the delivery is kept, and says why it could not be worked
      JsonNode deliveries =
          org.awaitility.Awaitility.await()
              .atMost(java.time.Duration.ofSeconds(10))
              .pollInterval(java.time.Duration.ofMillis(100))
              .until(
                  () -> JSON.readTree(gw.get("/api/webhooks", null).body()),
                  d -> d.path("recent").path(0).path("state").asText().equals("failed"));
      assertThat(deliveries.path("counts").path("failed").asInt()).isEqualTo(1);
      assertThat(deliveries.path("recent").get(0).path("note").asText())
          .as("%s%nlog:%n%s", deliveries, gw.output())
          .startsWith("the Application cannot be re-read: set KUBECONFIG");

      gw.terminate();
      assertThat(gw.output()).contains("argocd webhook: /webhooks/argocd").doesNotContain(hook);
    }
  }

  @Test
  void theForgeWebhooksCheckTheRawBodyOverHttp() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    String secret = "whsec_4c8e2a6f0b3d5e7a9c1f3b5d7e9a2c4e";
    String azure = "azhook_9d7b5f3a1e2c4d6f8a0b2c4e6f8a1b3d";
    // GitHub signs the bytes it sends: a body with non-ASCII text and CRLF must verify as sent
    byte[] ping =
        "{\"zen\": \"Caf\u00e9 \u2615 \u00bfAnything added dilutes everything else.\",\r\n \"hook_id\": 512345678}"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    try (GatewayProcess gw =
        GatewayProcess.start(
            state, Map.of("GITHUB_WEBHOOK_SECRET", secret, "AZURE_DEVOPS_WEBHOOK_SECRET", azure))) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();

      var pong =
          gw.post(
              "/webhooks/github",
              ping,
              Map.of(
                  "Content-Type", "application/json",
                  "X-GitHub-Event", "ping",
                  "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                  "X-Hub-Signature-256", sign(secret, ping)));
      assertThat(pong.statusCode()).as(pong.body()).isEqualTo(200);
      assertThat(JSON.readTree(pong.body()).path("zen").asText()).startsWith("Caf\u00e9 \u2615");
      var forged =
          gw.post(
              "/webhooks/github",
              ping,
              Map.of(
                  "Content-Type", "application/json",
                  "X-GitHub-Event", "ping",
                  "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0959",
                  "X-Hub-Signature-256", sign("not-the-secret", ping)));
      assertThat(forged.statusCode()).isEqualTo(401);

      var unauthorised =
          gw.post(
              "/webhooks/azure-devops",
              "{\"eventType\": \"git.pullrequest.created\"}".getBytes(),
              Map.of("Content-Type", "application/json; charset=utf-8"));
      assertThat(unauthorised.statusCode()).isEqualTo(401);
      assertThat(unauthorised.headers().firstValue("WWW-Authenticate"))
          .hasValueSatisfying(h -> assertThat(h).startsWith("Basic"));
      var foreign =
          gw.post(
              "/webhooks/azure-devops",
              ("{\"eventType\": \"git.pullrequest.created\", \"resource\": {\"pullRequestId\": 1,"
                      + " \"status\": \"active\", \"repository\": {\"name\": \"Fabrikam\","
                      + " \"project\": {\"name\": \"Fabrikam\"}}}}")
                  .getBytes(),
              Map.of(
                  "Content-Type",
                  "application/json; charset=utf-8",
                  "Authorization",
                  "Basic "
                      + java.util.Base64.getEncoder()
                          .encodeToString(("gitops-crew:" + azure).getBytes())));
      assertThat(foreign.statusCode()).as(foreign.body()).isEqualTo(200);
      assertThat(JSON.readTree(foreign.body()).path("ignored").asText()).contains("not configured");

      gw.terminate();
      assertThat(gw.output())
          .contains(
              "pull request webhooks: github /webhooks/github, azure-devops /webhooks/azure-devops")
          .doesNotContain(secret)
          .doesNotContain(azure);
    }
  }

  private static String sign(String secret, byte[] body) throws Exception {
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(
        new javax.crypto.spec.SecretKeySpec(
            secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
    return "sha256=" + java.util.HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Test
  void theOpenClawTokenVariableIsAcceptedToo() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    try (GatewayProcess gw = GatewayProcess.start(state, Map.of("OPENCLAW_GATEWAY_TOKEN", TOKEN))) {
      assertThat(gw.awaitReady()).isTrue();
      assertThat(gw.get("/api/status", null).statusCode()).isEqualTo(401);
      assertThat(gw.get("/api/status", TOKEN).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void stopsCleanlyOnSigtermAndKeepsItsDataAcrossARestart() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    JsonNode first;
    try (GatewayProcess gw = GatewayProcess.start(state, Map.of())) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();
      assertThat(state.resolve("gateway.json")).exists();
      first = JSON.readTree(gw.get("/api/status", null).body()).path("store");
      int status = gw.terminate();
      assertThat(status).as("exit status after SIGTERM").isIn(0, 143);
      assertThat(gw.output()).contains("gateway stopped");
      assertThat(state.resolve("gateway.json")).doesNotExist();
      // H2 writes its errors there; its own shutdown hook once closed the store under the writer
      assertThat(state.resolve("state/crew.trace.db"))
          .as("the store was open until the gateway closed it")
          .doesNotExist();
    }
    try (GatewayProcess gw = GatewayProcess.start(state, Map.of())) {
      assertThat(gw.awaitReady()).isTrue();
      JsonNode second = JSON.readTree(gw.get("/api/status", null).body()).path("store");
      assertThat(first.path("start_count").asText()).isEqualTo("1");
      assertThat(second.path("start_count").asText()).isEqualTo("2");
      assertThat(second.path("first_started_at")).isEqualTo(first.path("first_started_at"));
      gw.terminate();
    }
  }

  @Test
  void aNonLoopbackBindWithoutATokenExits2BeforeStarting() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    try (GatewayProcess gw = GatewayProcess.start(state, Map.of(), "--bind", "0.0.0.0")) {
      assertThat(gw.process.waitFor(60, TimeUnit.SECONDS)).isTrue();
      assertThat(gw.process.exitValue()).isEqualTo(2);
      assertThat(gw.output()).contains("refusing to bind 0.0.0.0 without a token");
      assertThat(state.resolve("state")).doesNotExist();
    }
  }
}
