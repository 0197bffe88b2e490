package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.git.Footprint;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A report kept current: one issue (or one pull request comment) per agent and key, found again by
 * its hidden marker, its body replaced when the report changes, the issue closed when nothing is
 * left. In a dry run only reads reach the forge.
 */
final class KeepReport {

  private final Forge forge;
  private final Footprint footprint;
  private final CreateOnce createOnce;
  private final SideEffects effects;
  private final String repository;

  /** {@code forge} is already audited through {@code effects}. */
  KeepReport(
      Forge forge,
      Footprint footprint,
      CreateOnce createOnce,
      SideEffects effects,
      String repository) {
    this.forge = forge;
    this.footprint = footprint;
    this.createOnce = createOnce;
    this.effects = effects;
    this.repository = repository;
  }

  ReportOutcome issue(Report report) {
    String marker = Markers.report(report.agentId(), report.key());
    String label = "agent:" + report.agentId();
    Optional<Issue> open = forge.findOpenIssue(report.title(), marker, label);
    if (report.body() == null) {
      if (open.isEmpty()) {
        return new ReportOutcome(ReportOutcome.Action.NOTHING, null, null);
      }
      Issue issue = open.get();
      ChangeOutcome.Ref ref = new ChangeOutcome.Ref(issue.number(), issue.url());
      if (effects.dryRun()) {
        effects.preview(
            EffectKind.FORGE_ISSUE_CLOSE, repository + "#" + issue.number(), "close the issue");
        return new ReportOutcome(
            ReportOutcome.Action.PREVIEWED, ref, "would close issue #" + issue.number());
      }
      forge.comment(issue.number(), footprint.withFooter(report.closing(), report.agentId()));
      forge.closeIssue(issue.number());
      return new ReportOutcome(ReportOutcome.Action.CLOSED, ref, null);
    }
    String body = footprint.withFooter(report.body() + "\n\n" + marker, report.agentId());
    if (open.isPresent()) {
      Issue issue = open.get();
      ChangeOutcome.Ref ref = new ChangeOutcome.Ref(issue.number(), issue.url());
      if (same(issue.body(), body)) {
        return new ReportOutcome(ReportOutcome.Action.UNCHANGED, ref, null);
      }
      if (effects.dryRun()) {
        effects.preview(
            EffectKind.FORGE_ISSUE_UPDATE, repository + "#" + issue.number(), "update the report");
        return new ReportOutcome(
            ReportOutcome.Action.PREVIEWED, ref, "would update issue #" + issue.number());
      }
      Issue updated = forge.updateIssue(issue.number(), body);
      return new ReportOutcome(
          ReportOutcome.Action.UPDATED,
          new ChangeOutcome.Ref(updated.number(), updated.url()),
          null);
    }
    Set<String> labels =
        footprint.labels(report.agentId(), report.type(), report.priority(), report.areas());
    if (effects.dryRun()) {
      effects.preview(
          EffectKind.FORGE_ISSUE_CREATE,
          repository + " issue \"" + report.title() + "\"",
          "open issue \"" + report.title() + "\" labelled " + labels);
      return new ReportOutcome(
          ReportOutcome.Action.PREVIEWED, null, "would open issue \"" + report.title() + "\"");
    }
    Issue created =
        createOnce.create(
            () -> forge.findOpenIssue(report.title(), marker, label),
            () -> forge.createIssue(new NewIssue(report.title(), body, labels)));
    return new ReportOutcome(
        ReportOutcome.Action.OPENED, new ChangeOutcome.Ref(created.number(), created.url()), null);
  }

  ReportOutcome pullRequest(PullRequest pr, Report report, CommitStatus status) {
    String marker = Markers.report(report.agentId(), report.key());
    ChangeOutcome.Ref ref = new ChangeOutcome.Ref(pr.number(), pr.url());
    String body =
        footprint.withFooter(
            (report.body() == null ? report.closing() : report.body()) + "\n\n" + marker,
            report.agentId());
    String state = status.state().name().toLowerCase(Locale.ROOT);
    Optional<Comment> existing = forge.findPullRequestComment(pr.number(), marker);
    if (effects.dryRun()) {
      effects.preview(
          existing.isPresent() ? EffectKind.FORGE_COMMENT_UPDATE : EffectKind.FORGE_COMMENT_CREATE,
          repository + " pull request #" + pr.number(),
          (existing.isPresent() ? "update" : "post") + " the report comment");
      effects.preview(
          EffectKind.FORGE_STATUS,
          repository + "@" + status.commit().substring(0, 12) + " " + status.context(),
          "set status " + state);
      return new ReportOutcome(
          ReportOutcome.Action.PREVIEWED,
          ref,
          "would " + (existing.isPresent() ? "update" : "post") + " the comment and set " + state);
    }
    ReportOutcome.Action action;
    if (existing.isEmpty()) {
      createOnce.create(
          () -> forge.findPullRequestComment(pr.number(), marker),
          () -> forge.commentOnPullRequest(pr.number(), body));
      action = ReportOutcome.Action.OPENED;
    } else if (same(existing.get().body(), body)) {
      action = ReportOutcome.Action.UNCHANGED;
    } else {
      forge.updatePullRequestComment(pr.number(), existing.get().id(), body);
      action = ReportOutcome.Action.UPDATED;
    }
    forge.setCommitStatus(status);
    return new ReportOutcome(
        action, ref, "comment " + action.name().toLowerCase(Locale.ROOT) + ", status " + state);
  }

  /** Forges may hand a body back with CRLF line ends or without the last newline. */
  private static boolean same(String a, String b) {
    return a.replace("\r\n", "\n").strip().equals(b.replace("\r\n", "\n").strip());
  }
}
