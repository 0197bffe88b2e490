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
    Path skill = Files.createDirectories(dir.resolve("skills").resolve("home-tools"));
    Files.writeString(
        skill.resolve("SKILL.md"),
        """
        ---
        name: home-tools
        description: the homelab's own tools
        metadata: {"crew": {"tools": ["mcp:everything"]}}
        ---
        The everything server.
        """);
    Path config =
        Files.writeString(
            dir.resolve("crew.json"),
            """
            {"agents": {"list": [{"id": "homelab-admin", "skills": ["homelab-admin", "home-tools"]}]},
             "skills": {"load": {"extraDirs": ["%s"]}},
             "mcpServers": {
              "everything": {"command": "node", "args": ["%s", "stdio"], "reads": ["echo"]},
              "broken": {"command": "/nonexistent/mcp-server"}
            }}
            """
                .formatted(dir.resolve("skills"), McpEverything.script()));
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

      // the command line goes through the gateway, which holds the servers and the store
      Map<String, String> env = Map.of("CREW_GATEWAY_TOKEN", TOKEN, "HOME", dir.toString());
      String[] list = crew(env, state, config, "mcp", "list");
      assertThat(list[1])
          .contains("everything (stdio: node ")
          .contains("  echo [read] may be called by homelab-admin");
      String[] read =
          crew(
              env,
              state,
              config,
              "mcp",
              "call",
              "everything",
              "echo",
              "--json",
              "{\"message\": \"through the gateway\"}");
      assertThat(read[0]).as(read[1]).isEqualTo("0");
      assertThat(read[1]).contains("through the gateway");
      String[] write =
          crew(env, state, config, "mcp", "call", "everything", "toggle-simulated-logging");
      assertThat(write[0]).as(write[1]).isEqualTo("0");
      assertThat(gw.get("/api/audit", TOKEN).body())
          .contains("\"kind\":\"mcp.call\"")
          .contains("everything/toggle-simulated-logging {}")
          .contains("\"channel\":\"cli\"");
      String[] refused =
          crew(env, state, config, "mcp", "call", "everything", "echo", "--agent", "qa-tester");
      assertThat(refused[0]).isEqualTo("1");
      assertThat(refused[1])
          .contains("refused: ")
          .contains("agent qa-tester has no skill granting");
    }
  }

  private static String[] crew(Map<String, String> env, Path state, Path config, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--state-dir";
    all[args.length + 1] = state.toString();
    all[args.length + 2] = "--config";
    all[args.length + 3] = config.toString();
    java.io.StringWriter out = new java.io.StringWriter();
    int status =
        dev.gitopscrew.cli.CrewCli.run(
            all, env, new java.io.PrintWriter(out), new java.io.PrintWriter(out));
    return new String[] {Integer.toString(status), out.toString()};
  }
}
