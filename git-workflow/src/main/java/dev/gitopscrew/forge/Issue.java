package dev.gitopscrew.forge;

import java.util.Set;

/** An issue as a forge reports it; {@code milestone} is null when it has none. */
public record Issue(
    int number,
    String title,
    String body,
    String url,
    boolean open,
    Set<String> labels,
    String milestone) {

  public Issue {
    labels = Set.copyOf(labels);
  }

  public Issue withLabels(Set<String> newLabels) {
    return new Issue(number, title, body, url, open, newLabels, milestone);
  }

  public Issue withMilestone(String newMilestone) {
    return new Issue(number, title, body, url, open, labels, newMilestone);
  }
}
