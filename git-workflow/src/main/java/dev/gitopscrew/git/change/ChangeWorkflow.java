package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.AuditedForge;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.Milestones;
import dev.gitopscrew.forge.MilestonesAndReleases;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.git.ChangedFiles;
import dev.gitopscrew.git.CommitInfo;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.Freshness;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.PushOutcome;
import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.git.RepositoryReader;
import dev.gitopscrew.git.RepositorySpec;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.jboss.logging.Logger;

/**
 * PRODUCT.md section 5 end to end: issue, plan comment, branch, commit, freshness merge, push, pull
 * request. Every forge write and the push go through the session's {@link SideEffects}.
 */
public final class ChangeWorkflow implements Changes, AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ChangeWorkflow.class);

  private final Footprint footprint;
  private final MirrorCache mirrors;
  private final Map<String, RepositorySpec> repositories;
  private final Function<RepositorySpec, Forge> forges;
  private final CreateOnce createOnce;

  /**
   * @param repositories the configured repositories by name
   * @param forges the forge adapter of a repository
   */
  public ChangeWorkflow(
      Footprint footprint,
      MirrorCache mirrors,
      Map<String, RepositorySpec> repositories,
      Function<RepositorySpec, Forge> forges,
      CreateOnce createOnce) {
    this.footprint = footprint;
    this.mirrors = mirrors;
    this.repositories = Map.copyOf(repositories);
    this.forges = forges;
    this.createOnce = createOnce;
  }

  @Override
  public Set<String> repositories() {
    return repositories.keySet();
  }

  /** The configured repositories by name. */
  public Map<String, RepositorySpec> specs() {
    return repositories;
  }

  /** Read-only views of the same repositories, through the same cached clones and credentials. */
  public RepositoryReader reader() {
    return new RepositoryReader(mirrors, repositories, spec -> forges.apply(spec).gitCredentials());
  }

  @Override
  public RepositoryFiles defaultBranch(String repository) {
    RepositorySpec spec = spec(repository);
    Mirror mirror = mirrors.open(spec, forges.apply(spec).gitCredentials());
    return mirror.files(mirror.fetch());
  }

  /** How the change's commit is made on top of its parent: the files, or a revert. */
  @FunctionalInterface
  private interface CommitMaker {
    /** The new commit, or empty when it would change nothing; a conflict names the files. */
    Optional<ObjectId> make(Mirror mirror, ObjectId parent, PersonIdent author, String message);
  }

  @Override
  public ChangeOutcome run(ChangeRequest request, SideEffects effects) {
    return run(
        request,
        effects,
        (mirror, parent, author, message) ->
            mirror.commit(parent, request.files(), author, message));
  }

  @Override
  public Optional<String> repositoryFor(String url) {
    String wanted = normalise(url);
    return repositories.values().stream()
        .filter(r -> normalise(r.url()).equals(wanted))
        .map(RepositorySpec::name)
        .findFirst();
  }

  private static String normalise(String url) {
    String u = url == null ? "" : url.strip().toLowerCase(java.util.Locale.ROOT);
    u = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
  }

  @Override
  public List<CommitInfo> history(String repository, String path, int max) {
    RepositorySpec spec = spec(repository);
    Mirror mirror = mirrors.open(spec, forges.apply(spec).gitCredentials());
    return mirror.history(mirror.fetch(), path == null ? "" : path, max);
  }

  @Override
  public ChangeOutcome revert(RevertRequest revert, SideEffects effects) {
    RepositorySpec spec = repositories.get(revert.repository());
    if (spec == null) {
      return new ChangeOutcome.Failed("repository", unknown(revert.repository()));
    }
    Mirror mirror;
    ObjectId commit;
    try {
      mirror = mirrors.open(spec, forges.apply(spec).gitCredentials());
      mirror.fetch();
      commit =
          mirror
              .resolve(revert.commit())
              .orElseThrow(
                  () ->
                      new GitWorkflowException(
                          "no commit " + revert.commit() + " in " + spec.name()));
    } catch (ForgeException | GitWorkflowException | IllegalArgumentException e) {
      return new ChangeOutcome.Failed("revert", e.getMessage());
    }
    // the workflow lists the files in the plan and the pull request; the revert makes the commit
    Map<String, byte[]> touched = new java.util.LinkedHashMap<>();
    mirror.changedPaths(commit).forEach(path -> touched.put(path, new byte[0]));
    ChangeRequest request =
        new ChangeRequest(
            revert.repository(),
            revert.type(),
            revert.title(),
            revert.issue(),
            revert.agentId(),
            touched,
            revert.summary(),
            "high",
            null);
    return run(
        request,
        effects,
        (m, parent, author, message) -> {
          Freshness reverted = m.revert(parent, commit, author, message);
          if (reverted instanceof Freshness.Conflict c) {
            throw new MergeConflict("the revert of " + commit.name(), c.files());
          }
          return reverted instanceof Freshness.Merged merged
              ? Optional.of(merged.head())
              : Optional.empty();
        });
  }

  @Override
  public ChangeOutcome.Ref openIssue(IssueRequest request, SideEffects effects) {
    RepositorySpec spec = spec(request.repository());
    Forge forge = AuditedForge.wrap(forges.apply(spec), effects, spec.name());
    String label = "agent:" + request.agentId();
    Optional<Issue> existing = forge.findOpenIssue(request.title(), request.marker(), label);
    if (existing.isPresent()) {
      return new ChangeOutcome.Ref(existing.get().number(), existing.get().url());
    }
    Set<String> labels =
        footprint.labels(request.agentId(), request.type(), request.priority(), request.areas());
    if (effects.dryRun()) {
      effects.preview(
          EffectKind.FORGE_ISSUE_CREATE,
          spec.name(),
          "create issue \"" + request.title() + "\" labelled " + labels);
      return new ChangeOutcome.Ref(0, "(dry run)");
    }
    String body =
        footprint.withFooter(request.body() + "\n\n" + request.marker(), request.agentId());
    Issue created =
        createOnce.create(
            () -> forge.findOpenIssue(request.title(), request.marker(), label),
            () ->
                forge.createIssue(
                    new dev.gitopscrew.forge.NewIssue(request.title(), body, labels)));
    return new ChangeOutcome.Ref(created.number(), created.url());
  }

  @Override
  public void comment(
      String repository, int number, String agentId, String body, SideEffects effects) {
    RepositorySpec spec = spec(repository);
    Forge forge = AuditedForge.wrap(forges.apply(spec), effects, spec.name());
    if (effects.dryRun()) {
      effects.preview(EffectKind.FORGE_COMMENT_CREATE, spec.name() + "#" + number, "comment");
      return;
    }
    forge.comment(number, footprint.withFooter(body, agentId));
  }

  @Override
  public void label(
      String repository, int number, String label, boolean remove, SideEffects effects) {
    RepositorySpec spec = spec(repository);
    Forge forge = AuditedForge.wrap(forges.apply(spec), effects, spec.name());
    if (effects.dryRun()) {
      effects.preview(
          remove ? EffectKind.FORGE_LABELS_REMOVE : EffectKind.FORGE_LABELS_ADD,
          spec.name() + "#" + number,
          (remove ? "remove label " : "add label ") + label);
      return;
    }
    if (remove) {
      forge.removePullRequestLabel(number, label);
    } else {
      forge.addPullRequestLabel(number, label);
    }
  }

  private ChangeOutcome run(ChangeRequest request, SideEffects effects, CommitMaker maker) {
    RepositorySpec spec = repositories.get(request.repository());
    if (spec == null) {
      return new ChangeOutcome.Failed("repository", unknown(request.repository()));
    }
    String step = "forge";
    try {
      Forge forge = AuditedForge.wrap(forges.apply(spec), effects, spec.name());
      step = "labels";
      Set<String> labels =
          footprint.labels(
              request.agentId(),
              request.type(),
              request.priority(),
              request.areas(),
              request.labels());
      step = "forge";
      Supplier<Optional<Milestone>> next = nextMilestone(forge, spec);
      if (effects.dryRun()) {
        return preview(spec, forge, request, labels, effects, maker, next);
      }
      step = "issue";
      AdoptOrCreateIssue.Result issue =
          new AdoptOrCreateIssue(forge, footprint, createOnce, next).run(request, labels);
      int number = issue.issue().number();
      String branch =
          footprint.branchName(request.agentId(), request.type(), number, request.title());
      ChangeOutcome.Ref issueRef = new ChangeOutcome.Ref(number, issue.issue().url());

      step = "plan comment";
      new PostPlanComment(forge, footprint, createOnce)
          .run(request, number, issue.adopted(), branch, issue.notes());

      step = "commit";
      Mirror mirror = mirrors.open(spec, forge.gitCredentials());
      PersonIdent author = footprint.author(request.agentId());
      ObjectId defaultTip = mirror.fetch();
      Optional<ObjectId> existingBranch = mirror.remoteBranch(branch);
      ObjectId parent = existingBranch.orElse(defaultTip);
      String message =
          footprint.commitMessage(request.type(), request.title(), number, request.agentId());
      Optional<ObjectId> commit;
      try {
        commit = maker.make(mirror, parent, author, message);
      } catch (MergeConflict c) {
        return new ChangeOutcome.Conflicted(issueRef, branch, c.files);
      }
      if (commit.isEmpty() && existingBranch.isEmpty()) {
        return new ChangeOutcome.Failed(step, nothingToChange(spec));
      }

      step = "push";
      ObjectId head;
      try {
        head = push(effects, mirror, spec, branch, commit.orElse(parent), author);
      } catch (MergeConflict c) {
        LOG.infof("change on %s stopped: %s conflicts in %s", spec.name(), branch, c.files);
        return new ChangeOutcome.Conflicted(issueRef, branch, c.files);
      }

      step = "pull request";
      OpenOrUpdatePullRequest.Result pr =
          new OpenOrUpdatePullRequest(forge, footprint, createOnce)
              .run(
                  request,
                  issue.issue(),
                  branch,
                  spec.defaultBranch(),
                  labels,
                  existingBranch.isEmpty(),
                  milestoneNumber(next, issue.issue()));
      LOG.infof(
          "change on %s: issue #%d, branch %s, commit %s, pull request #%d",
          spec.name(), number, branch, head.name(), pr.pullRequest().number());
      return new ChangeOutcome.Completed(
          issueRef,
          branch,
          head.name(),
          new ChangeOutcome.Ref(pr.pullRequest().number(), pr.pullRequest().url()),
          pr.created());
    } catch (ForgeException
        | GitWorkflowException
        | SideEffects.EffectFailedException
        | IllegalArgumentException e) {
      LOG.warnf("change on %s failed at %s: %s", spec.name(), step, e.getMessage());
      return new ChangeOutcome.Failed(step, e.getMessage());
    }
  }

  /**
   * The milestone the next release cuts (the lowest open {@code vMAJOR.MINOR.PATCH}, as {@code crew
   * release} picks it), read once and only when an issue needs one; none on a forge without
   * milestones (Azure DevOps), none when no such milestone is open. A forge that cannot list them
   * leaves the change without a milestone rather than failing it.
   */
  private static Supplier<Optional<Milestone>> nextMilestone(Forge forge, RepositorySpec spec) {
    return new Supplier<>() {
      private Optional<Milestone> read;

      @Override
      public Optional<Milestone> get() {
        if (read == null) {
          read = Optional.empty();
          Optional<MilestonesAndReleases> releases = forge.releases();
          if (releases.isPresent()) {
            try {
              read = Milestones.nextRelease(releases.get().milestones());
            } catch (ForgeException e) {
              LOG.warnf(
                  "change on %s: milestones not read, so none is set: %s",
                  spec.name(), e.getMessage());
            }
          }
        }
        return read;
      }
    };
  }

  /** GitHub's number of the issue's milestone when it is the one read here, else 0. */
  private static int milestoneNumber(Supplier<Optional<Milestone>> next, Issue issue) {
    if (issue.milestone() == null) {
      return 0;
    }
    return next.get()
        .filter(m -> m.title().equals(issue.milestone()))
        .map(Milestone::number)
        .orElse(0);
  }

  /** The push, through the door; a conflict fails it and names the files. */
  private static ObjectId push(
      SideEffects effects,
      Mirror mirror,
      RepositorySpec spec,
      String branch,
      ObjectId head,
      PersonIdent author) {
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

  /** What the workflow would write, recorded as previews; only reads reach the forge. */
  private ChangeOutcome preview(
      RepositorySpec spec,
      Forge forge,
      ChangeRequest request,
      Set<String> labels,
      SideEffects effects,
      CommitMaker maker,
      Supplier<Optional<Milestone>> next) {
    String repo = spec.name();
    Optional<Issue> adopt =
        request.issue() != null
            ? Optional.of(forge.issue(request.issue()))
            : forge.findOpenIssue(
                request.title(),
                Markers.issue(
                    request.agentId(),
                    request.type().id() + "/" + dev.gitopscrew.git.RefNames.slug(request.title())),
                "agent:" + request.agentId());
    String issueText;
    int number;
    List<String> steps = new java.util.ArrayList<>();
    if (adopt.isPresent()) {
      number = adopt.get().number();
      issueText = "adopt issue #" + number + " \"" + adopt.get().title() + "\"";
      if (!adopt.get().open()) {
        effects.preview(
            EffectKind.FORGE_ISSUE_REOPEN, repo + "#" + number, "reopen it: it is closed");
        steps.add("reopen issue #" + number + ": it is closed");
      }
      effects.preview(EffectKind.FORGE_LABELS_ADD, repo + "#" + number, "label it " + labels);
    } else {
      number = 0;
      issueText = "create issue \"" + request.title() + "\" labelled " + labels;
      effects.preview(EffectKind.FORGE_ISSUE_CREATE, repo, issueText);
    }
    String milestone = adopt.map(Issue::milestone).orElse(null);
    if (milestone == null) {
      Optional<Milestone> in = next.get();
      if (in.isPresent()) {
        milestone = in.get().title();
        effects.preview(
            EffectKind.FORGE_MILESTONE,
            repo + (number == 0 ? " the new issue" : "#" + number),
            "put it in milestone " + milestone);
        steps.add("put the issue and pull request in milestone " + milestone);
      }
    }
    String branch =
        footprint.branchName(request.agentId(), request.type(), number, request.title());
    if (number == 0) {
      // the number is the new issue's, unknown until it exists
      branch = branch.replaceFirst("/0-", "/<issue>-");
    }
    String issueRef = number == 0 ? "the new issue" : "#" + number;
    effects.preview(
        EffectKind.FORGE_COMMENT_CREATE, repo + " " + issueRef, "post the plan comment");
    Mirror mirror = mirrors.open(spec, forge.gitCredentials());
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
      return new ChangeOutcome.Failed("commit", c.getMessage());
    }
    if (commit.isEmpty() && existing.isEmpty()) {
      return new ChangeOutcome.Failed("commit", nothingToChange(spec));
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
    List<String> all = new java.util.ArrayList<>(List.of(issueText));
    all.addAll(steps);
    all.addAll(List.of("post the plan comment", push, pr));
    return new ChangeOutcome.Previewed(issueText, branch, files, List.copyOf(all));
  }

  @Override
  public ChangedFiles pullRequestChanges(String repository, int number) {
    RepositorySpec spec = spec(repository);
    Forge forge = forges.apply(spec);
    PullRequest pr = forge.pullRequest(number);
    Mirror mirror = mirrors.open(spec, forge.gitCredentials());
    mirror.fetch();
    ObjectId head =
        mirror
            .remoteBranch(pr.branch())
            .orElseThrow(
                () ->
                    new GitWorkflowException(
                        "the branch "
                            + pr.branch()
                            + " of pull request #"
                            + number
                            + " is not in "
                            + spec.name()
                            + " (deleted, or in a fork)"));
    return mirror.changes(pr.baseBranch(), head, pr.branch());
  }

  @Override
  public ChangedFiles defaultBranchChanges(String repository, String base) {
    RepositorySpec spec = spec(repository);
    Mirror mirror = mirrors.open(spec, forges.apply(spec).gitCredentials());
    return mirror.changes(base, mirror.fetch(), spec.defaultBranch());
  }

  @Override
  public ReportOutcome report(String repository, Report report, SideEffects effects) {
    RepositorySpec spec = spec(repository);
    try {
      Forge forge = AuditedForge.wrap(forges.apply(spec), effects, spec.name());
      return new KeepReport(forge, footprint, createOnce, effects, spec.name()).issue(report);
    } catch (ForgeException | SideEffects.EffectFailedException e) {
      LOG.warnf("report on %s failed: %s", spec.name(), e.getMessage());
      return new ReportOutcome(ReportOutcome.Action.FAILED, null, e.getMessage());
    }
  }

  @Override
  public ReportOutcome reportOnPullRequest(
      String repository, int number, Report report, CommitStatus status, SideEffects effects) {
    RepositorySpec spec = spec(repository);
    try {
      Forge forge = AuditedForge.wrap(forges.apply(spec), effects, spec.name());
      return new KeepReport(forge, footprint, createOnce, effects, spec.name())
          .pullRequest(forge.pullRequest(number), report, status);
    } catch (ForgeException | SideEffects.EffectFailedException e) {
      LOG.warnf("report on %s#%d failed: %s", spec.name(), number, e.getMessage());
      return new ReportOutcome(ReportOutcome.Action.FAILED, null, e.getMessage());
    }
  }

  /**
   * The freshness merge on demand: merges the default branch into the open pull request's branch (a
   * branch an agent made, {@code <agent-id>/<type>/<issue>-<slug>}) as {@code agentId} and pushes
   * it, never by force. A conflict pushes nothing and names the files.
   */
  public Refreshed refresh(String repository, int number, String agentId, SideEffects effects) {
    RepositorySpec spec = spec(repository);
    Forge forge = forges.apply(spec);
    PullRequest pr = forge.pullRequest(number);
    if (pr.state() != PullRequest.State.OPEN) {
      throw new GitWorkflowException(
          "pull request #"
              + number
              + " is "
              + pr.state().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (!pr.branch().matches("[a-z][a-z0-9-]*/(feat|fix|chore|docs|refactor|security)/.+")) {
      throw new GitWorkflowException(
          "the branch "
              + pr.branch()
              + " is not one the crew made; only crew branches are refreshed");
    }
    Mirror mirror = mirrors.open(spec, forge.gitCredentials());
    mirror.fetch();
    ObjectId before =
        mirror
            .remoteBranch(pr.branch())
            .orElseThrow(
                () ->
                    new GitWorkflowException(
                        "the branch " + pr.branch() + " is not in " + spec.name()));
    PushOutcome outcome =
        effects.perform(
            EffectKind.GIT_PUSH,
            spec.name() + ":" + pr.branch(),
            () -> mirror.pushFresh(pr.branch(), before, footprint.author(agentId)),
            o ->
                o instanceof PushOutcome.Pushed p
                    ? p.head().name()
                    : "conflict in " + ((PushOutcome.Conflicted) o).files());
    if (outcome instanceof PushOutcome.Conflicted c) {
      return new Refreshed(pr.branch(), null, false, c.files());
    }
    ObjectId head = ((PushOutcome.Pushed) outcome).head();
    return new Refreshed(pr.branch(), head.name(), !head.equals(before), List.of());
  }

  /**
   * What {@link #refresh} did: {@code head} is the branch's head after it (null on a conflict),
   * {@code merged} whether a merge commit was pushed, {@code conflicts} the files that stopped it.
   */
  public record Refreshed(String branch, String head, boolean merged, List<String> conflicts) {}

  /** Step 6: deletes the pull request's branch, only once the forge says it was merged. */
  public BranchCleanup deleteBranchIfMerged(
      String repository, int pullRequest, SideEffects effects) {
    RepositorySpec spec = spec(repository);
    Forge forge = forges.apply(spec);
    PullRequest pr = forge.pullRequest(pullRequest);
    if (pr.state() != PullRequest.State.MERGED) {
      return new BranchCleanup.Kept(
          pr.branch(), "pull request #" + pullRequest + " is " + pr.state());
    }
    Mirror mirror = mirrors.open(spec, forge.gitCredentials());
    effects.perform(
        EffectKind.GIT_BRANCH_DELETE,
        spec.name() + ":" + pr.branch(),
        () -> {
          mirror.deleteRemoteBranch(pr.branch());
          return pr.branch();
        },
        b -> "deleted " + b);
    return new BranchCleanup.Deleted(pr.branch());
  }

  private RepositorySpec spec(String repository) {
    RepositorySpec spec = repositories.get(repository);
    if (spec == null) {
      throw new IllegalArgumentException(unknown(repository));
    }
    return spec;
  }

  private String unknown(String repository) {
    return "no repository named '"
        + repository
        + "' is configured; known: "
        + repositories.keySet().stream().sorted().toList();
  }

  private static String nothingToChange(RepositorySpec spec) {
    return "the files already have this content on " + spec.defaultBranch() + "; nothing to change";
  }

  /** Closes the cached clones this workflow opened. */
  @Override
  public void close() {
    mirrors.close();
  }

  /** Merging the default branch into the change conflicts; nothing was pushed. */
  private static final class MergeConflict extends RuntimeException {
    final List<String> files;

    MergeConflict(String what, List<String> files) {
      super(what + " conflicts in " + String.join(", ", files));
      this.files = List.copyOf(files);
    }
  }

  /** What {@link #deleteBranchIfMerged} did. */
  public sealed interface BranchCleanup {
    record Deleted(String branch) implements BranchCleanup {}

    record Kept(String branch, String reason) implements BranchCleanup {}
  }
}
