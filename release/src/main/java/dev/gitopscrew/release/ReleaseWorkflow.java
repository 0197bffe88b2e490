package dev.gitopscrew.release;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.LocalMerges;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.LocalMerge;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Releases of PRODUCT.md section 7 on GitHub, Azure DevOps and the local forge: a plan read from
 * the remote's tags and the forge, and a cut made of steps that look at what exists first, so that
 * a cut stopped anywhere and run again finishes the rest and does nothing twice.
 */
public final class ReleaseWorkflow implements Releases {

  /** The only agent that creates tags, releases and milestones. */
  public static final String AGENT = "homelab-admin";

  private final Footprint footprint;
  private final MirrorCache mirrors;
  private final Map<String, RepositorySpec> repositories;
  private final Function<RepositorySpec, Forge> forges;
  private final ReleaseReader reader;

  /**
   * @param mirrors the cached clones, shared with the change workflow
   * @param forges the forge adapter of a repository (not audited: the cut wraps it)
   */
  public ReleaseWorkflow(
      Footprint footprint,
      MirrorCache mirrors,
      Map<String, RepositorySpec> repositories,
      Function<RepositorySpec, Forge> forges,
      ReleasePolicy policy) {
    this.footprint = footprint;
    this.mirrors = mirrors;
    this.repositories = Map.copyOf(repositories);
    this.forges = forges;
    this.reader = new ReleaseReader(footprint, policy);
  }

  @Override
  public Set<String> repositories() {
    return repositories.keySet();
  }

  @Override
  public Plan plan(String repository, String milestone) {
    return read(repository, milestone).plan();
  }

  @Override
  public CutResult cut(String repository, String milestone, SideEffects effects) {
    Situation s = read(repository, milestone);
    Plan plan = s.plan();
    if (effects.dryRun()) {
      if (plan.version() != null && plan.status() != Plan.Status.BLOCKED) {
        CutSteps.preview(s, effects);
      }
      return new CutResult(plan, java.util.List.of(), true);
    }
    switch (plan.status()) {
      case BLOCKED:
        throw new ReleaseException(plan.headline() + ": " + plan.reason());
      case NOTHING_TO_RELEASE:
      case RELEASED:
        return new CutResult(plan, java.util.List.of(), false);
      default:
        return new CutResult(plan, CutSteps.perform(s, effects, footprint), false);
    }
  }

  @Override
  public MergeResult merge(String repository, int pullRequest, SideEffects effects) {
    RepositorySpec spec = spec(repository);
    if (spec.forge() != ForgeKind.LOCAL) {
      throw new ReleaseException(
          repository
              + " is on "
              + spec.forge().configName()
              + ": merge its pull requests there; crew merges only on the local forge");
    }
    Forge forge = forges.apply(spec);
    LocalMerges local =
        forge
            .localMerges()
            .orElseThrow(
                () -> new ReleaseException(repository + " has no local forge to merge on"));
    PullRequest pr;
    try {
      pr = forge.pullRequest(pullRequest);
    } catch (ForgeException e) {
      throw new ReleaseException(e.getMessage());
    }
    if (pr.state() == PullRequest.State.CLOSED) {
      throw new ReleaseException(
          "pull request #" + pullRequest + " of " + repository + " was closed without merging");
    }
    if (!pr.baseBranch().equals(spec.defaultBranch())) {
      throw new ReleaseException(
          "pull request #"
              + pullRequest
              + " targets "
              + pr.baseBranch()
              + "; crew merges into the default branch "
              + spec.defaultBranch()
              + " only");
    }
    if (pr.state() == PullRequest.State.MERGED) {
      return new MergeResult(
          repository,
          pullRequest,
          pr.branch(),
          spec.defaultBranch(),
          local.mergeCommit(pullRequest).orElse("unknown"),
          true);
    }
    Mirror mirror = mirrors.open(spec, forge.gitCredentials());
    String message =
        "Merge pull request #" + pullRequest + " from " + pr.branch() + "\n\n" + pr.title();
    String target =
        repository + "#" + pullRequest + " " + pr.branch() + " -> " + spec.defaultBranch();
    try {
      String commit =
          effects.perform(
              EffectKind.FORGE_PR_MERGE,
              target,
              () -> {
                LocalMerge merge =
                    mirror.defaultBranchMerge().merge(pr.branch(), footprint, AGENT, message);
                if (merge instanceof LocalMerge.Conflicted c) {
                  throw new ReleaseException(
                      "merging "
                          + pr.branch()
                          + " into "
                          + spec.defaultBranch()
                          + " conflicts in "
                          + String.join(", ", c.files())
                          + "; nothing was merged");
                }
                String sha =
                    merge instanceof LocalMerge.Merged m
                        ? m.commit()
                        : ((LocalMerge.AlreadyMerged) merge).commit();
                local.recordMerge(pullRequest, sha, Instant.now());
                return sha;
              },
              sha -> sha);
      return new MergeResult(
          repository, pullRequest, pr.branch(), spec.defaultBranch(), commit, false);
    } catch (GitWorkflowException | ForgeException | SideEffects.EffectFailedException e) {
      throw new ReleaseException("cannot merge #" + pullRequest + ": " + e.getMessage());
    }
  }

  private Situation read(String repository, String milestone) {
    RepositorySpec spec = spec(repository);
    try {
      Forge forge = forges.apply(spec);
      Mirror mirror = mirrors.open(spec, forge.gitCredentials());
      return reader.read(spec, forge, mirror.tags(), milestone);
    } catch (ForgeException | GitWorkflowException | IllegalArgumentException e) {
      throw new ReleaseException(
          "cannot read the release of " + repository + ": " + e.getMessage());
    }
  }

  private RepositorySpec spec(String repository) {
    RepositorySpec spec = repositories.get(repository);
    if (spec == null) {
      throw new ReleaseException(
          "no repository named '"
              + repository
              + "' is configured; known: "
              + repositories.keySet().stream().sorted().toList());
    }
    return spec;
  }
}
