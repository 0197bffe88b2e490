package dev.gitopscrew.channel.pr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code /crew} command of a pull request comment: a line that starts with {@code /crew}
 * (leading spaces allowed). Lines inside fenced code blocks and quotes are not commands.
 */
public record CrewCommand(Kind kind, String line) {

  /** The commands the pull request channel knows. */
  public enum Kind {
    VALIDATE("validate", "run qa-tester's pre-merge validation of this pull request again"),
    SCAN(
        "scan",
        "security-analyst's scan of this pull request's head: the findings on the lines it adds or"
            + " changes (nothing is written)"),
    REFRESH("refresh", "merge the default branch into this crew branch and push it"),
    HOLD("hold", "add the do-not-merge/hold label"),
    UNHOLD("unhold", "remove the do-not-merge/hold label"),
    RELEASE_PLAN("release plan", "homelab-admin's plan for the next release (nothing is written)"),
    HELP("help", "this list"),
    UNKNOWN("", "");

    private final String words;
    private final String help;

    Kind(String words, String help) {
      this.words = words;
      this.help = help;
    }

    public String words() {
      return words;
    }

    public String help() {
      return help;
    }
  }

  /** The most commands one comment may carry; more are answered with a refusal. */
  public static final int MAX_PER_COMMENT = 5;

  /** The {@code /crew} lines of a comment body, in order; none for a body without any. */
  public static List<CrewCommand> parse(String body) {
    List<CrewCommand> out = new ArrayList<>();
    if (body == null) {
      return out;
    }
    boolean fenced = false;
    for (String raw : body.replace("\r\n", "\n").split("\n")) {
      String line = raw.strip();
      if (line.startsWith("```") || line.startsWith("~~~")) {
        fenced = !fenced;
        continue;
      }
      if (fenced || !line.regionMatches(true, 0, "/crew", 0, 5)) {
        continue;
      }
      if (line.length() > 5 && !Character.isWhitespace(line.charAt(5))) {
        continue;
      }
      String words =
          String.join(" ", line.substring(5).strip().split("\\s+")).toLowerCase(Locale.ROOT);
      out.add(new CrewCommand(kindOf(words), line));
    }
    return out;
  }

  private static Kind kindOf(String words) {
    if (words.isEmpty()) {
      return Kind.HELP;
    }
    for (Kind k : Kind.values()) {
      if (k != Kind.UNKNOWN && words.equals(k.words)) {
        return k;
      }
    }
    return Kind.UNKNOWN;
  }

  /** The help text: one line per command. */
  public static String helpText() {
    StringBuilder out = new StringBuilder("Commands, one per line at the start of a line:\n\n");
    for (Kind k : Kind.values()) {
      if (k != Kind.UNKNOWN) {
        out.append("- `/crew ").append(k.words).append("`: ").append(k.help).append('\n');
      }
    }
    return out.toString().strip();
  }
}
