package dev.gitopscrew.mcp;

import java.time.Duration;
import java.util.List;

/**
 * One running MCP server behind the SDK's client (the port; the adapter is {@code
 * mcp.sdk.SdkToolServer}): its tools, a call, and its end.
 */
public interface ToolServer extends AutoCloseable {

  /** The server could not be reached, or a call did not finish; the message holds no secret. */
  final class Unavailable extends RuntimeException {
    public Unavailable(String message) {
      super(message);
    }
  }

  /** The tools it offers now (asked again each time). */
  List<ServerTool> tools();

  /**
   * @param argumentsJson a JSON object
   * @throws Unavailable when the call times out or the server is gone
   * @throws IllegalArgumentException when the arguments are not a JSON object
   */
  ToolAnswer call(String tool, String argumentsJson, Duration timeout);

  @Override
  void close();

  /**
   * What a running server tells: its tool list changed, or it is gone (its process exited), with
   * the reason.
   */
  record Events(Runnable toolsChanged, java.util.function.Consumer<String> gone) {}

  /** Starts a server: connected and initialised, or {@link Unavailable} with the reason. */
  @FunctionalInterface
  interface Starter {
    ToolServer start(McpServerSpec spec, Events events);
  }
}
