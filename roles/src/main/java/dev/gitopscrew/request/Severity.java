package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How bad a finding is, most severe first; a scan reports findings at or above a level. */
public enum Severity {
  CRITICAL,
  HIGH,
  MEDIUM,
  LOW;

  @JsonValue
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether a finding of this severity is at least as severe as {@code minimum}. */
  public boolean atLeast(Severity minimum) {
    return ordinal() <= minimum.ordinal();
  }

  /** Parses {@code high}, {@code HIGH}; anything else names the accepted levels. */
  @JsonCreator
  public static Severity parse(String text) {
    if (text != null) {
      for (Severity s : values()) {
        if (s.id().equals(text.strip().toLowerCase(Locale.ROOT))) {
          return s;
        }
      }
    }
    throw new BadRequestException(
        "unknown severity '"
            + Quote.bounded(text)
            + "'; one of "
            + String.join(", ", Arrays.stream(values()).map(Severity::id).toList()));
  }
}
