package dev.gitopscrew.model;

import java.util.List;

/** One message of a conversation with a model. */
public sealed interface ModelMessage {

  /** The instructions: the agent's skills and the channel's system prompt. */
  record System(String text) implements ModelMessage {}

  /** What the person asked. */
  record User(String text) implements ModelMessage {}

  /** What the model said before: text, tool calls, or both. */
  record Assistant(String text, List<ToolCall> toolCalls) implements ModelMessage {
    public Assistant {
      toolCalls = List.copyOf(toolCalls);
    }
  }

  /** What became of one tool call, reported back to the model. */
  record ToolResult(String callId, String name, String text) implements ModelMessage {}
}
