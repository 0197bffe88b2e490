package dev.gitopscrew.metrics;

import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.AuditRecord;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * The crew's own meters, served by the gateway on {@code /q/metrics} (docs/operations.md lists
 * them). Labels carry agents, kinds, forges and outcomes, never targets, tokens or free text, so
 * the series stay few and nothing secret can reach them.
 */
public final class CrewMetrics {

  private final MeterRegistry registry;

  public CrewMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Meters that go nowhere: for CLI commands, which serve no metrics. */
  public static CrewMetrics none() {
    return new CrewMetrics(new CompositeMeterRegistry());
  }

  public MeterRegistry registry() {
    return registry;
  }

  /** A session ended: by agent and terminal state, and how long it ran. */
  public void sessionEnded(String agent, String outcome, Duration ran) {
    Counter.builder("crew.sessions")
        .description("Sessions ended, by agent and terminal state")
        .tags("agent", agent, "outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("crew.session.duration")
        .description("How long sessions ran, from start to their terminal result")
        .tags("agent", agent)
        .register(registry)
        .record(ran);
  }

  /** The audit log, counting every side effect by kind and outcome as it is recorded. */
  public AuditLog counting(AuditLog log) {
    return record -> {
      log.append(record);
      effect(record);
    };
  }

  void effect(AuditRecord r) {
    Counter.builder("crew.side.effects")
        .description("External writes through the side-effect door, by kind and outcome")
        .tags("kind", r.kind(), "outcome", r.outcome())
        .register(registry)
        .increment();
    if (r.kind().startsWith("cluster.")) {
      Counter.builder("crew.runbook.actions")
          .description("Runbook actions on the cluster, by kind and outcome")
          .tags("kind", r.kind(), "outcome", r.outcome())
          .register(registry)
          .increment();
    }
  }

  /** One call to a forge's API through the Forge port. */
  public void forgeCall(String forge, String operation, boolean ok) {
    Counter.builder("crew.forge.calls")
        .description("Calls through the Forge port, by forge, operation and outcome")
        .tags("forge", forge, "operation", operation, "outcome", ok ? "ok" : "failed")
        .register(registry)
        .increment();
  }

  /**
   * A schedule's run ended: by schedule and outcome (its session's terminal state, refused…), and
   * how long after its slot it started.
   */
  public void scheduleRun(String schedule, String outcome, Duration lag) {
    Counter.builder("crew.schedule.runs")
        .description("Schedule runs, by schedule and outcome")
        .tags("schedule", schedule, "outcome", outcome)
        .register(registry)
        .increment();
    Timer.builder("crew.schedule.lag")
        .description("From a schedule's slot to its run's start, by schedule")
        .tags("schedule", schedule)
        .register(registry)
        .record(lag);
  }

  /** A wait for a forge's rate limit to pass. */
  public void rateLimitWait(String forge, Duration waited) {
    Timer.builder("crew.forge.rate.limit.waits")
        .description("Waits for a forge's rate limit, by forge")
        .tags("forge", forge)
        .register(registry)
        .record(waited);
  }

  /** A webhook delivery answered: by source and outcome. */
  public void webhook(String source, String outcome) {
    Counter.builder("crew.webhook.deliveries")
        .description("Webhook deliveries, by source and outcome")
        .tags("source", source, "outcome", outcome)
        .register(registry)
        .increment();
  }

  /** A gauge read at each scrape. */
  public void gauge(String name, String description, Supplier<Number> value) {
    Gauge.builder(name, value).description(description).register(registry);
  }

  /** A 0/1 gauge read at each scrape. */
  public void state(String name, String description, BooleanSupplier value) {
    gauge(name, description, () -> value.getAsBoolean() ? 1 : 0);
  }

  /** The outcome a webhook answer's status stands for. */
  public static String outcomeOf(int status) {
    return switch (status) {
      case 202 -> "accepted";
      case 200 -> "duplicate";
      case 400 -> "bad_request";
      case 401 -> "unauthorized";
      case 503 -> "unavailable";
      default -> "status_" + status;
    };
  }
}
