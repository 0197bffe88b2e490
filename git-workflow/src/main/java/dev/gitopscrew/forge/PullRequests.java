package dev.gitopscrew.forge;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The pull request side of a forge: pull requests, their comments and labels, commit statuses, and
 * the pull requests closed since a release. Every forge offers it.
 */
public interface PullRequests {

  /** A comment on pull request {@code number} whose body carries {@code marker}. */
  Optional<Comment> findPullRequestComment(int number, String marker);

  /** Comments on a pull request (a new thread on Azure DevOps). */
  Comment commentOnPullRequest(int number, String body);

  /** Replaces the body of a comment found with {@link #findPullRequestComment}. */
  Comment updatePullRequestComment(int number, long commentId, String body);

  /** Adds one label to a pull request (a pull request label on Azure DevOps). */
  void addPullRequestLabel(int number, String label);

  /** Removes one label from a pull request; a label it does not carry is no error. */
  void removePullRequestLabel(int number, String label);

  /** Sets the status of a commit for one context, replacing the one set before. */
  void setCommitStatus(CommitStatus status);

  /** The open pull request whose source branch is {@code branch}. */
  Optional<PullRequest> findOpenPullRequest(String branch);

  PullRequest createPullRequest(NewPullRequest pullRequest);

  /** Replaces title and body, adds the labels, of an existing pull request. */
  PullRequest updatePullRequest(int number, NewPullRequest pullRequest);

  PullRequest pullRequest(int number);

  /**
   * Pull requests merged, or closed without merging, and updated at or after {@code since} (every
   * one when null), newest first: with labels, milestone, base branch and merge commit.
   *
   * @param merged when not null, the numbers of every pull request merged into the default branch
   *     since {@code since}, as Git's history names them: the listing may stop as soon as it has
   *     seen them all, as what follows is older
   */
  List<ForgeItem> closedPullRequests(Instant since, Set<Integer> merged);
}
