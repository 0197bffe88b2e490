package dev.gitopscrew.forge.local;

import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/** {@link LocalForgeRecords} in memory: for tests and for a run without a state store. */
public final class InMemoryLocalForgeRecords implements LocalForgeRecords {

  private final Map<String, Map<Integer, Issue>> issues = new HashMap<>();
  private final Map<String, Map<Integer, PullRequest>> pulls = new HashMap<>();
  private final Map<String, List<Comment>> comments = new HashMap<>();
  private final Map<String, Map<String, Milestone>> milestones = new HashMap<>();
  private final Map<String, List<Release>> releases = new HashMap<>();
  private final Map<String, Map<Integer, Merge>> merges = new HashMap<>();
  private final Map<String, Map<String, CommitStatus>> statuses = new HashMap<>();
  private long commentIds;

  @Override
  public synchronized Issue insertIssue(String repo, NewIssue issue) {
    int number = next(repo);
    Issue made =
        new Issue(
            number,
            issue.title(),
            issue.body(),
            LocalForgeRecords.url(repo, "issues", number),
            true,
            issue.labels(),
            null);
    issuesOf(repo).put(number, made);
    return made;
  }

  @Override
  public synchronized Optional<Issue> issue(String repo, int number) {
    return Optional.ofNullable(issuesOf(repo).get(number));
  }

  @Override
  public synchronized List<Issue> issues(String repo) {
    return List.copyOf(issuesOf(repo).values());
  }

  @Override
  public synchronized void addLabels(String repo, int number, Set<String> labels) {
    change(
        repo,
        number,
        i -> i.withLabels(union(i.labels(), labels)),
        p -> p.withLabels(union(p.labels(), labels)));
  }

  @Override
  public synchronized void removeLabel(String repo, int number, String label) {
    change(
        repo,
        number,
        i -> i.withLabels(without(i.labels(), label)),
        p -> p.withLabels(without(p.labels(), label)));
  }

  private static Set<String> without(Set<String> labels, String label) {
    Set<String> out = new java.util.TreeSet<>(labels);
    out.remove(label);
    return out;
  }

  @Override
  public synchronized Comment insertComment(String repo, int number, String body) {
    change(repo, number, i -> i, p -> p);
    long id = ++commentIds;
    Comment c =
        new Comment(id, body, LocalForgeRecords.url(repo, "issues", number) + "#comment-" + id);
    comments.computeIfAbsent(repo + "#" + number, k -> new ArrayList<>()).add(c);
    return c;
  }

  @Override
  public synchronized List<Comment> comments(String repo, int number) {
    return List.copyOf(comments.getOrDefault(repo + "#" + number, List.of()));
  }

  @Override
  public synchronized void updateIssueBody(String repo, int number, String body) {
    change(
        repo,
        number,
        i -> new Issue(i.number(), i.title(), body, i.url(), i.open(), i.labels(), i.milestone()),
        null);
  }

  @Override
  public synchronized void closeIssue(String repo, int number) {
    change(
        repo,
        number,
        i -> new Issue(i.number(), i.title(), i.body(), i.url(), false, i.labels(), i.milestone()),
        null);
  }

  @Override
  public synchronized void reopenIssue(String repo, int number) {
    change(
        repo,
        number,
        i -> new Issue(i.number(), i.title(), i.body(), i.url(), true, i.labels(), i.milestone()),
        null);
  }

  @Override
  public synchronized Comment updateComment(String repo, int number, long id, String body) {
    List<Comment> list = comments.getOrDefault(repo + "#" + number, new ArrayList<>());
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i).id() == id) {
        Comment updated = new Comment(id, body, list.get(i).url());
        list.set(i, updated);
        return updated;
      }
    }
    throw new IllegalArgumentException("no comment " + id + " on #" + number + " in " + repo);
  }

  @Override
  public synchronized void setCommitStatus(String repo, CommitStatus status) {
    statuses
        .computeIfAbsent(repo + "@" + status.commit(), k -> new LinkedHashMap<>())
        .put(status.context(), status);
  }

  @Override
  public synchronized List<CommitStatus> commitStatuses(String repo, String commit) {
    return List.copyOf(statuses.getOrDefault(repo + "@" + commit, Map.of()).values());
  }

  @Override
  public synchronized PullRequest insertPullRequest(String repo, NewPullRequest pr) {
    int number = next(repo);
    PullRequest made =
        new PullRequest(
            number,
            pr.title(),
            pr.body(),
            LocalForgeRecords.url(repo, "pulls", number),
            pr.branch(),
            pr.baseBranch(),
            PullRequest.State.OPEN,
            pr.labels(),
            pr.milestone());
    pullsOf(repo).put(number, made);
    if (pr.milestone() != null) {
      milestonesOf(repo).putIfAbsent(pr.milestone(), new Milestone(pr.milestone(), true));
    }
    return made;
  }

  @Override
  public synchronized Optional<PullRequest> pullRequest(String repo, int number) {
    return Optional.ofNullable(pullsOf(repo).get(number));
  }

  @Override
  public synchronized List<PullRequest> pullRequests(String repo) {
    return List.copyOf(pullsOf(repo).values());
  }

  @Override
  public synchronized void updatePullRequest(String repo, int number, String title, String body) {
    change(repo, number, null, p -> p.withContent(title, body));
  }

  @Override
  public synchronized void setPullRequestState(String repo, int number, PullRequest.State state) {
    change(repo, number, null, p -> p.withState(state));
  }

  @Override
  public synchronized void setMilestone(String repo, int number, String milestone) {
    change(repo, number, i -> i.withMilestone(milestone), p -> p.withMilestone(milestone));
    milestonesOf(repo).putIfAbsent(milestone, new Milestone(milestone, true));
  }

  @Override
  public synchronized List<Milestone> milestones(String repo) {
    return List.copyOf(milestonesOf(repo).values());
  }

  @Override
  public synchronized void closeMilestone(String repo, String title) {
    milestonesOf(repo).computeIfPresent(title, (t, m) -> new Milestone(t, false, m.description()));
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

  /**
   * Applies {@code onIssue} or {@code onPull} (null: not allowed for that kind) to item #number.
   */
  private void change(
      String repo, int number, UnaryOperator<Issue> onIssue, UnaryOperator<PullRequest> onPull) {
    Issue issue = issuesOf(repo).get(number);
    if (issue != null && onIssue != null) {
      issuesOf(repo).put(number, onIssue.apply(issue));
      return;
    }
    PullRequest pull = pullsOf(repo).get(number);
    if (pull == null || onPull == null) {
      throw new IllegalArgumentException(
          "no "
              + (onIssue == null
                  ? "pull request"
                  : onPull == null ? "issue" : "issue or pull request")
              + " #"
              + number
              + " in "
              + repo);
    }
    pullsOf(repo).put(number, onPull.apply(pull));
  }

  private Map<Integer, Issue> issuesOf(String repo) {
    return issues.computeIfAbsent(repo, r -> new LinkedHashMap<>());
  }

  private Map<Integer, PullRequest> pullsOf(String repo) {
    return pulls.computeIfAbsent(repo, r -> new LinkedHashMap<>());
  }

  private Map<String, Milestone> milestonesOf(String repo) {
    return milestones.computeIfAbsent(repo, r -> new LinkedHashMap<>());
  }

  private int next(String repo) {
    return issuesOf(repo).size() + pullsOf(repo).size() + 1;
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return all;
  }

  @Override
  public synchronized void markMerged(String repo, int number, String commit, Instant at) {
    change(repo, number, null, p -> p.withState(PullRequest.State.MERGED));
    merges
        .computeIfAbsent(repo, r -> new LinkedHashMap<>())
        .put(number, new Merge(number, commit, at));
  }

  @Override
  public synchronized List<Merge> merges(String repo) {
    return List.copyOf(merges.getOrDefault(repo, Map.of()).values());
  }

  @Override
  public synchronized void createMilestone(String repo, String title, String description) {
    milestonesOf(repo).putIfAbsent(title, new Milestone(title, true, description));
  }

  @Override
  public synchronized void updateMilestone(
      String repo, String title, String newTitle, String description, boolean open) {
    Map<String, Milestone> all = milestonesOf(repo);
    if (!all.containsKey(title)) {
      throw new IllegalArgumentException("no milestone " + title + " in " + repo);
    }
    if (!title.equals(newTitle) && all.containsKey(newTitle)) {
      throw new IllegalArgumentException("milestone " + newTitle + " exists in " + repo);
    }
    all.remove(title);
    all.put(newTitle, new Milestone(newTitle, open, description));
    if (!title.equals(newTitle)) {
      issuesOf(repo)
          .replaceAll((n, i) -> title.equals(i.milestone()) ? i.withMilestone(newTitle) : i);
      pullsOf(repo)
          .replaceAll((n, p) -> title.equals(p.milestone()) ? p.withMilestone(newTitle) : p);
    }
  }

  @Override
  public synchronized void updateRelease(String repo, Release release) {
    List<Release> list = releases.computeIfAbsent(repo, r -> new ArrayList<>());
    list.replaceAll(r -> r.tag().equals(release.tag()) ? release : r);
  }
}
