package dev.gitopscrew.git;

import java.util.List;
import org.eclipse.jgit.lib.ObjectId;

/** What merging the default branch into a branch did before a push. */
public sealed interface Freshness {

  /** The branch already contains the default branch; nothing to merge. */
  record UpToDate(ObjectId head) implements Freshness {}

  /** A merge commit now joins the default branch into the branch. */
  record Merged(ObjectId head) implements Freshness {}

  /** The merge stopped on these files; nothing was pushed and nothing was reset. */
  record Conflict(List<String> files) implements Freshness {}
}
