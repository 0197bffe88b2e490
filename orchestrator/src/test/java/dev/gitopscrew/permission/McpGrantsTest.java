package dev.gitopscrew.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.settings.CrewContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An MCP tool is decided by the chain that decides the crew's own tools: a skill of the agent
 * grants {@code mcp:SERVER} or {@code mcp:SERVER/TOOL}, and the place allows that skill.
 */
class McpGrantsTest {

  @TempDir Path dir;

  @Test
  void aGrantOfTheAgentsSkillsAllowedByThePlaceDecides() throws Exception {
    Path skills = Files.createDirectories(dir.resolve("skills"));
    Files.createDirectories(skills.resolve("board"));
    Files.writeString(
        skills.resolve("board").resolve("SKILL.md"),
        """
        ---
        name: board
        description: the team's board
        metadata: {"crew": {"tools": ["mcp:board", "mcp:calendar/list_events", "mcp:bad grant"]}}
        ---
        Read the board.
        """);
    Path config =
        Files.writeString(
            dir.resolve("crew.json"),
            """
            {"agents": {"list": [{"id": "homelab-admin", "skills": ["homelab-admin", "board"]}]},
             "skills": {"load": {"extraDirs": ["skills"]}}}
            """);
    CrewContext context =
        CrewContext.load(Optional.of(config), Optional.of(dir.resolve("state")), Map.of());
    PermissionChain chain = context.permissions();
    ChannelScope cli = ChannelScope.unrestricted("the command line");
    ChannelScope alerts = new ChannelScope("#alerts", Optional.of(List.of("homelab-admin")));

    assertThat(chain.checkMcp(KnownAgent.HOMELAB_ADMIN, cli, "board", "wit_list_backlogs"))
        .isEqualTo(new Decision.Allowed("board"));
    assertThat(chain.checkMcp(KnownAgent.HOMELAB_ADMIN, cli, "calendar", "list_events").allowed())
        .isTrue();
    assertThat(chain.checkMcp(KnownAgent.HOMELAB_ADMIN, cli, "calendar", "create_event"))
        .isEqualTo(
            new Decision.Refused(
                "agent homelab-admin has no skill granting mcp:calendar/create_event (its skills:"
                    + " homelab-admin, board)"));
    assertThat(chain.checkMcp(KnownAgent.HOMELAB_ADMIN, alerts, "board", "wit_list_backlogs"))
        .isEqualTo(
            new Decision.Refused(
                "#alerts does not allow the skill board that grants mcp:board/wit_list_backlogs to"
                    + " homelab-admin"));
    assertThat(chain.checkMcp(KnownAgent.QA_TESTER, cli, "board", "wit_list_backlogs").allowed())
        .isFalse();
    assertThat(context.skills().problems())
        .anyMatch(p -> p.describe().contains("'mcp:bad grant' is no MCP grant"));
  }
}
