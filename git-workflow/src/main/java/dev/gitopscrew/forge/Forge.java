package dev.gitopscrew.forge;

import dev.gitopscrew.git.GitCredentials;
import java.util.Optional;
import java.util.Set;

/**
 * The port every forge adapter (GitHub, Azure DevOps, local) implements: the issue and pull request
 * side of a change. Git itself (branches, commits, pushes) goes through {@code Mirror}.
 *
 * <p>Creates are not retried here: the caller looks up what a failed attempt may have made first
 * (see {@link CreateOnce}), so no adapter ever makes a duplicate.
 */
public interface Forge {

  /** The issue (GitHub issue, Azure DevOps work item, local record) with this number. */
  Issue issue(int number);

  /**
   * An open issue labelled {@code label} whose body carries {@code marker} or whose title is
   * exactly {@code title}; the label keeps the search to one page on a busy repository.
   */
  Optional<Issue> findOpenIssue(String title, String marker, String label);

  Issue createIssue(NewIssue issue);

  void addLabels(int issue, Set<String> labels);

  Comment comment(int issue, String body);

  /** A comment on {@code issue} whose body carries {@code marker}. */
  Optional<Comment> findComment(int issue, String marker);

  /** Replaces the body of an issue (a report kept current); title and labels stay. */
  Issue updateIssue(int number, String body);

  /** Closes an issue as done. */
  void closeIssue(int number);

  /** A comment on pull request {@code number} whose body carries {@code marker}. */
  Optional<Comment> findPullRequestComment(int number, String marker);

  /** Comments on a pull request (a new thread on Azure DevOps). */
  Comment commentOnPullRequest(int number, String body);

  /** Replaces the body of a comment found with {@link #findPullRequestComment}. */
  Comment updatePullRequestComment(int number, long commentId, String body);

  /** Sets the status of a commit for one context, replacing the one set before. */
  void setCommitStatus(CommitStatus status);

  /** The open pull request whose source branch is {@code branch}. */
  Optional<PullRequest> findOpenPullRequest(String branch);

  PullRequest createPullRequest(NewPullRequest pullRequest);

  /** Replaces title and body, adds the labels, of an existing pull request. */
  PullRequest updatePullRequest(int number, NewPullRequest pullRequest);

  PullRequest pullRequest(int number);

  /** How Git authenticates its pushes to this forge. */
  GitCredentials gitCredentials();
}
