package dev.gitopscrew.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Azure DevOps service hook bodies as Azure DevOps sends them (resource version 1.0 for pull
 * requests, 2.0 for comments), rendered from the templates under {@code webhooks/azure-devops/}.
 */
final class AzureHooks {

  static final String BASE = "a511f535b1ea495ee0c903badb68fbc83772c882";

  private AzureHooks() {}

  static String identity(String name, String uniqueName, String id) {
    return """
        {
          "displayName": "%1$s",
          "url": "https://spsprodweu5.vssps.visualstudio.com/A1b2c3d4/_apis/Identities/%3$s",
          "_links": {"avatar": {"href": "https://dev.azure.com/org/_apis/GraphProfile/MemberAvatars/aad.%3$s"}},
          "id": "%3$s",
          "uniqueName": "%2$s",
          "imageUrl": "https://dev.azure.com/org/_api/_common/identityImage?id=%3$s",
          "descriptor": "aad.%3$s"
        }"""
        .formatted(name, uniqueName, id);
  }

  static String ada() {
    return identity("Ada Operator", "ada@example.org", "54d125f7-69f7-4191-904f-c5b96b6261c8");
  }

  /** A pull request as the REST API and the service hooks' {@code resource} show it. */
  static String pullRequest(
      int number, String branch, String head, String status, String mergeStatus, String merge) {
    boolean completed = status.equals("completed");
    Map<String, String> v = new HashMap<>();
    v.put("repository", read("repository.json"));
    v.put("number", String.valueOf(number));
    v.put("status", status);
    v.put("ada", ada());
    v.put("closed_date", completed ? "\"2026-12-03T07:30:00.000Z\"" : "null");
    v.put("closed_by", completed ? ada() : "null");
    v.put("branch", branch);
    v.put("merge_status", mergeStatus);
    v.put("head", head);
    v.put("base", BASE);
    v.put("merge", merge == null ? "eef717f69257a6333f221566c1c987dc94cc0d72" : merge);
    v.put(
        "completion",
        completed
            ? "{\"mergeCommitMessage\": \"Merged PR "
                + number
                + "\", \"deleteSourceBranch\": true,"
                + " \"mergeStrategy\": \"noFastForward\", \"transitionWorkItems\": true}"
            : "null");
    return render("pullrequest-resource.json", v);
  }

  static String event(String type, int notification, String eventId, String pullRequest) {
    Map<String, String> v = new HashMap<>();
    v.put("notification", String.valueOf(notification));
    v.put("event_id", eventId);
    v.put("event_type", type);
    v.put(
        "verb",
        switch (type) {
          case "git.pullrequest.created" -> "created";
          case "git.pullrequest.merged" -> "merged";
          default -> "updated";
        });
    v.put("number", pullRequest.replaceAll("(?s).*\"pullRequestId\": (\\d+).*", "$1"));
    v.put("pull_request", pullRequest);
    return render("pullrequest.json", v);
  }

  static String comment(
      int notification,
      String eventId,
      long commentId,
      String author,
      String content,
      String updated,
      String type,
      String pullRequest) {
    Map<String, String> v = new HashMap<>();
    v.put("notification", String.valueOf(notification));
    v.put("event_id", eventId);
    v.put("author_name", author.replaceAll("(?s).*\"displayName\": \"([^\"]*)\".*", "$1"));
    v.put("verb", "commented");
    v.put("number", pullRequest.replaceAll("(?s).*\"pullRequestId\": (\\d+).*", "$1"));
    v.put("comment_id", String.valueOf(commentId));
    v.put("author", author);
    v.put("content", GitHubHooks.json(content));
    v.put("updated", updated);
    v.put("comment_type", type);
    v.put("pull_request", pullRequest);
    return render("comment.json", v);
  }

  private static String render(String template, Map<String, String> values) {
    String out = read(template);
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    if (out.contains("${")) {
      throw new IllegalStateException("unfilled placeholder in " + template);
    }
    return out;
  }

  private static String read(String name) {
    try (InputStream in = AzureHooks.class.getResourceAsStream("/webhooks/azure-devops/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
