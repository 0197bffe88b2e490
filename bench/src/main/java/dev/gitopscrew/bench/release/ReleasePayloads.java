package dev.gitopscrew.bench.release;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * GitHub REST payloads of a release, shaped like GitHub's (pull requests, milestones, releases).
 */
final class ReleasePayloads {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String WEB = "https://github.com/owner/homelab";

  private ReleasePayloads() {}

  static ObjectNode milestone(String api, int number, String title, boolean open, int closed) {
    ObjectNode n = JSON.createObjectNode();
    n.put("url", api + "/repos/owner/homelab/milestones/" + number);
    n.put("html_url", WEB + "/milestone/" + number);
    n.put("labels_url", api + "/repos/owner/homelab/milestones/" + number + "/labels");
    n.put("id", 9_000_000 + number);
    n.put("node_id", "MI_kwDOBench" + number);
    n.put("number", number);
    n.put("state", open ? "open" : "closed");
    n.put("title", title);
    n.put("description", "");
    n.set("creator", user("ada"));
    n.put("open_issues", 0);
    n.put("closed_issues", closed);
    n.put("created_at", "2026-10-01T09:00:00Z");
    n.put("updated_at", "2026-11-20T09:00:00Z");
    n.putNull("due_on");
    n.putNull("closed_at");
    return n;
  }

  static ObjectNode pull(
      String api,
      int number,
      String title,
      List<String> labels,
      ObjectNode milestone,
      String mergedAt,
      String mergeSha) {
    ObjectNode n = JSON.createObjectNode();
    n.put("url", api + "/repos/owner/homelab/pulls/" + number);
    n.put("id", 1_500_000 + number);
    n.put("node_id", "PR_kwDOBench" + number);
    n.put("html_url", WEB + "/pull/" + number);
    n.put("diff_url", WEB + "/pull/" + number + ".diff");
    n.put("patch_url", WEB + "/pull/" + number + ".patch");
    n.put("issue_url", api + "/repos/owner/homelab/issues/" + number);
    n.put("number", number);
    n.put("state", "closed");
    n.put("locked", false);
    n.put("title", title);
    n.set("user", user("software-engineer[bot]"));
    n.put(
        "body", "Closes #" + (number + 10_000) + "\n\n---\nAgent: software-engineer | GitOps Crew");
    ArrayNode l = n.putArray("labels");
    for (int i = 0; i < labels.size(); i++) {
      ObjectNode label = l.addObject();
      label.put("id", 208_045_946 + i);
      label.put("node_id", "LA_kwDOBench" + i);
      label.put("url", api + "/repos/owner/homelab/labels/" + labels.get(i));
      label.put("name", labels.get(i));
      label.put("color", "ededed");
      label.put("default", false);
      label.putNull("description");
    }
    n.set("milestone", milestone);
    n.put("created_at", "2026-11-01T09:00:00Z");
    n.put("updated_at", mergedAt);
    n.put("closed_at", mergedAt);
    n.put("merged_at", mergedAt);
    n.put("merge_commit_sha", mergeSha);
    n.putNull("assignee");
    n.putArray("assignees");
    n.putArray("requested_reviewers");
    n.putArray("requested_teams");
    n.set(
        "head",
        ref(
            "software-engineer/fix/" + number + "-change",
            "6dcb09b5b57875f334f61aebed695e2e4193db5e"));
    n.set("base", ref("main", mergeSha));
    n.put("author_association", "CONTRIBUTOR");
    n.putNull("auto_merge");
    n.putNull("active_lock_reason");
    n.put("draft", false);
    return n;
  }

  static ObjectNode release(String api, long id, String tag, String body) {
    ObjectNode n = JSON.createObjectNode();
    n.put("url", api + "/repos/owner/homelab/releases/" + id);
    n.put("assets_url", api + "/repos/owner/homelab/releases/" + id + "/assets");
    n.put(
        "upload_url",
        "https://uploads.github.com/repos/owner/homelab/releases/" + id + "/assets{?name,label}");
    n.put("html_url", WEB + "/releases/tag/" + tag);
    n.put("id", id);
    n.set("author", user("homelab-admin[bot]"));
    n.put("node_id", "RE_kwDOBench" + id);
    n.put("tag_name", tag);
    n.put("target_commitish", "main");
    n.put("name", tag);
    n.put("draft", false);
    n.put("prerelease", false);
    n.put("created_at", "2026-11-20T09:00:00Z");
    n.put("published_at", "2026-11-20T09:00:00Z");
    n.putArray("assets");
    n.put("tarball_url", api + "/repos/owner/homelab/tarball/" + tag);
    n.put("zipball_url", api + "/repos/owner/homelab/zipball/" + tag);
    n.put("body", body);
    return n;
  }

  private static ObjectNode ref(String ref, String sha) {
    ObjectNode n = JSON.createObjectNode();
    n.put("label", "owner:" + ref);
    n.put("ref", ref);
    n.put("sha", sha);
    n.set("user", user("owner"));
    return n;
  }

  private static ObjectNode user(String login) {
    ObjectNode n = JSON.createObjectNode();
    n.put("login", login);
    n.put("id", Math.abs(login.hashCode()));
    n.put("type", login.endsWith("[bot]") ? "Bot" : "User");
    n.put("site_admin", false);
    return n;
  }
}
