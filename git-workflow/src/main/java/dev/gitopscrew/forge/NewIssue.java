package dev.gitopscrew.forge;

import java.util.Set;

/** An issue to create; its body carries the marker that finds it again after a failed attempt. */
public record NewIssue(String title, String body, Set<String> labels) {
  public NewIssue {
    labels = Set.copyOf(labels);
  }
}
