package dev.gitopscrew.channel;

import java.util.List;

/**
 * What the crew posts to a chat: text, an optional embed with its colour, buttons, and a file when
 * the text is over the channel's limits.
 *
 * @param attachment the full text as a file; null when the reply fits
 */
public record ChatReply(String text, Embed embed, List<Button> buttons, Attachment attachment) {

  public ChatReply {
    text = text == null ? "" : text;
    buttons = buttons == null ? List.of() : List.copyOf(buttons);
  }

  public static ChatReply text(String text) {
    return new ChatReply(text, null, List.of(), null);
  }

  /** An embed: a title, a description, a colour (0xRRGGBB) and named fields. */
  public record Embed(String title, String description, int colour, List<Field> fields) {
    public Embed {
      fields = fields == null ? List.of() : List.copyOf(fields);
    }
  }

  public record Field(String name, String value) {}

  /**
   * A button; {@code customId} carries a short id whose state lives in the store (at most 100
   * characters, Discord's limit).
   */
  public record Button(String customId, String label, Style style) {
    public Button {
      if (customId.length() > 100) {
        throw new IllegalArgumentException("a button's custom id is at most 100 characters");
      }
    }
  }

  public enum Style {
    PRIMARY,
    SUCCESS,
    DANGER,
    SECONDARY
  }

  public record Attachment(String name, String content) {}
}
