package dev.gitopscrew.forge.local;

import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@link LocalForgeRecords} in memory: for tests and for a run without a state store. */
public final class InMemoryLocalForgeRecords implements LocalForgeRecords {

  private final Map<String, Map<Integer, Issue>> issues = new HashMap<>();
  private final Map<String, Map<Integer, PullRequest>> pulls = new HashMap<>();
  private final Map<String, List<Comment>> comments = new HashMap<>();
  private final Map<String, Map<String, Milestone>> milestones = new HashMap<>();
  private final Map<String, List<Release>> releases = new HashMap<>();
  private long commentIds;

  @Override
  public synchronized Issue insertIssue(String repo, NewIssue issue) {
    int number = next(repo);
    Issue made =
        new Issue(
            number,
            issue.title(),
            issue.body(),
            LocalForge.url(repo, "issues", number),
            true,
            issue.labels(),
            null);
    issues.computeIfAbsent(repo, r -> new LinkedHashMap<>()).put(number, made);
    return made;
  }

  @Override
  public synchronized Optional<Issue> issue(String repo, int number) {
    return Optional.ofNullable(issues.getOrDefault(repo, Map.of()).get(number));
  }

  @Override
  public synchronized List<Issue> issues(String repo) {
    return List.copyOf(issues.getOrDefault(repo, Map.of()).values());
  }

  @Override
  public synchronized void addLabels(String repo, int number, Set<String> labels) {
    Issue i = issues.getOrDefault(repo, Map.of()).get(number);
    if (i != null) {
      issues
          .get(repo)
          .put(
              number,
              new Issue(
                  number,
                  i.title(),
                  i.body(),
                  i.url(),
                  i.open(),
                  union(i.labels(), labels),
                  i.milestone()));
      return;
    }
    PullRequest p = requirePull(repo, number);
    pulls.get(repo).put(number, withLabels(p, union(p.labels(), labels)));
  }

  @Override
  public synchronized Comment insertComment(String repo, int number, String body) {
    Comment c =
        new Comment(
            ++commentIds, body, LocalForge.url(repo, "issues", number) + "#comment-" + commentIds);
    comments.computeIfAbsent(repo + "#" + number, k -> new ArrayList<>()).add(c);
    return c;
  }

  @Override
  public synchronized List<Comment> comments(String repo, int number) {
    return List.copyOf(comments.getOrDefault(repo + "#" + number, List.of()));
  }

  @Override
  public synchronized PullRequest insertPullRequest(String repo, NewPullRequest pr) {
    int number = next(repo);
    PullRequest made =
        new PullRequest(
            number,
            pr.title(),
            pr.body(),
            LocalForge.url(repo, "pulls", number),
            pr.branch(),
            pr.baseBranch(),
            PullRequest.State.OPEN,
            pr.labels(),
            pr.milestone());
    pulls.computeIfAbsent(repo, r -> new LinkedHashMap<>()).put(number, made);
    if (pr.milestone() != null) {
      milestones
          .computeIfAbsent(repo, r -> new LinkedHashMap<>())
          .putIfAbsent(pr.milestone(), new Milestone(pr.milestone(), true));
    }
    return made;
  }

  @Override
  public synchronized Optional<PullRequest> pullRequest(String repo, int number) {
    return Optional.ofNullable(pulls.getOrDefault(repo, Map.of()).get(number));
  }

  @Override
  public synchronized List<PullRequest> pullRequests(String repo) {
    return List.copyOf(pulls.getOrDefault(repo, Map.of()).values());
  }

  @Override
  public synchronized void updatePullRequest(String repo, int number, String title, String body) {
    PullRequest p = requirePull(repo, number);
    pulls
        .get(repo)
        .put(
            number,
            new PullRequest(
                number,
                title,
                body,
                p.url(),
                p.branch(),
                p.baseBranch(),
                p.state(),
                p.labels(),
                p.milestone()));
  }

  @Override
  public synchronized void setPullRequestState(String repo, int number, PullRequest.State state) {
    PullRequest p = requirePull(repo, number);
    pulls
        .get(repo)
        .put(
            number,
            new PullRequest(
                number,
                p.title(),
                p.body(),
                p.url(),
                p.branch(),
                p.baseBranch(),
                state,
                p.labels(),
                p.milestone()));
  }

  @Override
  public synchronized void setMilestone(String repo, int number, String milestone) {
    milestones
        .computeIfAbsent(repo, r -> new LinkedHashMap<>())
        .putIfAbsent(milestone, new Milestone(milestone, true));
    Issue i = issues.getOrDefault(repo, Map.of()).get(number);
    if (i != null) {
      issues
          .get(repo)
          .put(
              number,
              new Issue(number, i.title(), i.body(), i.url(), i.open(), i.labels(), milestone));
      return;
    }
    PullRequest p = requirePull(repo, number);
    pulls
        .get(repo)
        .put(
            number,
            new PullRequest(
                number,
                p.title(),
                p.body(),
                p.url(),
                p.branch(),
                p.baseBranch(),
                p.state(),
                p.labels(),
                milestone));
  }

  @Override
  public synchronized List<Milestone> milestones(String repo) {
    return List.copyOf(milestones.getOrDefault(repo, Map.of()).values());
  }

  @Override
  public synchronized void closeMilestone(String repo, String title) {
    milestones
        .getOrDefault(repo, new HashMap<>())
        .computeIfPresent(title, (t, m) -> new Milestone(t, false));
  }

  @Override
  public synchronized Release insertRelease(String repo, Release release) {
    List<Release> list = releases.computeIfAbsent(repo, r -> new ArrayList<>());
    for (Release existing : list) {
      if (existing.tag().equals(release.tag())) {
        return existing;
      }
    }
    list.add(release);
    return release;
  }

  @Override
  public synchronized List<Release> releases(String repo) {
    return List.copyOf(releases.getOrDefault(repo, List.of()));
  }

  private int next(String repo) {
    return issues.getOrDefault(repo, Map.of()).size()
        + pulls.getOrDefault(repo, Map.of()).size()
        + 1;
  }

  private PullRequest requirePull(String repo, int number) {
    PullRequest p = pulls.getOrDefault(repo, Map.of()).get(number);
    if (p == null) {
      throw new IllegalArgumentException("no issue or pull request #" + number + " in " + repo);
    }
    return p;
  }

  private static PullRequest withLabels(PullRequest p, Set<String> labels) {
    return new PullRequest(
        p.number(),
        p.title(),
        p.body(),
        p.url(),
        p.branch(),
        p.baseBranch(),
        p.state(),
        labels,
        p.milestone());
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }
}
