package dev.gitopscrew.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.channel.pr.CrewCommand;
import dev.gitopscrew.channel.pr.PullRequestEvent;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads Azure DevOps service hook bodies ({@code git.pullrequest.created}, {@code .updated}, {@code
 * .merged} and {@code ms.vss-code.git-pullrequest-comment-event}) into a {@link PullRequestEvent}
 * with the key that makes a repeat a duplicate, or says why the event is ignored.
 */
final class AzureDevOpsPayload {

  /** An event and its dedupe key, or (when {@code event} is null) why there is none. */
  record Read(PullRequestEvent event, String key, String ignored) {
    static Read ignore(String why) {
      return new Read(null, null, why);
    }
  }

  static final String COMMENT_EVENT = "ms.vss-code.git-pullrequest-comment-event";

  private AzureDevOpsPayload() {}

  static Read read(JsonNode root, Function<JsonNode, Optional<String>> repositories)
      throws GitHubPayload.Malformed {
    String type = text(root, "eventType");
    JsonNode resource = root.path("resource");
    if (!resource.isObject()) {
      throw new GitHubPayload.Malformed("missing 'resource'");
    }
    switch (type) {
      case "git.pullrequest.created", "git.pullrequest.updated", "git.pullrequest.merged":
        return pullRequest(type, resource, repositories);
      case COMMENT_EVENT:
        return comment(resource, repositories);
      default:
        return Read.ignore("event type '" + type + "' is not one the crew acts on");
    }
  }

  private static Read pullRequest(
      String type, JsonNode pr, Function<JsonNode, Optional<String>> repositories)
      throws GitHubPayload.Malformed {
    JsonNode repo = pr.path("repository");
    Optional<String> repository = repositories.apply(repo);
    if (repository.isEmpty()) {
      return Read.ignore("repository " + describe(repo) + " is not configured");
    }
    int number = number(pr);
    String status = pr.path("status").asText("");
    String sender = GitHubPayload.optional(pr, "unknown", "createdBy", "uniqueName");
    String name = repository.get();
    if (status.equals("completed")) {
      if (!pr.path("mergeStatus").asText("").equals("succeeded")) {
        return Read.ignore(
            "pull request " + number + " completed with merge status " + pr.path("mergeStatus"));
      }
      String merge = GitHubPayload.commit(pr, "lastMergeCommit", "commitId");
      String by = GitHubPayload.optional(pr, sender, "closedBy", "uniqueName");
      return new Read(
          new PullRequestEvent.Merged("azure-devops", name, number, merge, by),
          name + "|merged|" + number,
          null);
    }
    if (type.equals("git.pullrequest.merged")) {
      return Read.ignore(
          "pull request "
              + number
              + " merge attempt: status "
              + status
              + ", merge status "
              + pr.path("mergeStatus").asText("?"));
    }
    if (!status.equals("active")) {
      return Read.ignore("pull request " + number + " is " + status);
    }
    String head = GitHubPayload.commit(pr, "lastMergeSourceCommit", "commitId");
    String action = type.substring(type.lastIndexOf('.') + 1);
    return new Read(
        new PullRequestEvent.Pushed("azure-devops", name, number, action, head, sender),
        name + "|pushed|" + number + "|" + head,
        null);
  }

  private static Read comment(JsonNode resource, Function<JsonNode, Optional<String>> repositories)
      throws GitHubPayload.Malformed {
    JsonNode pr = resource.path("pullRequest");
    JsonNode comment = resource.path("comment");
    if (!pr.isObject() || !comment.isObject()) {
      throw new GitHubPayload.Malformed("a comment event needs resource.comment and .pullRequest");
    }
    Optional<String> repository = repositories.apply(pr.path("repository"));
    if (repository.isEmpty()) {
      return Read.ignore("repository " + describe(pr.path("repository")) + " is not configured");
    }
    int number = number(pr);
    long id = comment.path("id").asLong(0);
    if (id <= 0) {
      throw new GitHubPayload.Malformed("missing 'resource.comment.id'");
    }
    if (comment.path("isDeleted").asBoolean(false)) {
      return Read.ignore("comment " + id + " was deleted");
    }
    if (!comment.path("commentType").asText("text").equals("text")) {
      return Read.ignore("a " + comment.path("commentType").asText() + " comment");
    }
    String body = comment.path("content").asText("");
    if (GitHubPayload.AGENT_FOOTER.matcher(body).matches()) {
      return Read.ignore("the crew's own comment");
    }
    if (CrewCommand.parse(body).isEmpty()) {
      return Read.ignore("no /crew command in comment " + id);
    }
    String author = text(comment, "author", "uniqueName");
    String updated = GitHubPayload.optional(comment, "", "lastUpdatedDate");
    return new Read(
        new PullRequestEvent.Commented("azure-devops", repository.get(), number, id, author, body),
        repository.get() + "|comment|" + number + "|" + id + "|" + updated,
        null);
  }

  private static String describe(JsonNode repo) {
    return repo.path("project").path("name").asText("?") + "/" + repo.path("name").asText("?");
  }

  private static int number(JsonNode pr) throws GitHubPayload.Malformed {
    JsonNode n = pr.path("pullRequestId");
    if (!n.canConvertToInt() || n.asInt() <= 0) {
      throw new GitHubPayload.Malformed("missing 'pullRequestId'");
    }
    return n.asInt();
  }

  private static String text(JsonNode root, String... path) throws GitHubPayload.Malformed {
    return GitHubPayload.text(root, path);
  }
}
