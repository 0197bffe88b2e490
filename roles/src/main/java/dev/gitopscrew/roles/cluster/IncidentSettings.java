package dev.gitopscrew.roles.cluster;

import dev.gitopscrew.incident.SeverityRules;
import dev.gitopscrew.incident.Verification;
import dev.gitopscrew.incident.runbook.Runbook;
import java.time.Duration;
import java.util.List;

/**
 * What incidents are worked with: the health URLs verification asks (by application name), the
 * runbooks (built-in and configured), how often verification re-checks while it waits, the declared
 * severity rules, how long an incident's verification waits, and the repository for incident
 * reports when an application's own is not configured.
 */
public record IncidentSettings(
    List<Verification.Endpoint> healthEndpoints,
    List<Runbook> runbooks,
    Duration recheckEvery,
    List<SeverityRules.Rule> severityRules,
    int verifyWaitSeconds,
    String reportRepository) {

  public IncidentSettings {
    healthEndpoints = List.copyOf(healthEndpoints);
    runbooks = List.copyOf(runbooks);
    severityRules = List.copyOf(severityRules);
  }

  public IncidentSettings(
      List<Verification.Endpoint> healthEndpoints, List<Runbook> runbooks, Duration recheckEvery) {
    this(healthEndpoints, runbooks, recheckEvery, List.of(), 180, null);
  }

  /** The health URLs of one application: those named like it. */
  public List<Verification.Endpoint> endpointsOf(String application) {
    return healthEndpoints.stream().filter(e -> e.name().equals(application)).toList();
  }
}
