package dev.gitopscrew.roles.triage;

import dev.gitopscrew.cluster.ClusterCallException;
import dev.gitopscrew.cluster.ClusterRefusedException;
import dev.gitopscrew.git.CommitInfo;
import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.incident.IncidentException;
import dev.gitopscrew.incident.TriageReport;
import dev.gitopscrew.incident.Triager;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.cluster.ClusterAccess;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * qa-tester: what is wrong with an application (health, unhealthy pods by pattern, stuck rollouts,
 * warnings, the crashing container's last log lines) and the last merges to its path.
 */
public final class TriageApplication implements Action<dev.gitopscrew.request.Triage> {

  static final int MERGES = 5;

  private final ClusterAccess cluster;
  private final Changes changes;
  private final Clock clock;

  public TriageApplication(ClusterAccess cluster, Changes changes, Clock clock) {
    this.cluster = cluster;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public Class<dev.gitopscrew.request.Triage> handles() {
    return dev.gitopscrew.request.Triage.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.INCIDENT_TRIAGE);
  }

  @Override
  public String run(dev.gitopscrew.request.Triage request, ActionContext context) {
    TriageReport report;
    try {
      report =
          new Triager(cluster.forSession(context))
              .triage(request.application(), request.namespace(), clock.instant());
    } catch (ClusterRefusedException | ClusterCallException | IncidentException e) {
      throw new ActionFailedException(e.getMessage());
    }
    report = report.withMerges(merges(report));
    context.data(report);
    return report.describe();
  }

  /** The last merges to the application's path, when its repository is configured. */
  private List<CommitInfo> merges(TriageReport report) {
    Optional<String> repository = changes.repositoryFor(report.app().repoUrl());
    if (repository.isEmpty()) {
      return List.of();
    }
    try {
      return changes.history(repository.get(), report.app().path(), MERGES * 4).stream()
          .filter(CommitInfo::merge)
          .limit(MERGES)
          .toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }
}
