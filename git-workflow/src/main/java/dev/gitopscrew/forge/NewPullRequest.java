package dev.gitopscrew.forge;

import java.util.Set;

/**
 * A pull request to open (or the new content of an existing one).
 *
 * @param issue the issue it closes; its work item is linked on Azure DevOps
 * @param milestone the issue's milestone, or null
 */
public record NewPullRequest(
    String title,
    String body,
    String branch,
    String baseBranch,
    Set<String> labels,
    int issue,
    String milestone) {
  public NewPullRequest {
    labels = Set.copyOf(labels);
  }
}
