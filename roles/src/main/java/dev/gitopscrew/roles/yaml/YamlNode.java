package dev.gitopscrew.roles.yaml;

import java.util.List;
import java.util.Optional;

/**
 * A node of a YAML document with where it sits in the text (char offsets), so an edit can replace
 * exactly one value and leave every other byte alone. Aliases stay aliases: an edit that would go
 * through one is refused rather than guessed.
 */
public sealed interface YamlNode {

  /** Where the node's text starts (after any anchor or tag) and ends. */
  int start();

  int end();

  /** The 0-based line of {@link #start()}. */
  int line();

  /**
   * A scalar.
   *
   * @param style {@code plain}, {@code '}, {@code "}, {@code |} or {@code >}
   * @param anchor the anchor it defines, or null
   * @param flow whether it sits inside a flow collection ({@code [a, b]}, {@code {a: b}})
   */
  record Scalar(String value, char style, String anchor, boolean flow, int start, int end, int line)
      implements YamlNode {
    public static final char PLAIN = 0;

    public boolean isNull() {
      return style == PLAIN && (value.isEmpty() || value.equals("~") || value.equals("null"));
    }
  }

  /** {@code *name}. */
  record Alias(String anchor, int start, int end, int line) implements YamlNode {}

  /** A mapping; {@code column} is the column of its keys (block style) or of its opening brace. */
  record Mapping(
      List<Entry> entries, boolean flow, String anchor, int start, int end, int line, int column)
      implements YamlNode {

    public Optional<Entry> entry(String key) {
      return entries.stream().filter(e -> e.key().value().equals(key)).findFirst();
    }

    public Optional<YamlNode> get(String key) {
      return entry(key).map(Entry::value);
    }
  }

  /** One key and its value. */
  record Entry(Scalar key, YamlNode value) {}

  /** A sequence; {@code column} is the column of its dashes (block) or its opening bracket. */
  record Sequence(
      List<YamlNode> items, boolean flow, String anchor, int start, int end, int line, int column)
      implements YamlNode {}
}
