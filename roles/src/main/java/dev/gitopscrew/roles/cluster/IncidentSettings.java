package dev.gitopscrew.roles.cluster;

import dev.gitopscrew.incident.Verification;
import dev.gitopscrew.incident.runbook.Runbook;
import java.time.Duration;
import java.util.List;

/**
 * What incidents are worked with: the health URLs verification asks (by application name), the
 * runbooks (built-in and configured), and how often verification re-checks while it waits.
 */
public record IncidentSettings(
    List<Verification.Endpoint> healthEndpoints, List<Runbook> runbooks, Duration recheckEvery) {

  public IncidentSettings {
    healthEndpoints = List.copyOf(healthEndpoints);
    runbooks = List.copyOf(runbooks);
  }

  /** The health URLs of one application: those named like it. */
  public List<Verification.Endpoint> endpointsOf(String application) {
    return healthEndpoints.stream().filter(e -> e.name().equals(application)).toList();
  }
}
