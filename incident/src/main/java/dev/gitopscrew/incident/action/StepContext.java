package dev.gitopscrew.incident.action;

import dev.gitopscrew.cluster.Cluster;
import java.time.Clock;
import java.time.Duration;

/**
 * What a runbook action acts through: the session's guarded, audited cluster, whether this is a dry
 * run (only server-side dry runs are sent), the clock, and how long to wait for an ExternalSecret
 * to refresh.
 */
public record StepContext(Cluster cluster, boolean dryRun, Clock clock, Duration refreshWait) {

  /** The same context on the system clock, for waits that must see time pass. */
  public StepContext withRealClock() {
    return new StepContext(cluster, dryRun, Clock.systemUTC(), refreshWait);
  }
}
