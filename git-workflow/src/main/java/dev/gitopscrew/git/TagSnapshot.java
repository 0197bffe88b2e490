package dev.gitopscrew.git;

import java.util.List;

/** The default branch's tip and every tag of the remote, as one fetch saw them. */
public record TagSnapshot(String head, List<Tag> tags) {
  public TagSnapshot {
    tags = List.copyOf(tags);
  }
}
