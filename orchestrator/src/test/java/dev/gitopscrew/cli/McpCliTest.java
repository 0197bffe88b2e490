package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.testing.McpEverything;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew mcp list|call} and {@code crew config validate} with the reference MCP server over
 * stdio, configured in OpenClaw's {@code mcpServers} shape, its tools granted by a user's skill:
 * who may call what, a read answered, a write refused to an agent without the grant and audited
 * when made, a server's secret never in the audit.
 */
class McpCliTest {

  static final String TOKEN = "hk_live_5f2c9a7e1b3d4f6a8c0e2b4d6f8a0c2e";

  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void write() throws IOException {
    Path skill = Files.createDirectories(dir.resolve("skills").resolve("home-tools"));
    Files.writeString(
        skill.resolve("SKILL.md"),
        """
        ---
        name: home-tools
        description: the homelab's own tools
        metadata: {"crew": {"tools": ["mcp:everything/echo", "mcp:everything/get-sum",
          "mcp:everything/toggle-simulated-logging", "mcp:everything/get-env"]}}
        ---

        Ask the home API through the everything server.
        """);
    config =
        Files.writeString(
            dir.resolve("openclaw.json"),
            """
            {
              "agents": {"list": [
                {"id": "homelab-admin", "skills": ["homelab-admin", "home-tools"]}
              ]},
              "skills": {"load": {"extraDirs": ["skills"]}},
              "mcpServers": {
                "everything": {
                  "command": "node",
                  "args": ["%s", "stdio"],
                  "env": {"HOME_API_TOKEN": "${HOME_API_TOKEN}", "HOME_REGION": "attic"},
                  "reads": ["echo", "get-sum"]
                },
                "calendar": {"url": "http://127.0.0.1:9/mcp",
                             "headers": {"Authorization": "Bearer ${CALENDAR_TOKEN}"}}
              }
            }
            """
                .formatted(McpEverything.script()));
  }

  private CliRun crew(String... args) {
    return CliRun.withConfig(Map.of("HOME_API_TOKEN", TOKEN), config, dir.resolve("state"), args);
  }

  @Test
  void validateListsEachServerAndTheSkillsThatGrantItsTools() {
    CliRun validate = crew("config", "validate");
    assertThat(validate.status()).as(validate.all()).isZero();
    assertThat(validate.out())
        .contains("MCP servers (docs/mcp.md):")
        .contains("  everything: stdio, node; reads: echo, get-sum")
        .contains("    granted by home-tools (echo, get-env, get-sum, toggle-simulated-logging)")
        .contains("  calendar: streamable HTTP, http://127.0.0.1:9/mcp")
        .contains(
            "    note: no skill grants its tools: add mcp:calendar (or mcp:calendar/TOOL) to a"
                + " skill's metadata.crew.tools")
        .doesNotContain("unknown key");
  }

  @Test
  void listShowsEachToolReadOrWriteAndWhoMayCallItAndTheServerThatCannotStart() {
    CliRun list = crew("mcp", "list");
    assertThat(list.status()).as("a server is down").isEqualTo(1);
    assertThat(list.out())
        .containsPattern("everything \\(stdio: node \\S+index.js stdio\\): ready, \\d+ tools")
        .contains("  echo [read] may be called by homelab-admin\n")
        .contains("  get-env [write] may be called by homelab-admin\n")
        .contains(
            "  trigger-long-running-operation [write] no agent may call it (no skill grants"
                + " mcp:everything/trigger-long-running-operation)")
        .contains(
            "calendar (not started): DOWN: mcpServers.calendar.headers.Authorization: the"
                + " environment has no CALENDAR_TOKEN");
  }

  @Test
  void aReadIsAnsweredAndAWriteIsRefusedWithoutTheGrantAndAuditedWithIt() {
    CliRun read = crew("mcp", "call", "everything", "echo", "--json", "{\"message\": \"hello\"}");
    assertThat(read.status()).as(read.all()).isZero();
    assertThat(read.out()).contains("hello");

    CliRun refused =
        crew("mcp", "call", "everything", "toggle-simulated-logging", "--agent", "qa-tester");
    assertThat(refused.status()).isEqualTo(1);
    assertThat(refused.err())
        .contains(
            "refused: agent qa-tester has no skill granting"
                + " mcp:everything/toggle-simulated-logging");

    CliRun dry = crew("mcp", "call", "everything", "toggle-simulated-logging", "--dry-run");
    assertThat(dry.status()).as(dry.all()).isZero();
    assertThat(dry.out())
        .contains(
            "not called: everything/toggle-simulated-logging {} (a dry run calls no tool that"
                + " writes)");

    CliRun write = crew("mcp", "call", "everything", "toggle-simulated-logging");
    assertThat(write.status()).as(write.all()).isZero();
    assertThat(write.out()).containsIgnoringCase("logging");

    CliRun env = crew("mcp", "call", "everything", "get-env");
    assertThat(env.status()).as(env.all()).isZero();
    assertThat(env.out())
        .as("the server's environment, its token hidden")
        .contains("HOME_API_TOKEN")
        .contains("HOME_REGION")
        .doesNotContain(TOKEN);

    CliRun audit = crew("audit");
    assertThat(audit.out())
        .contains("mcp.call")
        .contains("everything/toggle-simulated-logging {}")
        .contains("everything/get-env {}")
        .doesNotContain("echo")
        .doesNotContain(TOKEN);
  }

  @Test
  void theSeedsBlockLoadsAsWrittenAndIsNotedAsGrantedByNoSkill() throws IOException {
    // the block of the seed write-up, token and all, as an OpenClaw user has it
    Files.writeString(
        config,
        """
        {
          "mcpServers": {
            "azure-devops": {
              "command": "npx",
              "args": ["-y", "@sneekes/azure-devops-mcp-server"],
              "env": {
                "AZURE_DEVOPS_ORG_ID": "Sneekes",
                "AZURE_DEVOPS_PROJECT_ID": "Sneekes Solutions",
                "AZURE_DEVOPS_PAT": "***"
              }
            }
          }
        }
        """);
    CliRun validate = crew("config", "validate");
    assertThat(validate.status()).as(validate.all()).isZero();
    assertThat(validate.out())
        .contains("  azure-devops: stdio, npx\n")
        .contains("    note: no skill grants its tools: add mcp:azure-devops")
        .doesNotContain("mcpServers: OpenClaw")
        .doesNotContain("unknown key");
  }

  @Test
  void aWriteThatWaitsForAPersonIsParkedAndRunsOnceApproved() throws IOException {
    Files.writeString(
        config,
        Files.readString(config)
            .replace(
                "\"reads\": [\"echo\", \"get-sum\"]",
                "\"reads\": [\"echo\", \"get-sum\"], \"approval\": \"writes\""));

    CliRun parked = crew("mcp", "call", "everything", "toggle-simulated-logging");
    assertThat(parked.status()).as(parked.all()).isZero();
    assertThat(parked.out())
        .contains("a write of everything waits for a person's yes (approval: writes); submitted as")
        .contains("nothing runs before that");
    assertThat(crew("audit").out()).doesNotContain("toggle-simulated-logging {} ok");

    java.util.regex.Matcher id =
        java.util.regex.Pattern.compile("crew approve (\\S+)\\)").matcher(parked.out());
    assertThat(id.find()).as(parked.out()).isTrue();
    CliRun approved = crew("approve", id.group(1));
    assertThat(approved.status()).as(approved.all()).isZero();
    assertThat(crew("audit").out()).contains("mcp.call everything/toggle-simulated-logging {} ok");

    CliRun yes = crew("mcp", "call", "everything", "toggle-simulated-logging", "--yes");
    assertThat(yes.status()).as(yes.all()).isZero();
    assertThat(yes.out()).containsIgnoringCase("logging");
  }
}
