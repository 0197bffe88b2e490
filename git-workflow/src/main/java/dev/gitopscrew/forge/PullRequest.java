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
}
