package dev.gitopscrew.effect;

/** Every kind of write to the outside world; the id is what audit records and metrics carry. */
public enum EffectKind {
  GIT_PUSH("git.push"),
  GIT_BRANCH_DELETE("git.branch.delete"),
  GIT_TAG("git.tag"),
  FORGE_ISSUE_CREATE("forge.issue.create"),
  FORGE_ISSUE_UPDATE("forge.issue.update"),
  FORGE_ISSUE_CLOSE("forge.issue.close"),
  FORGE_ISSUE_REOPEN("forge.issue.reopen"),
  FORGE_LABELS_ADD("forge.labels.add"),
  FORGE_LABELS_REMOVE("forge.labels.remove"),
  FORGE_COMMENT_CREATE("forge.comment.create"),
  FORGE_COMMENT_UPDATE("forge.comment.update"),
  FORGE_PR_CREATE("forge.pr.create"),
  FORGE_PR_UPDATE("forge.pr.update"),
  FORGE_PR_MERGE("forge.pr.merge"),
  FORGE_STATUS("forge.status"),
  FORGE_MILESTONE("forge.milestone"),
  FORGE_RELEASE("forge.release"),
  CLUSTER_PATCH("cluster.patch"),
  CLUSTER_DELETE("cluster.delete"),
  CHAT_POST("chat.post"),
  CHAT_UPDATE("chat.update"),
  /** A tool of an MCP server that is not a read (docs/mcp.md). */
  MCP_CALL("mcp.call");

  private final String id;

  EffectKind(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }
}
