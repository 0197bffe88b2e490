package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.RefNames;
import dev.gitopscrew.git.RepositorySpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;

/**
 * The dry run of {@link MakeChange}: what the workflow would write, recorded as previews, each step
 * in its turn; only reads reach the forge. One instance per change.
 */
final class PreviewChange {

  private final ChangeContext context;
  private final RepositorySpec spec;
  private final Forge forge;
  private final ChangeRequest request;
  private final SideEffects effects;
  private final String repo;
  private final Footprint footprint;

  /** The issue step's preview: its text, the issue's number (0: a new one), further steps. */
  private record IssuePreview(
      String text, int number, Optional<Issue> adopted, List<String> steps) {}

  PreviewChange(
      ChangeContext context,
      RepositorySpec spec,
      Forge forge,
      ChangeRequest request,
      SideEffects effects) {
    this.context = context;
    this.spec = spec;
    this.forge = forge;
    this.request = request;
    this.effects = effects;
    this.repo = spec.name();
    this.footprint = context.footprint();
  }

  ChangeOutcome run(Set<String> labels, CommitMaker maker, NextMilestone next) {
    IssuePreview issue = issue(labels);
    int number = issue.number();
    List<String> steps = new ArrayList<>(issue.steps());
    milestone(issue, next).ifPresent(steps::add);
    String branch =
        footprint.branchName(request.agentId(), request.type(), number, request.title());
    if (number == 0) {
      // the number is the new issue's, unknown until it exists
      branch = branch.replaceFirst("/0-", "/<issue>-");
    }
    String issueRef = number == 0 ? "the new issue" : "#" + number;
    effects.preview(
        EffectKind.FORGE_COMMENT_CREATE, repo + " " + issueRef, "post the plan comment");
    Optional<ChangeOutcome> failed = commit(maker, number, branch);
    if (failed.isPresent()) {
      return failed.get();
    }
    List<String> files = List.copyOf(request.files().keySet());
    String push =
        "commit "
            + files
            + " as "
            + footprint.authorName(request.agentId())
            + " and push branch "
            + branch;
    effects.preview(EffectKind.GIT_PUSH, repo + ":" + branch, push);
    String pr =
        "open a pull request \""
            + request.type().id()
            + ": "
            + request.title()
            + "\" into "
            + spec.defaultBranch()
            + " closing "
            + issueRef;
    effects.preview(EffectKind.FORGE_PR_CREATE, repo + " " + branch, pr);
    List<String> all = new ArrayList<>(List.of(issue.text()));
    all.addAll(steps);
    all.addAll(List.of("post the plan comment", push, pr));
    return new ChangeOutcome.Previewed(issue.text(), branch, files, List.copyOf(all));
  }

  /** Step 1: the issue adopted (reopened when closed, labelled) or created. */
  private IssuePreview issue(Set<String> labels) {
    Optional<Issue> adopt =
        request.issue() != null
            ? Optional.of(forge.issue(request.issue()))
            : forge.findOpenIssue(
                request.title(),
                Markers.issue(
                    request.agentId(), request.type().id() + "/" + RefNames.slug(request.title())),
                "agent:" + request.agentId());
    if (adopt.isEmpty()) {
      String text = "create issue \"" + request.title() + "\" labelled " + labels;
      effects.preview(EffectKind.FORGE_ISSUE_CREATE, repo, text);
      return new IssuePreview(text, 0, adopt, List.of());
    }
    List<String> steps = new ArrayList<>();
    int number = adopt.get().number();
    String text = "adopt issue #" + number + " \"" + adopt.get().title() + "\"";
    if (!adopt.get().open()) {
      effects.preview(
          EffectKind.FORGE_ISSUE_REOPEN, repo + "#" + number, "reopen it: it is closed");
      steps.add("reopen issue #" + number + ": it is closed");
    }
    effects.preview(EffectKind.FORGE_LABELS_ADD, repo + "#" + number, "label it " + labels);
    return new IssuePreview(text, number, adopt, steps);
  }

  /** The next release's milestone, when the issue has none yet; the step it adds, if any. */
  private Optional<String> milestone(IssuePreview issue, NextMilestone next) {
    if (issue.adopted().map(Issue::milestone).orElse(null) != null) {
      return Optional.empty();
    }
    Optional<Milestone> in = next.get();
    if (in.isEmpty()) {
      return Optional.empty();
    }
    String milestone = in.get().title();
    int number = issue.number();
    effects.preview(
        EffectKind.FORGE_MILESTONE,
        repo + (number == 0 ? " the new issue" : "#" + number),
        "put it in milestone " + milestone);
    return Optional.of("put the issue and pull request in milestone " + milestone);
  }

  /**
   * The commit made in the clone and not pushed: a failure when it conflicts or changes nothing.
   */
  private Optional<ChangeOutcome> commit(CommitMaker maker, int number, String branch) {
    Mirror mirror = context.mirror(spec, forge);
    ObjectId tip = mirror.fetch();
    Optional<ObjectId> existing = number == 0 ? Optional.empty() : mirror.remoteBranch(branch);
    Optional<ObjectId> commit;
    try {
      commit =
          maker.make(
              mirror,
              existing.orElse(tip),
              footprint.author(request.agentId()),
              footprint.commitMessage(
                  request.type(), request.title(), Math.max(number, 1), request.agentId()));
    } catch (MergeConflict c) {
      return Optional.of(new ChangeOutcome.Failed("commit", c.getMessage()));
    }
    if (commit.isEmpty() && existing.isEmpty()) {
      return Optional.of(new ChangeOutcome.Failed("commit", ChangeContext.nothingToChange(spec)));
    }
    return Optional.empty();
  }
}
