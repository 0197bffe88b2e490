package dev.gitopscrew.git;

import java.util.List;

/** The end of merging a branch into the default branch, as the local forge's merge button. */
public sealed interface LocalMerge {

  /** A merge commit is on the default branch now. */
  record Merged(String commit) implements LocalMerge {}

  /** The branch was merged before; {@code commit} is the merge commit that brought it in. */
  record AlreadyMerged(String commit) implements LocalMerge {}

  /** The branch conflicts with the default branch in these files; nothing was pushed. */
  record Conflicted(List<String> files) implements LocalMerge {}
}
