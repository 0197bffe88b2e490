package dev.gitopscrew.testing;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reference MCP server, {@code @modelcontextprotocol/server-everything} from the npm registry,
 * as {@code .ci/run} installs it ({@code CREW_TEST_MCP_EVERYTHING}, else under {@code .ci/.mcp}):
 * its entry script, run with Node.js. Where CI requires it ({@code CREW_REQUIRE_MCP}) a missing
 * server fails the test; elsewhere the test is skipped, saying how to install it.
 */
public final class McpEverything {

  private McpEverything() {}

  public static Path script() {
    String set = System.getenv("CREW_TEST_MCP_EVERYTHING");
    Path path =
        set != null
            ? Path.of(set)
            : Path.of(
                    "..",
                    ".ci",
                    ".mcp",
                    "node_modules",
                    "@modelcontextprotocol",
                    "server-everything",
                    "dist",
                    "index.js")
                .toAbsolutePath()
                .normalize();
    boolean there = Files.isRegularFile(path);
    if (!there && System.getenv("CREW_REQUIRE_MCP") != null) {
      fail("the reference MCP server is not installed at " + path);
    }
    assumeTrue(
        there,
        "the reference MCP server is not installed: npm install --prefix .ci/.mcp"
            + " @modelcontextprotocol/server-everything (as .ci/run does)");
    return path;
  }
}
