package dev.gitopscrew.forge.github;

/** Response bodies shaped like GitHub's REST API v3 (trimmed to the fields a client reads). */
public final class GitHubPayloads {

  private GitHubPayloads() {}

  public static String repository(String api) {
    return """
        {"id": 1296269, "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5", "name": "homelab",
         "full_name": "owner/homelab", "private": true,
         "owner": {"login": "owner", "id": 1, "type": "User", "url": "%1$s/users/owner"},
         "html_url": "https://github.com/owner/homelab", "url": "%1$s/repos/owner/homelab",
         "default_branch": "main", "permissions": {"admin": false, "push": true, "pull": true}}
        """
        .formatted(api);
  }

  public static String issue(
      String api, int number, String title, String body, String milestone, String... labels) {
    return issue(api, "open", number, title, body, milestone, labels);
  }

  /** An issue in {@code state} ({@code open} or {@code closed}). */
  public static String issue(
      String api,
      String state,
      int number,
      String title,
      String body,
      String milestone,
      String... labels) {
    StringBuilder l = new StringBuilder();
    for (int i = 0; i < labels.length; i++) {
      l.append(i == 0 ? "" : ",")
          .append("{\"id\": ")
          .append(100 + i)
          .append(", \"name\": \"")
          .append(labels[i])
          .append("\", \"color\": \"ededed\", \"default\": false}");
    }
    String m =
        milestone == null
            ? "null"
            : "{\"id\": 7, \"number\": 3, \"title\": \""
                + milestone
                + "\", \"state\": \"open\", \"url\": \""
                + api
                + "/repos/owner/homelab/milestones/3\"}";
    return """
        {"id": %2$d000, "node_id": "I_kw", "number": %2$d, "title": "%3$s", "state": "%7$s",
         "body": %4$s, "user": {"login": "crew-bot", "id": 9},
         "labels": [%5$s], "milestone": %6$s, "comments": 0, "locked": false,
         "url": "%1$s/repos/owner/homelab/issues/%2$d",
         "html_url": "https://github.com/owner/homelab/issues/%2$d",
         "created_at": "2026-11-21T05:00:00Z", "updated_at": "2026-11-21T05:00:00Z"}
        """
        .formatted(api, number, title, json(body), l, m, state);
  }

  /** One milestone of {@code GET /repos/O/R/milestones}. */
  public static String milestone(String api, int number, String title, String state, int open) {
    return """
        {"url": "%1$s/repos/owner/homelab/milestones/%2$d",
         "html_url": "https://github.com/owner/homelab/milestone/%2$d",
         "labels_url": "%1$s/repos/owner/homelab/milestones/%2$d/labels",
         "id": %2$d00, "node_id": "MI_kw", "number": %2$d, "state": "%4$s", "title": "%3$s",
         "description": "", "creator": {"login": "owner", "id": 1}, "open_issues": %5$d,
         "closed_issues": 3, "created_at": "2026-10-01T00:00:00Z",
         "updated_at": "2026-11-20T00:00:00Z", "closed_at": null, "due_on": null}
        """
        .formatted(api, number, title, state, open);
  }

  public static String comment(String api, int issue) {
    return """
        {"id": 555, "node_id": "IC_kw", "body": "Plan", "user": {"login": "crew-bot", "id": 9},
         "url": "%1$s/repos/owner/homelab/issues/comments/555",
         "html_url": "https://github.com/owner/homelab/issues/%2$d#issuecomment-555",
         "created_at": "2026-11-21T05:00:01Z", "updated_at": "2026-11-21T05:00:01Z"}
        """
        .formatted(api, issue);
  }

  public static String pullRequest(
      String api, int number, String branch, String title, String mergedAt) {
    return """
        {"id": %2$d000, "node_id": "PR_kw", "number": %2$d, "state": "%5$s", "title": "%4$s",
         "body": "Closes #42", "user": {"login": "crew-bot", "id": 9}, "labels": [], "milestone": null,
         "url": "%1$s/repos/owner/homelab/pulls/%2$d",
         "html_url": "https://github.com/owner/homelab/pull/%2$d",
         "issue_url": "%1$s/repos/owner/homelab/issues/%2$d",
         "head": {"label": "owner:%3$s", "ref": "%3$s", "sha": "6dcb09b5b57875f334f61aebed695e2e4193db5e"},
         "base": {"label": "owner:main", "ref": "main", "sha": "0000000000000000000000000000000000000000"},
         "merged_at": %6$s, "draft": false,
         "created_at": "2026-11-21T05:00:02Z", "updated_at": "2026-11-21T05:00:02Z"}
        """
        .formatted(
            api,
            number,
            branch,
            title,
            mergedAt == null ? "open" : "closed",
            mergedAt == null ? "null" : "\"" + mergedAt + "\"");
  }

  public static String labels(String... names) {
    StringBuilder l = new StringBuilder("[");
    for (int i = 0; i < names.length; i++) {
      l.append(i == 0 ? "" : ",")
          .append("{\"id\": ")
          .append(200 + i)
          .append(", \"name\": \"")
          .append(names[i])
          .append("\", \"color\": \"ededed\"}");
    }
    return l.append("]").toString();
  }

  private static String json(String s) {
    return s == null
        ? "null"
        : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
  }
}
