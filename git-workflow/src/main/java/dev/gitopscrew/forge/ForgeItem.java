package dev.gitopscrew.forge;

import java.time.Instant;
import java.util.Set;

/**
 * An issue or pull request as a release reads it, with what {@link Issue} and {@link PullRequest}
 * leave out: the whole milestone, when and by which commit a pull request was merged.
 *
 * @param state OPEN, CLOSED or (pull requests only) MERGED
 * @param milestone null when it has none
 * @param baseBranch the branch a pull request targets; null for an issue
 * @param mergedAt null unless merged (or when the forge does not say)
 * @param mergeCommit the commit the merge put on the base branch; null when unknown
 * @param updatedAt the last change the forge recorded; null when it keeps no times
 */
public record ForgeItem(
    int number,
    boolean pullRequest,
    String title,
    String body,
    String url,
    PullRequest.State state,
    Set<String> labels,
    Milestone milestone,
    String baseBranch,
    Instant mergedAt,
    String mergeCommit,
    Instant updatedAt) {

  public ForgeItem {
    labels = Set.copyOf(labels);
    body = body == null ? "" : body;
  }

  public boolean merged() {
    return state == PullRequest.State.MERGED;
  }
}
