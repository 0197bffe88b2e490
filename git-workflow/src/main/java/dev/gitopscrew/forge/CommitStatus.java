package dev.gitopscrew.forge;

import java.util.Objects;

/**
 * A commit status (a check on GitHub, a commit status on Azure DevOps): one per context on a
 * commit, the last one set wins.
 *
 * @param commit the full SHA
 * @param context who reports, e.g. {@code gitops-crew/validate}
 * @param description one line, at most 140 characters (GitHub's limit)
 * @param targetUrl where the details are, or null
 */
public record CommitStatus(
    String commit, State state, String context, String description, String targetUrl) {

  public enum State {
    PENDING,
    SUCCESS,
    FAILURE,
    ERROR
  }

  public CommitStatus {
    Objects.requireNonNull(commit, "commit");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(context, "context");
    if (!commit.matches("[0-9a-f]{40}")) {
      throw new IllegalArgumentException("a commit status needs a full commit SHA, got " + commit);
    }
    description = description == null ? "" : description.replaceAll("\\s+", " ").strip();
    if (description.length() > 140) {
      description = description.substring(0, 139) + "…";
    }
  }
}
