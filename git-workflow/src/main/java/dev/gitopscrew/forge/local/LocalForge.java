package dev.gitopscrew.forge.local;

import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.NewRelease;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.Release;
import dev.gitopscrew.forge.ReleaseNotes;
import dev.gitopscrew.git.GitCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
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
 * real merge commits on the bare repository ({@link #recordMerge} records them).
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

  // GitHub's closing keywords: "Closes #12", "fixed #3", "Resolves #7"
  private static final Pattern CLOSES =
      Pattern.compile("(?i)\\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?):?\\s+#(\\d+)\\b");

  /**
   * Marks a pull request merged by {@code commit}: the local forge's merge button. As on GitHub,
   * the open issues its body closes with a keyword ({@code Closes #12}) close with it.
   */
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

  /** The commit that merged a pull request, as {@link #recordMerge} recorded it. */
  public Optional<String> mergeCommit(int number) {
    return records.merges(repo).stream()
        .filter(m -> m.number() == number)
        .map(LocalForgeRecords.Merge::commit)
        .findFirst();
  }

  @Override
  public boolean keepsMilestonesAndReleases() {
    return true;
  }

  @Override
  public List<ForgeItem> closedPullRequests(Instant since, Set<Integer> mergedSince) {
    // the records are local: every closed pull request is returned, no paging to spare
    Map<Integer, LocalForgeRecords.Merge> merged =
        records.merges(repo).stream()
            .collect(Collectors.toMap(LocalForgeRecords.Merge::number, Function.identity()));
    Map<String, Milestone> milestones = milestonesByTitle();
    List<ForgeItem> out = new ArrayList<>();
    for (PullRequest p : records.pullRequests(repo)) {
      if (p.state() != PullRequest.State.OPEN) {
        LocalForgeRecords.Merge m = merged.get(p.number());
        out.add(item(p, milestones, m == null ? null : m.at(), m == null ? null : m.commit()));
      }
    }
    out.sort((a, b) -> Integer.compare(b.number(), a.number()));
    return out;
  }

  @Override
  public List<ForgeItem> openItems(Milestone milestone) {
    Map<String, Milestone> milestones = milestonesByTitle();
    List<ForgeItem> out = new ArrayList<>();
    for (Issue i : records.issues(repo)) {
      if (i.open() && milestone.title().equals(i.milestone())) {
        out.add(
            new ForgeItem(
                i.number(),
                false,
                i.title(),
                i.body(),
                i.url(),
                PullRequest.State.OPEN,
                i.labels(),
                milestones.get(i.milestone()),
                null,
                null,
                null,
                null));
      }
    }
    for (PullRequest p : records.pullRequests(repo)) {
      if (p.state() == PullRequest.State.OPEN && milestone.title().equals(p.milestone())) {
        out.add(item(p, milestones, null, null));
      }
    }
    return out;
  }

  @Override
  public List<Milestone> milestones() {
    return List.copyOf(milestonesByTitle().values());
  }

  @Override
  public Milestone createMilestone(String title, String description) {
    records.createMilestone(repo, title, description);
    return milestonesByTitle().get(title);
  }

  @Override
  public Milestone updateMilestone(
      Milestone milestone, String title, String description, boolean open) {
    try {
      records.updateMilestone(repo, milestone.title(), title, description, open);
    } catch (IllegalArgumentException e) {
      throw new ForgeException(e.getMessage(), 422);
    }
    return milestonesByTitle().get(title);
  }

  @Override
  public void setMilestone(int number, Milestone milestone) {
    records.setMilestone(repo, number, milestone.title());
  }

  @Override
  public List<Release> latestReleases() {
    List<Release> out = new ArrayList<>();
    for (LocalForgeRecords.Release r : records.releases(repo)) {
      out.add(0, release(r));
    }
    return out;
  }

  @Override
  public Release createRelease(NewRelease release) {
    LocalForgeRecords.Release wanted =
        new LocalForgeRecords.Release(release.tag(), release.name(), release.body());
    LocalForgeRecords.Release kept = records.insertRelease(repo, wanted);
    if (!kept.equals(wanted)) {
      records.updateRelease(repo, wanted);
    }
    return release(wanted);
  }

  @Override
  public Release updateRelease(Release existing, NewRelease release) {
    LocalForgeRecords.Release wanted =
        new LocalForgeRecords.Release(existing.tag(), release.name(), release.body());
    records.updateRelease(repo, wanted);
    return release(wanted);
  }

  @Override
  public Optional<ReleaseNotes> generateNotes(String tag, String target, String previousTag) {
    return Optional.empty();
  }

  private Release release(LocalForgeRecords.Release r) {
    return new Release(
        0, r.tag(), r.title(), r.notes(), false, "local://" + repo + "/releases/" + r.tag());
  }

  /** The milestones with their open issues and pull requests counted, as GitHub counts them. */
  private Map<String, Milestone> milestonesByTitle() {
    Map<String, Integer> open = new HashMap<>();
    records.issues(repo).stream()
        .filter(i -> i.open() && i.milestone() != null)
        .forEach(i -> open.merge(i.milestone(), 1, Integer::sum));
    records.pullRequests(repo).stream()
        .filter(p -> p.state() == PullRequest.State.OPEN && p.milestone() != null)
        .forEach(p -> open.merge(p.milestone(), 1, Integer::sum));
    Map<String, Milestone> out = new java.util.LinkedHashMap<>();
    for (LocalForgeRecords.Milestone m : records.milestones(repo)) {
      out.put(
          m.title(),
          new Milestone(
              0,
              m.title(),
              m.open(),
              open.getOrDefault(m.title(), 0),
              m.description(),
              "local://" + repo + "/milestones/" + m.title()));
    }
    return out;
  }

  private static ForgeItem item(
      PullRequest p, Map<String, Milestone> milestones, Instant mergedAt, String mergeCommit) {
    return new ForgeItem(
        p.number(),
        true,
        p.title(),
        p.body(),
        p.url(),
        p.state(),
        p.labels(),
        p.milestone() == null ? null : milestones.get(p.milestone()),
        p.baseBranch(),
        mergedAt,
        mergeCommit,
        null);
  }
}
