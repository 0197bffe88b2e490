package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.git.RepositoryFiles;
import java.util.Set;

/**
 * The Git-workflow capability as the agents use it: read a repository's default branch, and turn a
 * change into an issue, a branch, a commit and a pull request, every write through the session's
 * {@link SideEffects}.
 */
public interface Changes extends Reviews {

  /** The repository names a change may name. */
  Set<String> repositories();

  /** The files at the head of the repository's default branch, after a fetch. */
  RepositoryFiles defaultBranch(String repository);

  /**
   * Runs the workflow of PRODUCT.md section 5; in a dry run ({@link SideEffects#dryRun()}) it
   * writes nothing and says what it would do.
   */
  ChangeOutcome run(ChangeRequest request, SideEffects effects);
}
