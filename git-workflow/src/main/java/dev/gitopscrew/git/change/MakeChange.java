package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.PushOutcome;
import dev.gitopscrew.git.RepositorySpec;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.jboss.logging.Logger;

/**
 * PRODUCT.md section 5 for one change: its steps in order (issue, plan comment, commit, push with
 * the freshness merge, pull request), stopping at the first that fails and naming it. A dry run
 * goes to {@link PreviewChange} instead. One instance per change.
 */
final class MakeChange {

  private static final Logger LOG = Logger.getLogger(MakeChange.class);

  private final ChangeContext context;
  private final ChangeRequest request;
  private final SideEffects effects;
  private final CommitMaker maker;
  private String step = "forge";

  MakeChange(ChangeContext context, ChangeRequest request, SideEffects effects, CommitMaker maker) {
    this.context = context;
    this.request = request;
    this.effects = effects;
    this.maker = maker;
  }

  ChangeOutcome run() {
    RepositorySpec spec = context.repositories().get(request.repository());
    if (spec == null) {
      return new ChangeOutcome.Failed("repository", context.unknown(request.repository()));
    }
    try {
      Forge forge = context.audited(spec, effects);
      step = "labels";
      Set<String> labels =
          context
              .footprint()
              .labels(
                  request.agentId(),
                  request.type(),
                  request.priority(),
                  request.areas(),
                  request.labels());
      step = "forge";
      NextMilestone next = new NextMilestone(forge, spec);
      if (effects.dryRun()) {
        return new PreviewChange(context, spec, forge, request, effects).run(labels, maker, next);
      }
      return write(spec, forge, labels, next);
    } catch (ForgeException
        | GitWorkflowException
        | SideEffects.EffectFailedException
        | IllegalArgumentException e) {
      LOG.warnf("change on %s failed at %s: %s", spec.name(), step, e.getMessage());
      return new ChangeOutcome.Failed(step, e.getMessage());
    }
  }

  private ChangeOutcome write(
      RepositorySpec spec, Forge forge, Set<String> labels, NextMilestone next) {
    step = "issue";
    AdoptOrCreateIssue.Result issue =
        new AdoptOrCreateIssue(forge, context.footprint(), context.createOnce(), next)
            .run(request, labels);
    int number = issue.issue().number();
    String branch =
        context.footprint().branchName(request.agentId(), request.type(), number, request.title());
    ChangeOutcome.Ref issueRef = new ChangeOutcome.Ref(number, issue.issue().url());

    step = "plan comment";
    new PostPlanComment(forge, context.footprint(), context.createOnce())
        .run(request, number, issue.adopted(), branch, issue.notes());

    step = "commit";
    Mirror mirror = context.mirror(spec, forge);
    PersonIdent author = context.footprint().author(request.agentId());
    ObjectId defaultTip = mirror.fetch();
    Optional<ObjectId> existingBranch = mirror.remoteBranch(branch);
    ObjectId parent = existingBranch.orElse(defaultTip);
    String message =
        context
            .footprint()
            .commitMessage(request.type(), request.title(), number, request.agentId());
    Optional<ObjectId> commit;
    try {
      commit = maker.make(mirror, parent, author, message);
    } catch (MergeConflict c) {
      return new ChangeOutcome.Conflicted(issueRef, branch, c.files);
    }
    if (commit.isEmpty() && existingBranch.isEmpty()) {
      return new ChangeOutcome.Failed(step, ChangeContext.nothingToChange(spec));
    }

    step = "push";
    ObjectId head;
    try {
      head = push(mirror, spec, branch, commit.orElse(parent), author);
    } catch (MergeConflict c) {
      LOG.infof("change on %s stopped: %s conflicts in %s", spec.name(), branch, c.files);
      return new ChangeOutcome.Conflicted(issueRef, branch, c.files);
    }
    return pullRequest(spec, forge, labels, next, issue, branch, existingBranch.isEmpty(), head);
  }

  private ChangeOutcome pullRequest(
      RepositorySpec spec,
      Forge forge,
      Set<String> labels,
      NextMilestone next,
      AdoptOrCreateIssue.Result issue,
      String branch,
      boolean newBranch,
      ObjectId head) {
    step = "pull request";
    OpenOrUpdatePullRequest.Result pr =
        new OpenOrUpdatePullRequest(forge, context.footprint(), context.createOnce())
            .run(
                request,
                issue.issue(),
                branch,
                spec.defaultBranch(),
                labels,
                newBranch,
                next.numberOf(issue.issue()));
    int number = issue.issue().number();
    LOG.infof(
        "change on %s: issue #%d, branch %s, commit %s, pull request #%d",
        spec.name(), number, branch, head.name(), pr.pullRequest().number());
    return new ChangeOutcome.Completed(
        new ChangeOutcome.Ref(number, issue.issue().url()),
        branch,
        head.name(),
        new ChangeOutcome.Ref(pr.pullRequest().number(), pr.pullRequest().url()),
        pr.created());
  }

  /** The push, through the door; a conflict fails it and names the files. */
  private ObjectId push(
      Mirror mirror, RepositorySpec spec, String branch, ObjectId head, PersonIdent author) {
    return effects.perform(
        EffectKind.GIT_PUSH,
        spec.name() + ":" + branch,
        () -> {
          PushOutcome pushed = mirror.pushFresh(branch, head, author);
          if (pushed instanceof PushOutcome.Conflicted c) {
            throw new MergeConflict("merging " + spec.defaultBranch(), c.files());
          }
          return ((PushOutcome.Pushed) pushed).head();
        },
        ObjectId::name);
  }
}
