package dev.gitopscrew.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.gitopscrew.config.McpServerEntry;
import dev.gitopscrew.mcp.sdk.SdkToolServer;
import dev.gitopscrew.testing.McpEverything;
import dev.gitopscrew.testing.MovingClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reference MCP server over stdio through the SDK's client: its tools as the server marks them,
 * a call, a call that takes longer than the server's timeout, and the server killed in the middle
 * of a call, withdrawn and started again once its backoff has passed (a clock the test moves).
 */
class McpServersTest {

  private final MovingClock clock = new MovingClock("2026-12-07T18:00:00Z");
  private McpServers servers;

  @AfterEach
  void close() {
    if (servers != null) {
      servers.close();
    }
  }

  private McpServers everything(Integer timeoutSeconds) {
    McpServerEntry entry =
        new McpServerEntry(
            "node",
            List.of(McpEverything.script().toString(), "stdio"),
            Map.of(),
            null,
            Map.of(),
            List.of("echo", "get-sum"),
            null,
            timeoutSeconds);
    servers =
        new McpServers(
            List.of(McpServerSpec.of("everything", entry, Map.of())),
            Map.of(),
            SdkToolServer::start,
            clock);
    return servers;
  }

  @Test
  void itsToolsAreListedWithTheServersReadOnlyMarksAndACallIsAnswered() {
    McpServers servers = everything(null);

    McpServers.Status status = servers.status().get(0);
    assertThat(status.state()).isEqualTo(McpServers.State.READY);
    assertThat(status.where()).startsWith("stdio: node ").endsWith("index.js stdio");
    assertThat(status.tools())
        .extracting(ServerTool::name)
        .contains("echo", "get-sum", "toggle-simulated-logging", "trigger-long-running-operation");
    assertThat(servers.tool("everything", "echo")).get().matches(ServerTool::readOnlyHint);
    assertThat(servers.tool("everything", "toggle-simulated-logging"))
        .get()
        .matches(t -> !t.readOnlyHint());
    assertThat(servers.tool("everything", "echo").orElseThrow().inputSchema())
        .contains("\"message\"");

    assertThat(servers.call("everything", "get-sum", "{\"a\": 2, \"b\": 40}").text())
        .contains("42");
  }

  @Test
  void aCallLongerThanTheTimeoutEndsCleanlyAndTheServerIsStartedAgainAfterItsBackoff() {
    McpServers servers = everything(1);

    assertThatThrownBy(
            () ->
                servers.call(
                    "everything",
                    "trigger-long-running-operation",
                    "{\"duration\": 5, \"steps\": 1}"))
        .isInstanceOf(ToolServer.Unavailable.class)
        .hasMessageStartingWith("everything/trigger-long-running-operation did not answer");
    McpServers.Status down = servers.status().get(0);
    assertThat(down.state()).isEqualTo(McpServers.State.DOWN);
    assertThat(down.tools()).as("its tools are withdrawn meanwhile").isEmpty();
    assertThat(down.retryAt()).isEqualTo(clock.instant().plus(McpServers.FIRST_RETRY));
    assertThatThrownBy(() -> servers.call("everything", "echo", "{\"message\": \"hi\"}"))
        .hasMessageStartingWith("everything is down: ");

    clock.advance(McpServers.FIRST_RETRY);
    assertThat(servers.call("everything", "echo", "{\"message\": \"back\"}").text())
        .contains("back");
  }

  @Test
  void aServerKilledDuringACallIsReportedDownThenStartedAgain() throws Exception {
    McpServers servers = everything(5);
    assertThat(servers.status().get(0).state()).isEqualTo(McpServers.State.READY);

    CompletableFuture<ToolAnswer> call =
        CompletableFuture.supplyAsync(
            () ->
                servers.call(
                    "everything",
                    "trigger-long-running-operation",
                    "{\"duration\": 20, \"steps\": 20}"));
    ProcessHandle node =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    ProcessHandle.current()
                        .descendants()
                        .filter(
                            p -> p.info().commandLine().orElse("").contains("server-everything"))
                        .findFirst()
                        .orElse(null),
                p -> p != null);
    node.destroyForcibly();

    assertThatThrownBy(call::join)
        .hasCauseInstanceOf(ToolServer.Unavailable.class)
        .hasMessageContaining("everything/trigger-long-running-operation did not answer");
    assertThat(servers.status().get(0).state()).isEqualTo(McpServers.State.DOWN);

    clock.advance(McpServers.FIRST_RETRY);
    assertThat(servers.status().get(0).state()).isEqualTo(McpServers.State.READY);
    assertThat(servers.call("everything", "echo", "{\"message\": \"again\"}").text())
        .contains("again");
  }

  @Test
  void argumentsThatAreNoObjectAreRefusedAndTheServerStaysUp() {
    McpServers servers = everything(null);
    assertThatThrownBy(() -> servers.call("everything", "echo", "[1, 2]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("the arguments are not a JSON object");
    assertThat(servers.status().get(0).state()).isEqualTo(McpServers.State.READY);
  }

  @Test
  void overStreamableHttpTheSameToolsAndCallsWithTheHeadersOnEveryRequest() throws Exception {
    int port;
    try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
      port = free.getLocalPort();
    }
    ProcessBuilder builder =
        new ProcessBuilder("node", McpEverything.script().toString(), "streamableHttp")
            .redirectErrorStream(true);
    builder.environment().put("PORT", String.valueOf(port));
    Process http = builder.start();
    try {
      java.io.BufferedReader out =
          new java.io.BufferedReader(new java.io.InputStreamReader(http.getInputStream()));
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.contains("listening on port"));
      assertThat(line).as("the server started").isNotNull();
      McpServerEntry entry =
          new McpServerEntry(
              null,
              List.of(),
              Map.of(),
              "http://127.0.0.1:" + port + "/mcp",
              Map.of("Authorization", "Bearer ${HOME_API_TOKEN}"),
              List.of("echo"),
              null,
              null);
      servers =
          new McpServers(
              List.of(
                  McpServerSpec.of(
                      "everything", entry, Map.of("HOME_API_TOKEN", "hk_live_0a1b2c3d4e5f"))),
              Map.of(),
              SdkToolServer::start,
              clock);

      McpServers.Status status = servers.status().get(0);
      assertThat(status.state())
          .as(String.valueOf(status.reason()))
          .isEqualTo(McpServers.State.READY);
      assertThat(status.where()).isEqualTo("streamable HTTP: http://127.0.0.1:" + port + "/mcp");
      assertThat(status.tools()).extracting(ServerTool::name).contains("echo", "get-sum");
      assertThat(servers.call("everything", "echo", "{\"message\": \"over http\"}").text())
          .contains("over http");
    } finally {
      http.destroyForcibly();
    }
  }

  @Test
  void aToolListChangeTheServerAnnouncesIsFollowed() {
    // the reference server registers some tools only after initialisation and says so with
    // notifications/tools/list_changed: those tools are listed once it has
    java.util.concurrent.atomic.AtomicInteger announced =
        new java.util.concurrent.atomic.AtomicInteger();
    McpServerEntry entry =
        new McpServerEntry(
            "node",
            List.of(McpEverything.script().toString(), "stdio"),
            Map.of(),
            null,
            Map.of(),
            List.of(),
            null,
            null);
    servers =
        new McpServers(
            List.of(McpServerSpec.of("everything", entry, Map.of())),
            Map.of(),
            (spec, events) ->
                SdkToolServer.start(
                    spec,
                    new ToolServer.Events(
                        () -> {
                          announced.incrementAndGet();
                          events.toolsChanged().run();
                        },
                        events.gone())),
            clock);
    servers.status();
    await().atMost(Duration.ofSeconds(20)).until(() -> announced.get() > 0);
    assertThat(servers.status().get(0).tools())
        .extracting(ServerTool::name)
        .contains("simulate-research-query");
  }

  @Test
  void keptUpAServerThatIsKilledIsStartedAgainWithoutAnyoneAsking() throws Exception {
    McpServers servers = everything(null);
    servers.keepUp(
        Duration.ofMillis(50),
        work -> {
          Thread thread = new Thread(work);
          thread.setDaemon(true);
          return thread;
        });
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> servers.statusNow().get(0).state() == McpServers.State.READY);
    ProcessHandle first = serverProcess();
    first.destroyForcibly();
    first.onExit().get();

    // its exit is seen at once: down, its tools withdrawn; the backoff passes on the clock and
    // the keeper starts it again
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> servers.statusNow().get(0).state() == McpServers.State.DOWN);
    assertThat(servers.statusNow().get(0).reason()).contains("exited");
    assertThat(servers.statusNow().get(0).tools()).isEmpty();
    clock.advance(McpServers.FIRST_RETRY);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> servers.statusNow().get(0).state() == McpServers.State.READY);
    assertThat(serverProcess().pid()).isNotEqualTo(first.pid());
  }

  private static ProcessHandle serverProcess() {
    return ProcessHandle.current()
        .descendants()
        .filter(p -> p.info().commandLine().orElse("").contains("server-everything"))
        .filter(ProcessHandle::isAlive)
        .findFirst()
        .orElseThrow();
  }

  @Test
  void aToolTheServerRefusesIsAnErrorAnswerAndTheServerStaysUp() {
    McpServers servers = everything(null);
    ToolAnswer answer = servers.call("everything", "no-such-tool", "{}");
    assertThat(answer.error()).isTrue();
    assertThat(answer.text()).contains("no-such-tool");
    assertThat(servers.status().get(0).state()).isEqualTo(McpServers.State.READY);
    assertThat(servers.call("everything", "echo", "{\"message\": \"still up\"}").text())
        .contains("still up");
  }
}
