package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.git.RepositorySpec;
import org.jboss.logging.Logger;

/**
 * A report posted through {@link KeepReport}, on its issue or on a pull request; a forge that fails
 * it fails the report, not the caller.
 */
final class PostReport {

  private static final Logger LOG = Logger.getLogger(PostReport.class);

  private final ChangeContext context;

  PostReport(ChangeContext context) {
    this.context = context;
  }

  ReportOutcome onIssue(String repository, Report report, SideEffects effects) {
    RepositorySpec spec = context.spec(repository);
    try {
      return keep(spec, context.audited(spec, effects), effects).issue(report);
    } catch (ForgeException | SideEffects.EffectFailedException e) {
      LOG.warnf("report on %s failed: %s", spec.name(), e.getMessage());
      return new ReportOutcome(ReportOutcome.Action.FAILED, null, e.getMessage());
    }
  }

  ReportOutcome onPullRequest(
      String repository, int number, Report report, CommitStatus status, SideEffects effects) {
    RepositorySpec spec = context.spec(repository);
    try {
      Forge forge = context.audited(spec, effects);
      return keep(spec, forge, effects).pullRequest(forge.pullRequest(number), report, status);
    } catch (ForgeException | SideEffects.EffectFailedException e) {
      LOG.warnf("report on %s#%d failed: %s", spec.name(), number, e.getMessage());
      return new ReportOutcome(ReportOutcome.Action.FAILED, null, e.getMessage());
    }
  }

  private KeepReport keep(RepositorySpec spec, Forge forge, SideEffects effects) {
    return new KeepReport(forge, context.footprint(), context.createOnce(), effects, spec.name());
  }
}
