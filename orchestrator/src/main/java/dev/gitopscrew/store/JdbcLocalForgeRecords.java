package dev.gitopscrew.store;

import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.local.LocalForgeRecords;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * The local forge's records in the state store (migrations V3, V7 and V8): the port as one, kept by
 * {@link ForgeItems} (the number sequence, labels and comments issues and pull requests share),
 * {@link ForgeIssues}, {@link ForgePullRequests} (with merges and commit statuses) and {@link
 * ForgeReleases} (milestones and releases).
 */
public final class JdbcLocalForgeRecords implements LocalForgeRecords {

  private final ForgeItems items;
  private final ForgeIssues issues;
  private final ForgePullRequests pullRequests;
  private final ForgeReleases releases;

  public JdbcLocalForgeRecords(DataSource dataSource, Clock clock) {
    Jdbi jdbi = Jdbi.create(dataSource);
    this.items = new ForgeItems(jdbi, clock);
    this.issues = new ForgeIssues(items);
    this.pullRequests = new ForgePullRequests(jdbi, clock, items);
    this.releases = new ForgeReleases(jdbi, clock);
  }

  /** Records timed by the system clock. */
  public JdbcLocalForgeRecords(DataSource dataSource) {
    this(dataSource, Clock.systemUTC());
  }

  @Override
  public Issue insertIssue(String repo, NewIssue issue) {
    return issues.insert(repo, issue);
  }

  @Override
  public Optional<Issue> issue(String repo, int number) {
    return issues.issue(repo, number);
  }

  @Override
  public List<Issue> issues(String repo) {
    return issues.issues(repo);
  }

  @Override
  public void addLabels(String repo, int number, Set<String> labels) {
    items.addLabels(repo, number, labels);
  }

  @Override
  public void removeLabel(String repo, int number, String label) {
    items.removeLabel(repo, number, label);
  }

  @Override
  public Comment insertComment(String repo, int number, String body) {
    return items.insertComment(repo, number, body);
  }

  @Override
  public List<Comment> comments(String repo, int number) {
    return items.comments(repo, number);
  }

  @Override
  public void updateIssueBody(String repo, int number, String body) {
    issues.updateBody(repo, number, body);
  }

  @Override
  public void closeIssue(String repo, int number) {
    issues.setOpen(repo, number, false);
  }

  @Override
  public void reopenIssue(String repo, int number) {
    issues.setOpen(repo, number, true);
  }

  @Override
  public Comment updateComment(String repo, int number, long id, String body) {
    return items.updateComment(repo, number, id, body);
  }

  @Override
  public void setCommitStatus(String repo, CommitStatus status) {
    pullRequests.setCommitStatus(repo, status);
  }

  @Override
  public List<CommitStatus> commitStatuses(String repo, String commit) {
    return pullRequests.commitStatuses(repo, commit);
  }

  @Override
  public PullRequest insertPullRequest(String repo, NewPullRequest pr) {
    int number = pullRequests.insert(repo, pr);
    if (pr.milestone() != null) {
      releases.ensureMilestone(repo, pr.milestone());
    }
    return pullRequests.pullRequest(repo, number).orElseThrow();
  }

  @Override
  public Optional<PullRequest> pullRequest(String repo, int number) {
    return pullRequests.pullRequest(repo, number);
  }

  @Override
  public List<PullRequest> pullRequests(String repo) {
    return pullRequests.pullRequests(repo);
  }

  @Override
  public void updatePullRequest(String repo, int number, String title, String body) {
    pullRequests.update(repo, number, title, body);
  }

  @Override
  public void setPullRequestState(String repo, int number, PullRequest.State state) {
    pullRequests.setState(repo, number, state);
  }

  @Override
  public void setMilestone(String repo, int number, String milestone) {
    releases.ensureMilestone(repo, milestone);
    items.setMilestone(repo, number, milestone);
  }

  @Override
  public List<Milestone> milestones(String repo) {
    return releases.milestones(repo);
  }

  @Override
  public void closeMilestone(String repo, String title) {
    releases.closeMilestone(repo, title);
  }

  @Override
  public Release insertRelease(String repo, Release release) {
    return releases.insertRelease(repo, release);
  }

  @Override
  public List<Release> releases(String repo) {
    return releases.releases(repo);
  }

  @Override
  public void markMerged(String repo, int number, String commit, Instant at) {
    pullRequests.markMerged(repo, number, commit, at);
  }

  @Override
  public List<Merge> merges(String repo) {
    return pullRequests.merges(repo);
  }

  @Override
  public void createMilestone(String repo, String title, String description) {
    releases.createMilestone(repo, title, description);
  }

  @Override
  public void updateMilestone(
      String repo, String title, String newTitle, String description, boolean open) {
    releases.updateMilestone(repo, title, newTitle, description, open);
  }

  @Override
  public void updateRelease(String repo, Release release) {
    releases.updateRelease(repo, release);
  }
}
