package dev.gitopscrew.roles.work;

import dev.gitopscrew.effect.SideEffects;
import java.util.Optional;

/**
 * The user's MCP servers as an approved request calls them (docs/mcp.md): the port; the crew's
 * adapter goes through the same permission chain, audit and redaction as every other MCP call.
 */
public interface ServerTools {

  /** The call failed or was refused; the message says why and holds no secret. */
  final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message);
    }
  }

  /** Why calling {@code tool} of {@code server} waits for a person; empty when it does not. */
  Optional<String> approvalNeeded(String server, String tool);

  /**
   * Calls it as {@code agent}, a person having approved it, through {@code effects} (a dry run
   * calls nothing and says what would be called).
   *
   * @return the tool's answer in words
   * @throws Refused when the chain refuses it, the server is down or the tool failed
   */
  String call(String agent, String server, String tool, String arguments, SideEffects effects);

  /** No MCP servers. */
  ServerTools NONE =
      new ServerTools() {
        @Override
        public Optional<String> approvalNeeded(String server, String tool) {
          return Optional.empty();
        }

        @Override
        public String call(
            String agent, String server, String tool, String arguments, SideEffects effects) {
          throw new Refused("no MCP servers are configured (mcpServers, docs/mcp.md)");
        }
      };
}
