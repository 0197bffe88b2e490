package dev.gitopscrew.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static dev.gitopscrew.cli.ModelOpensChangeTest.args;
import static dev.gitopscrew.cli.ModelOpensChangeTest.completion;
import static dev.gitopscrew.cli.ModelOpensChangeTest.toolCalls;
import static dev.gitopscrew.cli.ModelOpensChangeTest.words;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.testing.McpEverything;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A model (the OpenAI-compatible double) with a user's MCP server, the reference server over stdio
 * standing in for a board's: it is offered the server's tools its skills grant, calls a read and
 * answers from it; a write, where the server's writes need an approval, waits for a person and
 * calls nothing.
 */
class McpModelTest {

  static final String PATH = OpenRouterCrew.PATH;
  static final String BACKLOG = "what's in the demo board's backlog?";
  static final String CREATE = "create a work item to upgrade Traefik";

  @RegisterExtension final OpenRouterCrew model = new OpenRouterCrew();

  @BeforeEach
  void configure() throws Exception {
    Path skill = Files.createDirectories(model.dir().resolve("skills").resolve("board"));
    Files.writeString(
        skill.resolve("SKILL.md"),
        """
        ---
        name: board
        description: the team's board, through its MCP server
        metadata: {"crew": {"tools": ["mcp:board"]}}
        ---

        The board's backlog is read with its echo tool.
        """);
    model.configure(
        """
          "agents": {"defaults": {"model": "openrouter/stepfun/step-3.5-flash:free"},
                     "list": [{"id": "homelab-admin", "skills": ["homelab-admin", "board"]}]},
          "skills": {"load": {"extraDirs": ["%s"]}},
          "mcpServers": {"board": {"command": "node", "args": ["%s", "stdio"],
                                   "reads": ["echo"], "approval": "writes"}}
        """
            .formatted(model.dir().resolve("skills"), McpEverything.script()));
  }

  @Test
  void aReadToolIsCalledAndAnsweredFromAndAWriteWaitsForAPerson() throws Exception {
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing(BACKLOG))
            .withRequestBody(notContaining("tool_call_id"))
            .willReturn(
                completion(
                    toolCalls(
                        "gen-1733400001-board",
                        1502,
                        28,
                        "call_board_echo_01",
                        "mcp_board_echo",
                        args(Map.of("message", "backlog: #41 Upgrade Traefik, #42 Add Loki"))))));
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing("call_board_echo_01"))
            .willReturn(
                completion(
                    words(
                        "gen-1733400002-answer",
                        "The demo board's backlog holds #41 Upgrade Traefik and #42 Add Loki."))));

    CliRun read = model.crew("ask", BACKLOG);

    assertThat(read.status()).as(read.all()).isZero();
    String first = model.requests().get(0).getBodyAsString();
    assertThat(first)
        .contains("\"name\":\"mcp_board_echo\"")
        .contains("[from the MCP server board, read-only]")
        .contains("\"name\":\"mcp_board_toggle-simulated-logging\"")
        .contains("[from the MCP server board, writes]");
    assertThat(model.requests().get(1).getBodyAsString())
        .contains("\"tool_call_id\":\"call_board_echo_01\"")
        .contains("answered (board/echo by homelab-admin): from the MCP server board:")
        .contains("backlog: #41 Upgrade Traefik, #42 Add Loki");
    assertThat(read.out()).contains("The demo board's backlog holds #41 Upgrade Traefik");

    model.server.resetAll();
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing(CREATE))
            .withRequestBody(notContaining("tool_call_id"))
            .willReturn(
                completion(
                    toolCalls(
                        "gen-1733400003-create",
                        1540,
                        22,
                        "call_board_write_02",
                        "mcp_board_toggle-simulated-logging",
                        "{}"))));
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing("call_board_write_02"))
            .willReturn(
                completion(
                    words(
                        "gen-1733400004-wait",
                        "Creating the work item needs a person's approval first."))));

    CliRun write = model.crew("ask", CREATE);

    assertThat(write.status()).as(write.all()).isZero();
    String reported = model.requests().get(1).getBodyAsString();
    assertThat(reported)
        .contains(
            "awaiting_approval (board/toggle-simulated-logging by homelab-admin): a write of board"
                + " waits for a person's yes (approval: writes); submitted as request #")
        .contains("nothing runs before that");
    assertThat(model.crew("audit").out())
        .as("its dry run, shown to the approver, called nothing")
        .contains("mcp.call board/toggle-simulated-logging {} previewed (dry run)")
        .doesNotContain("mcp.call board/toggle-simulated-logging {} ok");

    java.util.regex.Matcher id =
        java.util.regex.Pattern.compile("crew approve ([0-9a-zA-Z-]+)\\)").matcher(reported);
    assertThat(id.find()).as(reported).isTrue();
    CliRun pending = model.crew("approve");
    assertThat(pending.out())
        .as(pending.all())
        .contains(id.group(1))
        .contains("mcp board/toggle-simulated-logging {}");

    CliRun approved = model.crew("approve", id.group(1));
    assertThat(approved.status()).as(approved.all()).isZero();
    assertThat(approved.out()).contains("from the MCP server board:");
    assertThat(model.crew("audit").out()).contains("mcp.call board/toggle-simulated-logging {} ok");
  }
}
