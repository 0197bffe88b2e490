package dev.gitopscrew.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * GitHub webhook bodies as GitHub sends them (every field of the documented payloads, not a trimmed
 * subset), rendered from the templates under {@code webhooks/github/}.
 */
final class GitHubHooks {

  static final String ZERO = "0000000000000000000000000000000000000000";

  private GitHubHooks() {}

  static String user(String login, long id, String type) {
    return """
        {
          "login": "%1$s", "id": %2$d, "node_id": "MDQ6VXNlcjE%2$d",
          "avatar_url": "https://avatars.githubusercontent.com/u/%2$d?v=4", "gravatar_id": "",
          "url": "https://api.github.com/users/%1$s", "html_url": "https://github.com/%1$s",
          "followers_url": "https://api.github.com/users/%1$s/followers",
          "following_url": "https://api.github.com/users/%1$s/following{/other_user}",
          "gists_url": "https://api.github.com/users/%1$s/gists{/gist_id}",
          "starred_url": "https://api.github.com/users/%1$s/starred{/owner}{/repo}",
          "subscriptions_url": "https://api.github.com/users/%1$s/subscriptions",
          "organizations_url": "https://api.github.com/users/%1$s/orgs",
          "repos_url": "https://api.github.com/users/%1$s/repos",
          "events_url": "https://api.github.com/users/%1$s/events{/privacy}",
          "received_events_url": "https://api.github.com/users/%1$s/received_events",
          "type": "%3$s", "user_view_type": "public", "site_admin": false
        }"""
        .formatted(login, id, type);
  }

  static String pullRequest(
      String action, int number, String headRef, String headSha, String before, String merge) {
    boolean merged = merge != null;
    return render(
        "pull_request.json",
        Map.ofEntries(
            Map.entry("action", action),
            Map.entry("number", String.valueOf(number)),
            Map.entry("state", action.equals("closed") ? "closed" : "open"),
            Map.entry("head_ref", headRef),
            Map.entry("head_sha", headSha),
            Map.entry("base_sha", before == null ? ZERO : before),
            Map.entry("before", before == null ? ZERO : before),
            Map.entry("merged", String.valueOf(merged)),
            Map.entry("merge_commit_sha", merged ? "\"" + merge + "\"" : "null"),
            Map.entry("merged_at", merged ? "\"2026-12-03T07:30:00Z\"" : "null"),
            Map.entry("closed_at", action.equals("closed") ? "\"2026-12-03T07:30:00Z\"" : "null"),
            Map.entry("merged_by", merged ? user("owner", 1, "User") : "null"),
            Map.entry("author", user("ada", 5811, "User")),
            Map.entry("owner", user("owner", 1, "User")),
            Map.entry("sender", user("ada", 5811, "User")),
            Map.entry("repository", repository())));
  }

  static String comment(int number, long id, String login, String type, String body) {
    return render(
        "issue_comment.json",
        Map.of(
            "number",
            String.valueOf(number),
            "comment_id",
            String.valueOf(id),
            "commenter",
            user(login, 7000 + login.length(), type),
            "author",
            user("ada", 5811, "User"),
            "association",
            type.equals("Bot") ? "NONE" : "CONTRIBUTOR",
            "body",
            body == null ? "null" : json(body),
            "repository",
            repository()));
  }

  static String ping() {
    return render(
        "ping.json", Map.of("repository", repository(), "sender", user("owner", 1, "User")));
  }

  static String repository() {
    return read("repository.json");
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
    try (InputStream in = GitHubHooks.class.getResourceAsStream("/webhooks/github/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(String s) {
    return "\""
        + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
        + "\"";
  }
}
