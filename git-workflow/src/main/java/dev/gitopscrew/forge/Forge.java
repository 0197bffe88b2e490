package dev.gitopscrew.forge;

import dev.gitopscrew.git.GitCredentials;
import java.time.Instant;
import java.util.List;
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

  /**
   * Replaces an issue's labels with exactly {@code labels}, in one write: how a type label is
   * replaced, as an issue keeps exactly one.
   */
  void setLabels(int issue, Set<String> labels);

  /**
   * Reopens a closed issue. A forge that will not (a work item removed, no permission) throws a
   * {@link ForgeException} saying why.
   */
  void reopenIssue(int number);

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

  /** Adds one label to a pull request (a pull request label on Azure DevOps). */
  void addPullRequestLabel(int number, String label);

  /** Removes one label from a pull request; a label it does not carry is no error. */
  void removePullRequestLabel(int number, String label);

  /**
   * Whether the forge user {@code login} may push to this repository (write, maintain or admin on
   * GitHub). A forge that cannot say answers false; the configuration then lists who may.
   */
  boolean canPush(String login);

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

  // Releases (homelab-admin): merged pull requests, milestones and releases. Azure DevOps keeps
  // neither milestones nor releases; a release there is its annotated tag.

  /**
   * Whether this forge keeps milestones and releases (GitHub, local) or a release is only its
   * annotated tag (Azure DevOps, whose milestone and release methods are not to be called).
   */
  boolean keepsMilestonesAndReleases();

  /**
   * Pull requests merged, or closed without merging, and updated at or after {@code since} (every
   * one when null), newest first: with labels, milestone, base branch and merge commit.
   *
   * @param merged when not null, the numbers of every pull request merged into the default branch
   *     since {@code since}, as Git's history names them: the listing may stop as soon as it has
   *     seen them all, as what follows is older
   */
  List<ForgeItem> closedPullRequests(Instant since, Set<Integer> merged);

  /** The open issues and pull requests of a milestone. */
  List<ForgeItem> openItems(Milestone milestone);

  /** Every milestone, open and closed. */
  List<Milestone> milestones();

  /** Creates an open milestone; when one of that title exists already it is returned instead. */
  Milestone createMilestone(String title, String description);

  /** Sets a milestone's title, description and state in one write. */
  Milestone updateMilestone(Milestone milestone, String title, String description, boolean open);

  /** Puts an issue or pull request in a milestone. */
  void setMilestone(int number, Milestone milestone);

  /** The newest releases (at least the 100 newest), drafts included, newest first. */
  List<Release> latestReleases();

  /**
   * Publishes a release, marked latest when asked; when the forge already has one for the tag (a
   * 422 {@code already_exists} on GitHub), that one is found and updated instead.
   */
  Release createRelease(NewRelease release);

  /** Replaces a release's name and notes and publishes it: a draft stops being one. */
  Release updateRelease(Release existing, NewRelease release);

  /**
   * Notes the forge writes for a tag (GitHub's {@code releases/generate-notes}, which writes
   * nothing); empty when the forge writes none.
   *
   * @param target the commit, needed while the tag does not exist yet
   * @param previousTag the tag the notes start from; null for the first release
   */
  Optional<ReleaseNotes> generateNotes(String tag, String target, String previousTag);
}
