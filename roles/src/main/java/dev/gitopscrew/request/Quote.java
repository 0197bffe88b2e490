package dev.gitopscrew.request;

/**
 * A fragment of what someone sent, fit to be quoted back in an error: at most {@value #LONGEST}
 * characters, control characters shown as {@code ?}. An error never returns a megabyte it was sent.
 */
public final class Quote {

  static final int LONGEST = 40;

  private Quote() {}

  public static String bounded(String input) {
    if (input == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder(Math.min(input.length(), LONGEST) + 24);
    input
        .codePoints()
        .limit(LONGEST)
        .forEach(c -> out.appendCodePoint(Character.isISOControl(c) ? '?' : c));
    if (input.codePointCount(0, input.length()) > LONGEST) {
      out.append("… (").append(input.length()).append(" characters)");
    }
    return out.toString();
  }
}
