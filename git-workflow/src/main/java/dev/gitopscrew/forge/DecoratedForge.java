package dev.gitopscrew.forge;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.git.GitCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A forge with {@link ForgeCalls} around every call through the port, its optional capabilities
 * included: the one decorator of the forge, whether it audits, counts or both. Each write names its
 * audit kind and target here, once. {@link #gitCredentials()} is answered from what the adapter
 * holds and passes straight through.
 */
public final class DecoratedForge implements Forge {

  private final Forge forge;
  private final ForgeCalls calls;

  public DecoratedForge(Forge forge, ForgeCalls calls) {
    this.forge = forge;
    this.calls = calls;
  }

  /** A write whose port method returns nothing; the audit record names {@code outcome}. */
  private void write(
      String operation, EffectKind kind, Supplier<String> target, Runnable call, String outcome) {
    calls.write(
        operation,
        kind,
        target,
        () -> {
          call.run();
          return outcome;
        },
        o -> o);
  }

  // Issues

  @Override
  public Issue issue(int number) {
    return calls.call("issue", () -> forge.issue(number));
  }

  @Override
  public Optional<Issue> findOpenIssue(String title, String marker, String label) {
    return calls.call("findOpenIssue", () -> forge.findOpenIssue(title, marker, label));
  }

  @Override
  public Issue createIssue(NewIssue issue) {
    return calls.write(
        "createIssue",
        EffectKind.FORGE_ISSUE_CREATE,
        () -> " issue \"" + issue.title() + "\"",
        () -> forge.createIssue(issue),
        Issue::url);
  }

  @Override
  public void addLabels(int issue, Set<String> labels) {
    write(
        "addLabels",
        EffectKind.FORGE_LABELS_ADD,
        () -> "#" + issue + " " + labels.stream().sorted().toList(),
        () -> forge.addLabels(issue, labels),
        "#" + issue);
  }

  @Override
  public void setLabels(int issue, Set<String> labels) {
    write(
        "setLabels",
        EffectKind.FORGE_LABELS_ADD,
        () -> "#" + issue + " set " + labels.stream().sorted().toList(),
        () -> forge.setLabels(issue, labels),
        "#" + issue);
  }

  @Override
  public void reopenIssue(int number) {
    write(
        "reopenIssue",
        EffectKind.FORGE_ISSUE_REOPEN,
        () -> "#" + number,
        () -> forge.reopenIssue(number),
        "#" + number + " reopened");
  }

  @Override
  public Comment comment(int issue, String body) {
    return calls.write(
        "comment",
        EffectKind.FORGE_COMMENT_CREATE,
        () -> "#" + issue,
        () -> forge.comment(issue, body),
        Comment::url);
  }

  @Override
  public Optional<Comment> findComment(int issue, String marker) {
    return calls.call("findComment", () -> forge.findComment(issue, marker));
  }

  @Override
  public Issue updateIssue(int number, String body) {
    return calls.write(
        "updateIssue",
        EffectKind.FORGE_ISSUE_UPDATE,
        () -> "#" + number,
        () -> forge.updateIssue(number, body),
        Issue::url);
  }

  @Override
  public void closeIssue(int number) {
    write(
        "closeIssue",
        EffectKind.FORGE_ISSUE_CLOSE,
        () -> "#" + number,
        () -> forge.closeIssue(number),
        "#" + number + " closed");
  }

  // Pull requests

  @Override
  public Optional<Comment> findPullRequestComment(int number, String marker) {
    return calls.call("findPullRequestComment", () -> forge.findPullRequestComment(number, marker));
  }

  @Override
  public Comment commentOnPullRequest(int number, String body) {
    return calls.write(
        "commentOnPullRequest",
        EffectKind.FORGE_COMMENT_CREATE,
        () -> " pull request #" + number,
        () -> forge.commentOnPullRequest(number, body),
        Comment::url);
  }

  @Override
  public Comment updatePullRequestComment(int number, long commentId, String body) {
    return calls.write(
        "updatePullRequestComment",
        EffectKind.FORGE_COMMENT_UPDATE,
        () -> " pull request #" + number,
        () -> forge.updatePullRequestComment(number, commentId, body),
        Comment::url);
  }

  @Override
  public void addPullRequestLabel(int number, String label) {
    write(
        "addPullRequestLabel",
        EffectKind.FORGE_LABELS_ADD,
        () -> " pull request #" + number + " [" + label + "]",
        () -> forge.addPullRequestLabel(number, label),
        "#" + number);
  }

  @Override
  public void removePullRequestLabel(int number, String label) {
    write(
        "removePullRequestLabel",
        EffectKind.FORGE_LABELS_REMOVE,
        () -> " pull request #" + number + " [" + label + "]",
        () -> forge.removePullRequestLabel(number, label),
        "#" + number);
  }

  @Override
  public void setCommitStatus(CommitStatus status) {
    calls.write(
        "setCommitStatus",
        EffectKind.FORGE_STATUS,
        () -> "@" + status.commit().substring(0, 12) + " " + status.context(),
        () -> {
          forge.setCommitStatus(status);
          return status;
        },
        s -> s.state().name().toLowerCase(Locale.ROOT) + ": " + s.description());
  }

  @Override
  public Optional<PullRequest> findOpenPullRequest(String branch) {
    return calls.call("findOpenPullRequest", () -> forge.findOpenPullRequest(branch));
  }

  @Override
  public PullRequest createPullRequest(NewPullRequest pullRequest) {
    return calls.write(
        "createPullRequest",
        EffectKind.FORGE_PR_CREATE,
        () -> " " + pullRequest.branch() + " -> " + pullRequest.baseBranch(),
        () -> forge.createPullRequest(pullRequest),
        PullRequest::url);
  }

  @Override
  public PullRequest updatePullRequest(int number, NewPullRequest pullRequest) {
    return calls.write(
        "updatePullRequest",
        EffectKind.FORGE_PR_UPDATE,
        () -> "#" + number,
        () -> forge.updatePullRequest(number, pullRequest),
        PullRequest::url);
  }

  @Override
  public PullRequest pullRequest(int number) {
    return calls.call("pullRequest", () -> forge.pullRequest(number));
  }

  @Override
  public List<ForgeItem> closedPullRequests(Instant since, Set<Integer> merged) {
    return calls.call("closedPullRequests", () -> forge.closedPullRequests(since, merged));
  }

  // The forge itself and its optional capabilities

  @Override
  public boolean canPush(String login) {
    return calls.call("canPush", () -> forge.canPush(login));
  }

  @Override
  public GitCredentials gitCredentials() {
    return forge.gitCredentials();
  }

  @Override
  public Optional<MilestonesAndReleases> releases() {
    return forge.releases().map(r -> new DecoratedReleases(r, calls));
  }

  @Override
  public Optional<LocalMerges> localMerges() {
    return forge.localMerges().map(DecoratedMerges::new);
  }

  /** Local merges are audited by the merge that makes them (the Git merge and its record). */
  private final class DecoratedMerges implements LocalMerges {

    private final LocalMerges merges;

    DecoratedMerges(LocalMerges merges) {
      this.merges = merges;
    }

    @Override
    public void recordMerge(int number, String commit, Instant at) {
      calls.call(
          "recordMerge",
          () -> {
            merges.recordMerge(number, commit, at);
            return number;
          });
    }

    @Override
    public Optional<String> mergeCommit(int number) {
      return calls.call("mergeCommit", () -> merges.mergeCommit(number));
    }
  }
}
