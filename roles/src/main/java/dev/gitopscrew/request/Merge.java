package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Merging a pull request on the local forge (homelab-admin), so that the loop change → merge →
 * release works with no hosted forge and no token.
 */
@JsonTypeName("merge")
public record Merge(String repository, int pullRequest) implements Request {

  public Merge {
    Names.repository(repository);
    Names.number("pull request", pullRequest, 1, Integer.MAX_VALUE);
  }

  @Override
  public String describe() {
    return "merge " + repository + "#" + pullRequest;
  }
}
