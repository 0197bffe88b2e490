package dev.gitopscrew.release;

import dev.gitopscrew.effect.SideEffects;
import java.util.Set;

/**
 * The release capability as homelab-admin uses it: plan a repository's next release without
 * writing, cut it (every write through the session's {@link SideEffects}; a dry run writes nothing
 * and shows the plan), and merge a pull request on the local forge so that the loop change → merge
 * → release works with no token.
 */
public interface Releases {

  /** The repository names a release may name. */
  Set<String> repositories();

  /**
   * @param milestone the milestone to release; null for the open milestone with the lowest version
   * @throws ReleaseException when the repository or milestone does not exist
   */
  Plan plan(String repository, String milestone);

  /** Cuts the release the plan shows; a blocked plan throws {@link ReleaseException}. */
  CutResult cut(String repository, String milestone, SideEffects effects);

  /** Merges a pull request of a repository on the local forge, as homelab-admin. */
  MergeResult merge(String repository, int pullRequest, SideEffects effects);
}
