package dev.gitopscrew.forge;

import java.util.Set;

/**
 * An issue to create; its body carries the marker that finds it again after a failed attempt.
 *
 * @param milestone the milestone to put it in (the next release's), or null
 */
public record NewIssue(String title, String body, Set<String> labels, Milestone milestone) {
  public NewIssue {
    labels = Set.copyOf(labels);
  }

  /** An issue in no milestone. */
  public NewIssue(String title, String body, Set<String> labels) {
    this(title, body, labels, null);
  }
}
