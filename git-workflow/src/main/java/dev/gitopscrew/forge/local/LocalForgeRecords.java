package dev.gitopscrew.forge.local;

import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where the local forge keeps what a hosted forge would: issues, pull requests, labels, comments,
 * milestones and releases, per repository name. The state store implements it; issues and pull
 * requests share one number sequence per repository, as on GitHub.
 */
public interface LocalForgeRecords {

  /** The address of a local record: {@code local://<repo>/<issues|pulls>/<number>}. */
  static String url(String repo, String kind, int number) {
    return "local://" + repo + "/" + kind + "/" + number;
  }

  Issue insertIssue(String repo, NewIssue issue);

  Optional<Issue> issue(String repo, int number);

  List<Issue> issues(String repo);

  /** Adds labels to an issue or pull request. */
  void addLabels(String repo, int number, Set<String> labels);

  /** Removes one label from an issue or pull request, if it carries it. */
  void removeLabel(String repo, int number, String label);

  Comment insertComment(String repo, int number, String body);

  List<Comment> comments(String repo, int number);

  /** Replaces an issue's body. */
  void updateIssueBody(String repo, int number, String body);

  void closeIssue(String repo, int number);

  void reopenIssue(String repo, int number);

  /** Replaces the body of comment {@code id} on issue or pull request {@code number}. */
  Comment updateComment(String repo, int number, long id, String body);

  /** Sets the status of a commit for its context, replacing the one before. */
  void setCommitStatus(String repo, CommitStatus status);

  /** The statuses of a commit, one per context. */
  List<CommitStatus> commitStatuses(String repo, String commit);

  PullRequest insertPullRequest(String repo, NewPullRequest pullRequest);

  Optional<PullRequest> pullRequest(String repo, int number);

  List<PullRequest> pullRequests(String repo);

  void updatePullRequest(String repo, int number, String title, String body);

  void setPullRequestState(String repo, int number, PullRequest.State state);

  /** Sets the milestone of an issue or pull request, creating the milestone when new. */
  void setMilestone(String repo, int number, String milestone);

  List<Milestone> milestones(String repo);

  void closeMilestone(String repo, String title);

  Release insertRelease(String repo, Release release);

  List<Release> releases(String repo);

  /** A milestone: a version's worth of issues. */
  record Milestone(String title, boolean open, String description) {
    public Milestone {
      description = description == null ? "" : description;
    }

    public Milestone(String title, boolean open) {
      this(title, open, "");
    }
  }

  /** A release: a tag, its title and notes. */
  record Release(String tag, String title, String notes) {}

  // What releases need: merges, milestone changes, release updates.

  /** Marks a pull request merged by {@code commit} (on its base branch) at {@code at}. */
  void markMerged(String repo, int number, String commit, Instant at);

  /** The merge of every pull request {@link #markMerged} recorded. */
  List<Merge> merges(String repo);

  /** Creates an open milestone, unless one of that title exists (which is left as it is). */
  void createMilestone(String repo, String title, String description);

  /**
   * Renames (its issues and pull requests move along), describes, opens or closes a milestone.
   *
   * @throws IllegalArgumentException when there is no milestone {@code title}
   */
  void updateMilestone(
      String repo, String title, String newTitle, String description, boolean open);

  /** Replaces the title and notes of the release of {@code release.tag()}. */
  void updateRelease(String repo, Release release);

  /** How a pull request was merged. */
  record Merge(int number, String commit, Instant at) {}
}
