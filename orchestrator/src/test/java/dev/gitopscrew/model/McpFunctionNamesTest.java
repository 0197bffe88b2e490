package dev.gitopscrew.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.mcp.ServerTool;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** MCP tools as model function names: safe characters, and two tools never under one name. */
class McpFunctionNamesTest {

  private static ServerTool tool(String server, String name) {
    return new ServerTool(server, name, "", "{}", true);
  }

  @Test
  void aNameIsMadeSafeAndTwoToolsThatMeetThereAreToldApart() {
    ServerTool plain = tool("azure-devops", "wit.get_work_item");
    ServerTool first = tool("a", "b_c");
    ServerTool second = tool("a_b", "c");

    Map<String, ServerTool> named = McpFunctions.named(List.of(plain, first, second));

    assertThat(named).hasSize(3).containsEntry("mcp_azure-devops_wit_get_work_item", plain);
    assertThat(named.values()).containsExactlyInAnyOrder(plain, first, second);
    assertThat(named.keySet())
        .filteredOn(n -> n.startsWith("mcp_a_b_c_"))
        .hasSize(2)
        .allMatch(n -> n.matches("mcp_a_b_c_[0-9a-f]{8}"));
  }
}
