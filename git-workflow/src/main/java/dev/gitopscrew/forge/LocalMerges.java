package dev.gitopscrew.forge;

import java.time.Instant;
import java.util.Optional;

/**
 * Merges the crew records itself: only the local forge offers them ({@link Forge#localMerges()}),
 * whose merges are real merge commits on its bare repository.
 */
public interface LocalMerges {

  /**
   * Marks a pull request merged by {@code commit}: the local forge's merge button. As on GitHub,
   * the open issues its body closes with a keyword ({@code Closes #12}) close with it.
   */
  void recordMerge(int number, String commit, Instant at);

  /** The commit that merged a pull request, as {@link #recordMerge} recorded it. */
  Optional<String> mergeCommit(int number);
}
