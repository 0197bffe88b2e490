package dev.gitopscrew.git.change;

import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.RefNames;
import java.util.Objects;

/**
 * A rollback by pull request: revert {@code commit} of {@code repository}'s default branch.
 *
 * @param issue the issue to adopt (an incident's), or null to find or create one
 */
public record RevertRequest(
    String repository, String commit, String title, Integer issue, String agentId, String summary) {

  public RevertRequest {
    Objects.requireNonNull(repository, "repository");
    if (commit == null || !commit.matches("[0-9a-f]{7,40}")) {
      throw new IllegalArgumentException("not a commit SHA: " + commit);
    }
    RefNames.requireSingleLine("title", title);
    RefNames.requireValidAgentId(agentId);
  }

  ChangeType type() {
    return ChangeType.FIX;
  }
}
