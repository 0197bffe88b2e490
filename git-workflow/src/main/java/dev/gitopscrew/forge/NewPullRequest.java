package dev.gitopscrew.forge;

import java.util.Set;

/**
 * A pull request to open (or the new content of an existing one).
 *
 * @param issue the issue it closes; its work item is linked on Azure DevOps
 * @param milestone the issue's milestone, or null
 * @param milestoneNumber GitHub's number of that milestone when the workflow knows it, else 0
 */
public record NewPullRequest(
    String title,
    String body,
    String branch,
    String baseBranch,
    Set<String> labels,
    int issue,
    String milestone,
    int milestoneNumber) {
  public NewPullRequest {
    labels = Set.copyOf(labels);
  }

  /** A pull request whose milestone, if any, is known by its title only. */
  public NewPullRequest(
      String title,
      String body,
      String branch,
      String baseBranch,
      Set<String> labels,
      int issue,
      String milestone) {
    this(title, body, branch, baseBranch, labels, issue, milestone, 0);
  }
}
