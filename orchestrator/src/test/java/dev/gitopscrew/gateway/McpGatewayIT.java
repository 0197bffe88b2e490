package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gitopscrew.testing.McpEverything;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's MCP servers: {@code /api/mcp} starts the reference server over stdio when first
 * asked and lists its tools; a server that cannot start is listed down with the reason.
 */
class McpGatewayIT {

  static final String TOKEN = "crew_gw_7a8b9c0d1e2f3a4b5c6d7e8f9a0b1c2d";

  @TempDir Path dir;

  @Test
  void theApiListsEachServerItsStateAndItsTools() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    Path config =
        Files.writeString(
            dir.resolve("crew.json"),
            """
            {"mcpServers": {
              "everything": {"command": "node", "args": ["%s", "stdio"], "reads": ["echo"]},
              "broken": {"command": "/nonexistent/mcp-server"}
            }}
            """
                .formatted(McpEverything.script()));
    try (GatewayProcess gw =
        GatewayProcess.start(
            state, Map.of("CREW_GATEWAY_TOKEN", TOKEN), "--config", config.toString())) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();
      assertThat(gw.output()).contains("mcp servers: [broken, everything]");
      // the servers start in the background as the gateway leads; the API answers meanwhile
      String body =
          await()
              .atMost(Duration.ofSeconds(60))
              .until(
                  () -> gw.get("/api/mcp", TOKEN).body(),
                  b -> b.contains("\"state\":\"READY\"") && b.contains("\"state\":\"DOWN\""));
      assertThat(body)
          .contains("\"server\":\"everything\"")
          .contains("\"state\":\"READY\"")
          .contains("\"name\":\"echo\"")
          .contains("\"readOnlyHint\":true")
          .contains("\"server\":\"broken\"")
          .contains("\"state\":\"DOWN\"")
          .contains("broken did not start: no program /nonexistent/mcp-server on this machine");
      assertThat(gw.get("/api/mcp", null).statusCode()).as("the token is required").isEqualTo(401);
      assertThat(gw.get("/api/status", TOKEN).body())
          .contains("\"mcp\":[")
          .contains("\"server\":\"everything\"")
          .contains("no program /nonexistent/mcp-server on this machine");
    }
  }
}
