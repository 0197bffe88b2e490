package dev.gitopscrew.forge;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.git.GitCredentials;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A forge whose writes go through a session's {@link SideEffects}: each create, label, comment,
 * pull-request update, milestone and release write is one audit record, and a dry run writes
 * nothing. Reads (and GitHub's notes generator, which writes nothing) pass straight through.
 */
public final class AuditedForge implements Forge {

  private final Forge forge;
  private final SideEffects effects;
  private final String repository;

  public AuditedForge(Forge forge, SideEffects effects, String repository) {
    this.forge = forge;
    this.effects = effects;
    this.repository = repository;
  }

  @Override
  public Issue issue(int number) {
    return forge.issue(number);
  }

  @Override
  public Optional<Issue> findOpenIssue(String title, String marker, String label) {
    return forge.findOpenIssue(title, marker, label);
  }

  @Override
  public Issue createIssue(NewIssue issue) {
    return effects.perform(
        EffectKind.FORGE_ISSUE_CREATE,
        repository + " issue \"" + issue.title() + "\"",
        () -> forge.createIssue(issue),
        Issue::url);
  }

  @Override
  public void addLabels(int issue, Set<String> labels) {
    effects.perform(
        EffectKind.FORGE_LABELS_ADD,
        repository + "#" + issue + " " + labels.stream().sorted().toList(),
        () -> {
          forge.addLabels(issue, labels);
          return issue;
        },
        n -> "#" + n);
  }

  @Override
  public void setLabels(int issue, Set<String> labels) {
    effects.perform(
        EffectKind.FORGE_LABELS_ADD,
        repository + "#" + issue + " set " + labels.stream().sorted().toList(),
        () -> {
          forge.setLabels(issue, labels);
          return issue;
        },
        n -> "#" + n);
  }

  @Override
  public void reopenIssue(int number) {
    effects.perform(
        EffectKind.FORGE_ISSUE_REOPEN,
        repository + "#" + number,
        () -> {
          forge.reopenIssue(number);
          return number;
        },
        n -> "#" + n + " reopened");
  }

  @Override
  public Comment comment(int issue, String body) {
    return effects.perform(
        EffectKind.FORGE_COMMENT_CREATE,
        repository + "#" + issue,
        () -> forge.comment(issue, body),
        Comment::url);
  }

  @Override
  public Optional<Comment> findComment(int issue, String marker) {
    return forge.findComment(issue, marker);
  }

  @Override
  public Issue updateIssue(int number, String body) {
    return effects.perform(
        EffectKind.FORGE_ISSUE_UPDATE,
        repository + "#" + number,
        () -> forge.updateIssue(number, body),
        Issue::url);
  }

  @Override
  public void closeIssue(int number) {
    effects.perform(
        EffectKind.FORGE_ISSUE_CLOSE,
        repository + "#" + number,
        () -> {
          forge.closeIssue(number);
          return number;
        },
        n -> "#" + n + " closed");
  }

  @Override
  public Optional<Comment> findPullRequestComment(int number, String marker) {
    return forge.findPullRequestComment(number, marker);
  }

  @Override
  public Comment commentOnPullRequest(int number, String body) {
    return effects.perform(
        EffectKind.FORGE_COMMENT_CREATE,
        repository + " pull request #" + number,
        () -> forge.commentOnPullRequest(number, body),
        Comment::url);
  }

  @Override
  public Comment updatePullRequestComment(int number, long commentId, String body) {
    return effects.perform(
        EffectKind.FORGE_COMMENT_UPDATE,
        repository + " pull request #" + number,
        () -> forge.updatePullRequestComment(number, commentId, body),
        Comment::url);
  }

  @Override
  public void addPullRequestLabel(int number, String label) {
    effects.perform(
        EffectKind.FORGE_LABELS_ADD,
        repository + " pull request #" + number + " [" + label + "]",
        () -> {
          forge.addPullRequestLabel(number, label);
          return number;
        },
        n -> "#" + n);
  }

  @Override
  public void removePullRequestLabel(int number, String label) {
    effects.perform(
        EffectKind.FORGE_LABELS_REMOVE,
        repository + " pull request #" + number + " [" + label + "]",
        () -> {
          forge.removePullRequestLabel(number, label);
          return number;
        },
        n -> "#" + n);
  }

  @Override
  public boolean canPush(String login) {
    return forge.canPush(login);
  }

  @Override
  public void setCommitStatus(CommitStatus status) {
    effects.perform(
        EffectKind.FORGE_STATUS,
        repository + "@" + status.commit().substring(0, 12) + " " + status.context(),
        () -> {
          forge.setCommitStatus(status);
          return status;
        },
        s -> s.state().name().toLowerCase(java.util.Locale.ROOT) + ": " + s.description());
  }

  @Override
  public Optional<PullRequest> findOpenPullRequest(String branch) {
    return forge.findOpenPullRequest(branch);
  }

  @Override
  public PullRequest createPullRequest(NewPullRequest pullRequest) {
    return effects.perform(
        EffectKind.FORGE_PR_CREATE,
        repository + " " + pullRequest.branch() + " -> " + pullRequest.baseBranch(),
        () -> forge.createPullRequest(pullRequest),
        PullRequest::url);
  }

  @Override
  public PullRequest updatePullRequest(int number, NewPullRequest pullRequest) {
    return effects.perform(
        EffectKind.FORGE_PR_UPDATE,
        repository + "#" + number,
        () -> forge.updatePullRequest(number, pullRequest),
        PullRequest::url);
  }

  @Override
  public PullRequest pullRequest(int number) {
    return forge.pullRequest(number);
  }

  @Override
  public GitCredentials gitCredentials() {
    return forge.gitCredentials();
  }

  @Override
  public boolean keepsMilestonesAndReleases() {
    return forge.keepsMilestonesAndReleases();
  }

  @Override
  public List<ForgeItem> closedPullRequests(Instant since, Set<Integer> merged) {
    return forge.closedPullRequests(since, merged);
  }

  @Override
  public List<ForgeItem> openItems(Milestone milestone) {
    return forge.openItems(milestone);
  }

  @Override
  public List<Milestone> milestones() {
    return forge.milestones();
  }

  @Override
  public Milestone createMilestone(String title, String description) {
    return effects.perform(
        EffectKind.FORGE_MILESTONE,
        repository + " milestone " + title + " (create)",
        () -> forge.createMilestone(title, description),
        Milestone::url);
  }

  @Override
  public Milestone updateMilestone(
      Milestone milestone, String title, String description, boolean open) {
    String change =
        (milestone.title().equals(title) ? "" : "rename to " + title + ", ")
            + (open ? "open" : "close");
    return effects.perform(
        EffectKind.FORGE_MILESTONE,
        repository + " milestone " + milestone.title() + " (" + change + ")",
        () -> forge.updateMilestone(milestone, title, description, open),
        Milestone::url);
  }

  @Override
  public void setMilestone(int number, Milestone milestone) {
    effects.perform(
        EffectKind.FORGE_MILESTONE,
        repository + "#" + number + " into milestone " + milestone.title(),
        () -> {
          forge.setMilestone(number, milestone);
          return number;
        },
        n -> "#" + n);
  }

  @Override
  public List<Release> latestReleases() {
    return forge.latestReleases();
  }

  @Override
  public Release createRelease(NewRelease release) {
    return effects.perform(
        EffectKind.FORGE_RELEASE,
        repository + " release " + release.tag() + " (publish)",
        () -> forge.createRelease(release),
        Release::url);
  }

  @Override
  public Release updateRelease(Release existing, NewRelease release) {
    return effects.perform(
        EffectKind.FORGE_RELEASE,
        repository
            + " release "
            + existing.tag()
            + (existing.draft() ? " (publish draft)" : " (update)"),
        () -> forge.updateRelease(existing, release),
        Release::url);
  }

  @Override
  public Optional<ReleaseNotes> generateNotes(String tag, String target, String previousTag) {
    return forge.generateNotes(tag, target, previousTag);
  }
}
