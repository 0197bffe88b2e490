package dev.gitopscrew.git.change;

import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.Forges;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.local.LocalForgeRecords;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.PushOutcome;
import dev.gitopscrew.git.RepositorySpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.jboss.logging.Logger;

/**
 * PRODUCT.md section 5 end to end: issue, plan comment, branch, commit, freshness merge, push, pull
 * request. What {@code crew change} and the role agents call.
 */
public final class ChangeWorkflow implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ChangeWorkflow.class);

  private final Footprint footprint;
  private final MirrorCache mirrors;
  private final Map<String, RepositorySpec> repositories;
  private final Function<RepositorySpec, Forge> forges;
  private final CreateOnce createOnce;

  /**
   * @param repositories the configured repositories by name
   * @param forges the forge adapter of a repository (see {@code Forges})
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

  /**
   * The workflow for a configuration: its repositories (or, when none is configured, the seeded
   * {@code demo} repository on the local forge), tokens read through {@code env}.
   */
  public static ChangeWorkflow forConfiguration(
      Path stateDir,
      Footprint footprint,
      Map<String, RepositorySpec> repositories,
      Function<String, String> env,
      LocalForgeRecords records) {
    Map<String, RepositorySpec> repos =
        repositories.isEmpty()
            ? Map.of(DemoRepository.NAME, DemoRepository.ensure(stateDir))
            : repositories;
    return new ChangeWorkflow(
        footprint,
        new MirrorCache(stateDir),
        repos,
        new Forges(env, records),
        CreateOnce.withDefaultBackoff());
  }

  /** The repositories this workflow knows, by name. */
  public Map<String, RepositorySpec> repositories() {
    return repositories;
  }

  public ChangeOutcome run(ChangeRequest request) {
    RepositorySpec spec = repositories.get(request.repository());
    if (spec == null) {
      return new ChangeOutcome.Failed(
          "repository",
          "no repository named '"
              + request.repository()
              + "' is configured; known: "
              + repositories.keySet().stream().sorted().toList());
    }
    String step = "forge";
    try {
      Forge forge = forges.apply(spec);
      step = "issue";
      Set<String> labels =
          footprint.labels(request.agentId(), request.type(), request.priority(), request.areas());
      AdoptOrCreateIssue.Result issue =
          new AdoptOrCreateIssue(forge, footprint, createOnce).run(request, labels);
      int number = issue.issue().number();
      String branch =
          footprint.branchName(request.agentId(), request.type(), number, request.title());
      ChangeOutcome.Ref issueRef = new ChangeOutcome.Ref(number, issue.issue().url());

      step = "plan comment";
      new PostPlanComment(forge, footprint, createOnce)
          .run(request, number, issue.adopted(), branch);

      step = "commit";
      Mirror mirror = mirrors.open(spec, forge.gitCredentials());
      PersonIdent author = footprint.author(request.agentId());
      ObjectId defaultTip = mirror.fetch();
      Optional<ObjectId> existingBranch = mirror.remoteBranch(branch);
      ObjectId parent = existingBranch.orElse(defaultTip);
      String message =
          footprint.commitMessage(request.type(), request.title(), number, request.agentId());
      Optional<ObjectId> commit = mirror.commit(parent, request.files(), author, message);
      if (commit.isEmpty() && existingBranch.isEmpty()) {
        return new ChangeOutcome.Failed(
            step,
            "the files already have this content on "
                + spec.defaultBranch()
                + "; nothing to change");
      }

      step = "push";
      PushOutcome pushed = mirror.pushFresh(branch, commit.orElse(parent), author);
      if (pushed instanceof PushOutcome.Conflicted c) {
        LOG.infof("change on %s stopped: %s conflicts in %s", spec.name(), branch, c.files());
        return new ChangeOutcome.Conflicted(issueRef, branch, c.files());
      }
      ObjectId head = ((PushOutcome.Pushed) pushed).head();

      step = "pull request";
      OpenOrUpdatePullRequest.Result pr =
          new OpenOrUpdatePullRequest(forge, footprint, createOnce)
              .run(
                  request,
                  issue.issue(),
                  branch,
                  spec.defaultBranch(),
                  labels,
                  existingBranch.isEmpty());
      LOG.infof(
          "change on %s: issue #%d, branch %s, commit %s, pull request #%d",
          spec.name(), number, branch, head.name(), pr.pullRequest().number());
      return new ChangeOutcome.Completed(
          issueRef,
          branch,
          head.name(),
          new ChangeOutcome.Ref(pr.pullRequest().number(), pr.pullRequest().url()),
          pr.created());
    } catch (ForgeException | GitWorkflowException | IllegalArgumentException e) {
      LOG.warnf("change on %s failed at %s: %s", spec.name(), step, e.getMessage());
      return new ChangeOutcome.Failed(step, e.getMessage());
    }
  }

  /** Step 6: deletes the pull request's branch, only once the forge says it was merged. */
  public BranchCleanup deleteBranchIfMerged(String repository, int pullRequest) {
    RepositorySpec spec = repositories.get(repository);
    if (spec == null) {
      throw new IllegalArgumentException("no repository named '" + repository + "' is configured");
    }
    Forge forge = forges.apply(spec);
    PullRequest pr = forge.pullRequest(pullRequest);
    if (pr.state() != PullRequest.State.MERGED) {
      return new BranchCleanup.Kept(
          pr.branch(), "pull request #" + pullRequest + " is " + pr.state());
    }
    mirrors.open(spec, forge.gitCredentials()).deleteRemoteBranch(pr.branch());
    return new BranchCleanup.Deleted(pr.branch());
  }

  /** Closes the cached clones this workflow opened. */
  @Override
  public void close() {
    mirrors.close();
  }

  /** What {@link #deleteBranchIfMerged} did. */
  public sealed interface BranchCleanup {
    record Deleted(String branch) implements BranchCleanup {}

    record Kept(String branch, String reason) implements BranchCleanup {}
  }
}
