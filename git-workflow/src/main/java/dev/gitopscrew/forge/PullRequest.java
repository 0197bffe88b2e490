package dev.gitopscrew.forge;

import java.util.Set;

/** A pull request as a forge reports it; {@code milestone} is null when it has none. */
public record PullRequest(
    int number,
    String title,
    String body,
    String url,
    String branch,
    String baseBranch,
    State state,
    Set<String> labels,
    String milestone) {

  public enum State {
    OPEN,
    MERGED,
    CLOSED
  }

  public PullRequest {
    labels = Set.copyOf(labels);
  }

  public PullRequest withLabels(Set<String> newLabels) {
    return new PullRequest(
        number, title, body, url, branch, baseBranch, state, newLabels, milestone);
  }

  public PullRequest withMilestone(String newMilestone) {
    return new PullRequest(
        number, title, body, url, branch, baseBranch, state, labels, newMilestone);
  }

  public PullRequest withState(State newState) {
    return new PullRequest(
        number, title, body, url, branch, baseBranch, newState, labels, milestone);
  }

  public PullRequest withContent(String newTitle, String newBody) {
    return new PullRequest(
        number, newTitle, newBody, url, branch, baseBranch, state, labels, milestone);
  }
}
