package dev.gitopscrew.git;

import java.util.Arrays;
import java.util.Locale;

/** The kinds of change an agent makes; each appears in the branch, commit message and labels. */
public enum ChangeType {
  FEAT,
  FIX,
  CHORE,
  DOCS,
  REFACTOR,
  SECURITY;

  /** The lower-case form used in branches, commit messages and the {@code type:*} label. */
  @com.fasterxml.jackson.annotation.JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses user input such as {@code fix}; unknown values name the accepted ones. */
  @com.fasterxml.jackson.annotation.JsonCreator
  public static ChangeType parse(String text) {
    if (text != null) {
      for (ChangeType t : values()) {
        if (t.id().equals(text.trim().toLowerCase(Locale.ROOT))) {
          return t;
        }
      }
    }
    throw new IllegalArgumentException(
        "unknown change type '"
            + text
            + "'; one of "
            + Arrays.stream(values()).map(ChangeType::id).toList());
  }
}
