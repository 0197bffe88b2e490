package dev.gitopscrew.model;

import java.util.List;

/**
 * A model's answer: its text (may be empty when it only calls tools), the tool calls it proposes,
 * the tokens it used and why it stopped.
 */
public record ModelReply(String text, List<ToolCall> toolCalls, Usage usage, String finishReason) {

  public ModelReply {
    text = text == null ? "" : text;
    toolCalls = List.copyOf(toolCalls);
    usage = usage == null ? Usage.NONE : usage;
  }

  /** Tokens read and written by one completion. */
  public record Usage(long prompt, long completion) {
    public static final Usage NONE = new Usage(0, 0);

    public Usage plus(Usage other) {
      return new Usage(prompt + other.prompt, completion + other.completion);
    }
  }
}
