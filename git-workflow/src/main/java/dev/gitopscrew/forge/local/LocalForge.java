package dev.gitopscrew.forge.local;

import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.git.GitCredentials;
import java.util.Optional;
import java.util.Set;

/**
 * The embedded forge: Git goes to a plain remote (a bare repository), and what a hosted forge would
 * hold is recorded in the state store, a dry run anyone can inspect with the CLI.
 */
public final class LocalForge implements Forge {

  private final String repo;
  private final LocalForgeRecords records;
  private final GitCredentials credentials;

  public LocalForge(String repo, LocalForgeRecords records) {
    this(repo, records, GitCredentials.none());
  }

  /** A local forge whose Git remote wants basic auth (a plain HTTP Git server). */
  public LocalForge(String repo, LocalForgeRecords records, GitCredentials credentials) {
    this.repo = repo;
    this.records = records;
    this.credentials = credentials;
  }

  /** The address of a local record: {@code local://<repo>/<issues|pulls>/<number>}. */
  public static String url(String repo, String kind, int number) {
    return "local://" + repo + "/" + kind + "/" + number;
  }

  @Override
  public Issue issue(int number) {
    return records
        .issue(repo, number)
        .orElseThrow(
            () -> new ForgeException("issue #" + number + " does not exist in " + repo, 404));
  }

  @Override
  public Optional<Issue> findOpenIssue(String title, String marker, String label) {
    return records.issues(repo).stream()
        .filter(i -> i.open() && i.labels().contains(label))
        .filter(i -> i.body().contains(marker) || i.title().equals(title))
        .findFirst();
  }

  @Override
  public Issue createIssue(NewIssue issue) {
    return records.insertIssue(repo, issue);
  }

  @Override
  public void addLabels(int issue, Set<String> labels) {
    records.addLabels(repo, issue, labels);
  }

  @Override
  public Comment comment(int issue, String body) {
    issue(issue);
    return records.insertComment(repo, issue, body);
  }

  @Override
  public Optional<Comment> findComment(int issue, String marker) {
    return records.comments(repo, issue).stream()
        .filter(c -> c.body().contains(marker))
        .findFirst();
  }

  @Override
  public Issue updateIssue(int number, String body) {
    issue(number);
    records.updateIssueBody(repo, number, body);
    return issue(number);
  }

  @Override
  public void closeIssue(int number) {
    issue(number);
    records.closeIssue(repo, number);
  }

  @Override
  public Optional<Comment> findPullRequestComment(int number, String marker) {
    return findComment(number, marker);
  }

  @Override
  public Comment commentOnPullRequest(int number, String body) {
    pullRequest(number);
    return records.insertComment(repo, number, body);
  }

  @Override
  public Comment updatePullRequestComment(int number, long commentId, String body) {
    pullRequest(number);
    return records.updateComment(repo, number, commentId, body);
  }

  @Override
  public void setCommitStatus(CommitStatus status) {
    records.setCommitStatus(repo, status);
  }

  @Override
  public Optional<PullRequest> findOpenPullRequest(String branch) {
    return records.pullRequests(repo).stream()
        .filter(p -> p.state() == PullRequest.State.OPEN && p.branch().equals(branch))
        .findFirst();
  }

  @Override
  public PullRequest createPullRequest(NewPullRequest pullRequest) {
    return records.insertPullRequest(repo, pullRequest);
  }

  @Override
  public PullRequest updatePullRequest(int number, NewPullRequest pullRequest) {
    records.updatePullRequest(repo, number, pullRequest.title(), pullRequest.body());
    records.addLabels(repo, number, pullRequest.labels());
    return pullRequest(number);
  }

  @Override
  public PullRequest pullRequest(int number) {
    return records
        .pullRequest(repo, number)
        .orElseThrow(
            () ->
                new ForgeException("pull request #" + number + " does not exist in " + repo, 404));
  }

  @Override
  public GitCredentials gitCredentials() {
    return credentials;
  }
}
