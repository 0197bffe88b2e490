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

  /** The configured repository whose Git URL is {@code url} (as an Argo CD source names it). */
  java.util.Optional<String> repositoryFor(String url);

  /**
   * The newest commits of the default branch that touch {@code path} (empty: any), newest first.
   */
  java.util.List<dev.gitopscrew.git.CommitInfo> history(String repository, String path, int max);

  /**
   * A rollback: {@code git revert} of {@code commit} (a merge against its first parent) on a
   * branch, opened as a pull request through the same workflow and footprints as any change.
   */
  ChangeOutcome revert(RevertRequest request, SideEffects effects);

  /**
   * The open issue an agent filed under {@code marker}, or a new one with the agent's footprint
   * (labels and footer); never a duplicate. In a dry run nothing is created and the number is 0.
   */
  ChangeOutcome.Ref openIssue(IssueRequest request, SideEffects effects);

  /** A comment with the agent's footer on an issue or pull request. */
  void comment(String repository, int number, String agentId, String body, SideEffects effects);

  /**
   * Adds {@code label} to pull request {@code number} (or removes it), audited; in a dry run it
   * says what it would do.
   */
  void label(String repository, int number, String label, boolean remove, SideEffects effects);
}
