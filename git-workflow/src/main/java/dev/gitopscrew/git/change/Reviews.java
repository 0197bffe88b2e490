package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.git.ChangedFiles;

/**
 * Reading what a change brings and reporting on it, for the agents that review rather than change:
 * the files a pull request or the default branch changed, one issue kept current per report, and
 * one comment plus a commit status per pull request. Every write goes through the session's {@link
 * SideEffects}.
 */
public interface Reviews {

  /** What pull request {@code number} changes: its branch against its base branch. */
  ChangedFiles pullRequestChanges(String repository, int number);

  /**
   * What the head of the default branch changed since {@code base} (a branch, tag or commit; null
   * means its previous commit).
   */
  ChangedFiles defaultBranchChanges(String repository, String base);

  /**
   * Keeps one open issue for the report: opened, its body replaced when it changed, or closed with
   * a comment when nothing is left.
   */
  ReportOutcome report(String repository, Report report, SideEffects effects);

  /**
   * Keeps one comment for the report on pull request {@code number} (opened, then updated), and
   * sets {@code status} on the commit it is about.
   */
  ReportOutcome reportOnPullRequest(
      String repository, int number, Report report, CommitStatus status, SideEffects effects);
}
