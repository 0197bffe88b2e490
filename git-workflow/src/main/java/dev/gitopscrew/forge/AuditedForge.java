package dev.gitopscrew.forge;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.git.GitCredentials;
import java.util.Optional;
import java.util.Set;

/**
 * A forge whose writes go through a session's {@link SideEffects}: each create, label, comment and
 * pull-request update is one audit record, and a dry run writes nothing. Reads pass straight
 * through.
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
}
