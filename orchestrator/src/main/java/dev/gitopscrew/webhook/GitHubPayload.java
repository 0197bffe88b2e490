package dev.gitopscrew.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.channel.pr.CrewCommand;
import dev.gitopscrew.channel.pr.PullRequestEvent;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads GitHub's {@code pull_request} and {@code issue_comment} bodies (the fields the crew needs;
 * the dozens of others are ignored) into a {@link PullRequestEvent}, or says why the delivery is
 * acknowledged and ignored.
 */
final class GitHubPayload {

  /** An event to store, or (when {@code event} is null) why there is none. */
  record Read(PullRequestEvent event, String ignored) {
    static Read ignore(String why) {
      return new Read(null, why);
    }
  }

  /** A body that lacks what its event must carry. */
  static final class Malformed extends Exception {
    Malformed(String reason) {
      super(reason);
    }
  }

  private static final Set<String> VALIDATED = Set.of("opened", "synchronize", "reopened");

  /** The end of every body an agent writes: {@code ---} and {@code Agent: <id> | <footer>}. */
  static final Pattern AGENT_FOOTER =
      Pattern.compile("(?s).*(^|\\n)---\\s*\\nAgent: [a-z][a-z0-9-]* \\| [^\\n]*\\s*$");

  private GitHubPayload() {}

  static Read read(String event, JsonNode root, Function<String, Optional<String>> repositories)
      throws Malformed {
    if (!event.equals("pull_request") && !event.equals("issue_comment")) {
      return Read.ignore("event '" + event + "' is not one the crew acts on");
    }
    String fullName = text(root, "repository", "full_name");
    Optional<String> repository = repositories.apply(fullName);
    if (repository.isEmpty()) {
      return Read.ignore("repository " + fullName + " is not configured");
    }
    String action = text(root, "action");
    String sender = text(root, "sender", "login");
    return event.equals("pull_request")
        ? pullRequest(root, repository.get(), action, sender)
        : comment(root, repository.get(), action);
  }

  private static Read pullRequest(JsonNode root, String repository, String action, String sender)
      throws Malformed {
    JsonNode pr = root.path("pull_request");
    int number = number(root.has("number") ? root.path("number") : pr.path("number"), "number");
    if (VALIDATED.contains(action)) {
      String head = commit(root, "pull_request", "head", "sha");
      return new Read(
          new PullRequestEvent.Pushed("github", repository, number, action, head, sender), null);
    }
    if (action.equals("closed")) {
      if (!pr.path("merged").asBoolean(false)) {
        return Read.ignore("pull request #" + number + " closed without merging");
      }
      String merge = commit(root, "pull_request", "merge_commit_sha");
      return new Read(
          new PullRequestEvent.Merged("github", repository, number, merge, sender), null);
    }
    return Read.ignore("pull_request action '" + action + "' is not one the crew acts on");
  }

  private static Read comment(JsonNode root, String repository, String action) throws Malformed {
    if (!action.equals("created")) {
      return Read.ignore("issue_comment action '" + action + "': only new comments are read");
    }
    JsonNode issue = root.path("issue");
    int number = number(issue.path("number"), "issue.number");
    JsonNode link = issue.path("pull_request");
    if (link.isMissingNode() || link.isNull()) {
      return Read.ignore("a comment on issue #" + number + ", not a pull request");
    }
    JsonNode comment = root.path("comment");
    String author = text(root, "comment", "user", "login");
    String body = comment.path("body").isTextual() ? comment.path("body").asText() : "";
    if ("Bot".equals(comment.path("user").path("type").asText()) || author.endsWith("[bot]")) {
      return Read.ignore("a comment by the bot " + author);
    }
    if (AGENT_FOOTER.matcher(body).matches()) {
      return Read.ignore("the crew's own comment");
    }
    if (CrewCommand.parse(body).isEmpty()) {
      return Read.ignore("no /crew command in comment " + comment.path("id").asLong());
    }
    long id = comment.path("id").asLong(0);
    if (id <= 0) {
      throw new Malformed("comment.id is missing");
    }
    return new Read(
        new PullRequestEvent.Commented("github", repository, number, id, author, body), null);
  }

  private static int number(JsonNode node, String field) throws Malformed {
    if (!node.canConvertToInt() || node.asInt() <= 0) {
      throw new Malformed("'" + field + "' must be a pull request number");
    }
    return node.asInt();
  }

  /** The longest name, login or event type a forge's payload carries. */
  private static final int LONGEST_NAME = 256;

  /** A required string of a forge's payload: a name, a login, an event type; bounded. */
  static String text(JsonNode root, String... path) throws Malformed {
    JsonNode n = root;
    for (String p : path) {
      n = n.path(p);
    }
    if (!n.isTextual() || n.asText().isBlank()) {
      throw new Malformed("missing '" + String.join(".", path) + "'");
    }
    if (n.asText().length() > LONGEST_NAME) {
      throw new Malformed(
          "'"
              + String.join(".", path)
              + "' is "
              + n.asText().length()
              + " characters long; it takes at most "
              + LONGEST_NAME);
    }
    return n.asText();
  }

  /**
   * An optional string of a forge's payload, bounded as {@link #text} is; {@code fallback} if
   * absent.
   */
  static String optional(JsonNode root, String fallback, String... path) throws Malformed {
    JsonNode n = root;
    for (String p : path) {
      n = n.path(p);
    }
    return n.isTextual() && !n.asText().isBlank() ? text(root, path) : fallback;
  }

  /** A required commit id: 7 to 64 hexadecimal digits (SHA-1 or SHA-256, maybe abbreviated). */
  static String commit(JsonNode root, String... path) throws Malformed {
    String id = text(root, path);
    if (!id.matches("[0-9a-fA-F]{7,64}")) {
      throw new Malformed(
          "'" + String.join(".", path) + "' is not a commit id (7 to 64 hexadecimal digits)");
    }
    return id;
  }
}
