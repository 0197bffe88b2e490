package dev.gitopscrew.forge.local;

import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.LocalMerges;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.MilestonesAndReleases;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.git.GitCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The embedded forge: Git goes to a plain remote (a bare repository), and what a hosted forge would
 * hold is recorded in the state store, a dry run anyone can inspect with the CLI. Its merges are
 * real merge commits on the bare repository ({@link #localMerges()} records them).
 */
public final class LocalForge implements Forge {

  private final String repo;
  private final LocalForgeRecords records;
  private final GitCredentials credentials;
  private final LocalReleases releases;
  private final LocalMerges merges = new Merges();

  public LocalForge(String repo, LocalForgeRecords records) {
    this(repo, records, GitCredentials.none());
  }

  /** A local forge whose Git remote wants basic auth (a plain HTTP Git server). */
  public LocalForge(String repo, LocalForgeRecords records, GitCredentials credentials) {
    this.repo = repo;
    this.records = records;
    this.credentials = credentials;
    this.releases = new LocalReleases(repo, records);
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
    Issue made = records.insertIssue(repo, issue);
    if (issue.milestone() == null) {
      return made;
    }
    records.setMilestone(repo, made.number(), issue.milestone().title());
    return made.withMilestone(issue.milestone().title());
  }

  @Override
  public void setLabels(int issue, Set<String> labels) {
    for (String old : issue(issue).labels()) {
      if (!labels.contains(old)) {
        records.removeLabel(repo, issue, old);
      }
    }
    records.addLabels(repo, issue, labels);
  }

  @Override
  public void reopenIssue(int number) {
    issue(number);
    records.reopenIssue(repo, number);
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
  public void addPullRequestLabel(int number, String label) {
    records.addLabels(repo, number, Set.of(label));
  }

  @Override
  public void removePullRequestLabel(int number, String label) {
    records.removeLabel(repo, number, label);
  }

  /** The local forge knows no users; {@code channels.pullRequests.users} lists who may. */
  @Override
  public boolean canPush(String login) {
    return false;
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

  @Override
  public List<ForgeItem> closedPullRequests(Instant since, Set<Integer> mergedSince) {
    // the records are local: every closed pull request is returned, no paging to spare
    Map<Integer, LocalForgeRecords.Merge> merged =
        records.merges(repo).stream()
            .collect(Collectors.toMap(LocalForgeRecords.Merge::number, Function.identity()));
    Map<String, Milestone> milestones = releases.milestonesByTitle();
    List<ForgeItem> out = new ArrayList<>();
    for (PullRequest p : records.pullRequests(repo)) {
      if (p.state() != PullRequest.State.OPEN) {
        LocalForgeRecords.Merge m = merged.get(p.number());
        out.add(
            LocalReleases.item(
                p, milestones, m == null ? null : m.at(), m == null ? null : m.commit()));
      }
    }
    out.sort((a, b) -> Integer.compare(b.number(), a.number()));
    return out;
  }

  @Override
  public Optional<MilestonesAndReleases> releases() {
    return Optional.of(releases);
  }

  @Override
  public Optional<LocalMerges> localMerges() {
    return Optional.of(merges);
  }

  /** The local forge's merge button: the crew merges on the bare repository and records it. */
  private final class Merges implements LocalMerges {

    // GitHub's closing keywords: "Closes #12", "fixed #3", "Resolves #7"
    private static final Pattern CLOSES =
        Pattern.compile("(?i)\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\\s+#(\\d+)\\b");

    @Override
    public void recordMerge(int number, String commit, Instant at) {
      PullRequest merged = pullRequest(number);
      records.markMerged(repo, number, commit, at);
      Matcher m = CLOSES.matcher(merged.body() == null ? "" : merged.body());
      while (m.find()) {
        int closed = Integer.parseInt(m.group(1));
        records
            .issue(repo, closed)
            .filter(Issue::open)
            .ifPresent(i -> records.closeIssue(repo, closed));
      }
    }

    @Override
    public Optional<String> mergeCommit(int number) {
      return records.merges(repo).stream()
          .filter(m -> m.number() == number)
          .map(LocalForgeRecords.Merge::commit)
          .findFirst();
    }
  }
}
