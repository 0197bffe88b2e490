package dev.gitopscrew.channel.pr;

import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.Field;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.catalogue.RequestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One {@code /crew} command of a pull request comment: a line that starts with {@code /crew}
 * (leading spaces allowed). Lines inside fenced code blocks and quotes are not commands. Besides
 * the pull request's own chores (hold, unhold, refresh, help), a command is a request of the
 * catalogue in words, whose repository and number the pull request supplies.
 *
 * @param words what follows {@code /crew}, spaces collapsed
 */
public record CrewCommand(Kind kind, String line, String words) {

  /** The commands the pull request channel answers itself, and requests. */
  public enum Kind {
    REFRESH("refresh", "merge the default branch into this crew branch and push it"),
    HOLD("hold", "add the do-not-merge/hold label"),
    UNHOLD("unhold", "remove the do-not-merge/hold label"),
    HELP("help", "this list"),
    /** A request of the catalogue, in words. */
    REQUEST("", "");

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
      String words = String.join(" ", line.substring(5).strip().split("\\s+")).strip();
      out.add(new CrewCommand(kindOf(words.toLowerCase(Locale.ROOT)), line, words));
    }
    return out;
  }

  private static Kind kindOf(String words) {
    if (words.isEmpty()) {
      return Kind.HELP;
    }
    for (Kind k : Kind.values()) {
      if (k != Kind.REQUEST && words.equals(k.words)) {
        return k;
      }
    }
    return Kind.REQUEST;
  }

  /** The help text: one line per command, the catalogue's requests with what the PR supplies. */
  public static String helpText(RequestCatalogue catalogue) {
    StringBuilder out = new StringBuilder("Commands, one per line at the start of a line:\n\n");
    for (RequestKind k : catalogue.offeredAt(Door.PR_COMMENT)) {
      StringBuilder synopsis = new StringBuilder(k.name());
      for (Field f : k.fields()) {
        if (f.syntax() != Field.Syntax.TYPED_ONLY && f.context() == Field.Context.NONE) {
          synopsis.append(' ').append(f.usage());
        }
      }
      out.append("- `/crew ")
          .append(synopsis)
          .append("`: ")
          .append(k.summary())
          .append(" (")
          .append(k.owner().id())
          .append(")\n");
    }
    for (Kind k : Kind.values()) {
      if (k != Kind.REQUEST) {
        out.append("- `/crew ").append(k.words).append("`: ").append(k.help).append('\n');
      }
    }
    return out.append("\nThis pull request's repository and number are filled in.")
        .toString()
        .strip();
  }
}
