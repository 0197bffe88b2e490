package dev.gitopscrew.channel.pr;

import dev.gitopscrew.effect.Actor;
import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.AuditedForge;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.store.JdbcPullRequestMerges;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Closes the loop of a merged pull request: when Argo CD reports its merge commit deployed, the
 * post-merge verification's result is posted on the pull request (once per pull request) by
 * qa-tester, through the {@link SideEffects} door.
 */
public final class ReportDeployment implements MergedRevisions {

  private static final Logger LOG = Logger.getLogger(ReportDeployment.class);

  private final JdbcPullRequestMerges merges;
  private final Map<String, RepositorySpec> repositories;
  private final Function<RepositorySpec, Forge> forges;
  private final Footprint footprint;
  private final AuditLog audit;
  private final Redactor redactor;
  private final Clock clock;

  public ReportDeployment(
      JdbcPullRequestMerges merges,
      Map<String, RepositorySpec> repositories,
      Function<RepositorySpec, Forge> forges,
      Footprint footprint,
      AuditLog audit,
      Redactor redactor,
      Clock clock) {
    this.merges = merges;
    this.repositories = Map.copyOf(repositories);
    this.forges = forges;
    this.footprint = footprint;
    this.audit = audit;
    this.redactor = redactor;
    this.clock = clock;
  }

  @Override
  public boolean follows(String revision) {
    return merges.byCommit(revision).filter(m -> m.verifiedBy() == null).isPresent();
  }

  @Override
  public void verified(String revision, String app, RequestOutcome outcome) {
    Optional<JdbcPullRequestMerges.Merge> merge = merges.byCommit(revision);
    RepositorySpec spec = merge.map(m -> repositories.get(m.repository())).orElse(null);
    if (merge.isEmpty() || spec == null || !(outcome instanceof RequestOutcome.Ran ran)) {
      return;
    }
    JdbcPullRequestMerges.Merge m = merge.get();
    merges.verified(m.repository(), m.number(), ran.rootId());
    String detail = ran.root().detail() == null ? "" : ran.root().detail().strip();
    String text =
        "Argo CD deployed this merge ("
            + m.mergeCommit().substring(0, Math.min(12, m.mergeCommit().length()))
            + ") to `"
            + app
            + "`; post-merge verification "
            + (ran.succeeded() ? "passed" : ran.root().state().replace('_', ' '))
            + " (session "
            + ran.rootId()
            + ")."
            + (detail.isEmpty() ? "" : "\n\n```\n" + detail.replace("```", "'''") + "\n```");
    String agent = KnownAgent.QA_TESTER.id();
    SideEffects effects =
        new SideEffects(
            new Actor(ran.rootId(), ran.rootId(), agent, m.forge(), m.mergedBy()),
            false,
            audit,
            redactor,
            clock);
    try {
      AuditedForge.wrap(forges.apply(spec), effects, spec.name())
          .commentOnPullRequest(m.number(), footprint.withFooter(text, agent));
    } catch (ForgeException | SideEffects.EffectFailedException e) {
      LOG.warnf(
          "the verification of %s#%d could not be posted: %s",
          spec.name(), m.number(), e.getMessage());
    }
  }
}
