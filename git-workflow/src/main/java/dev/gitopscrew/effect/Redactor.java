package dev.gitopscrew.effect;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Replaces known secret values (tokens, keys, passwords read from the environment) with {@code ***}
 * in any text headed for a record, a log line or a chat message.
 */
public final class Redactor {

  /** Secrets shorter than this are too likely to occur in ordinary text to be replaced. */
  private static final int SHORTEST = 6;

  private final List<String> secrets;

  private Redactor(List<String> secrets) {
    this.secrets = secrets;
  }

  public static Redactor of(Collection<String> secrets) {
    return new Redactor(
        secrets.stream()
            .filter(s -> s != null && s.strip().length() >= SHORTEST)
            .map(String::strip)
            .distinct()
            // the longest first, so a secret containing another is replaced whole
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList());
  }

  public static Redactor none() {
    return new Redactor(List.of());
  }

  public String redact(String text) {
    if (text == null || secrets.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, "***");
    }
    return out;
  }
}
