package dev.gitopscrew.mcp;

/**
 * What a tool call gave back: its text content (other content named by its type), bounded.
 *
 * @param error whether the server said the call failed ({@code isError})
 */
public record ToolAnswer(String text, boolean error) {

  /** The most of an answer the crew keeps or hands to a model. */
  public static final int MAX_CHARS = 16_000;

  public ToolAnswer {
    text = text == null ? "" : text;
    if (text.length() > MAX_CHARS) {
      text = text.substring(0, MAX_CHARS) + "\n… (cut at " + MAX_CHARS + " characters)";
    }
  }
}
