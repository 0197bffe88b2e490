package dev.gitopscrew.gateway;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.metrics.CrewMetrics;

/** The gauges only a running gateway has: read from its engine and store at each scrape. */
final class GatewayMetrics {

  private GatewayMetrics() {}

  static void register(Crew crew) {
    CrewMetrics metrics = crew.metrics();
    metrics.gauge(
        "crew.approvals.pending",
        "Approvals waiting for a person's decision",
        () -> crew.engine().approvals().pending().size());
    metrics.state(
        "crew.leader",
        "1 while this gateway runs sessions (the leader, or the only replica)",
        () -> crew.engine().leading());
  }
}
