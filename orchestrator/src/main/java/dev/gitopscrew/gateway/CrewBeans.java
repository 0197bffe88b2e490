package dev.gitopscrew.gateway;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.assembly.CrewStart;
import dev.gitopscrew.assembly.ScheduleWiring;
import dev.gitopscrew.audit.AuditTrail;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.mcp.McpServers;
import dev.gitopscrew.metrics.CrewMetrics;
import dev.gitopscrew.schedule.Schedules;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GatewaySettings;
import dev.gitopscrew.settings.Secrets;
import dev.gitopscrew.store.JdbcDeliveries;
import dev.gitopscrew.store.StoreHealth;
import dev.gitopscrew.store.StoreInfo;
import dev.gitopscrew.webhook.ArgoWebhook;
import dev.gitopscrew.webhook.PullRequestWebhooks;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Builds the gateway's objects from what {@code crew serve} (or a test profile) set. */
@Singleton
public class CrewBeans {

  @ConfigProperty(name = "crew.config")
  Optional<String> configFile;

  @ConfigProperty(name = "crew.state-dir")
  Optional<String> stateDir;

  @ConfigProperty(name = "quarkus.http.host")
  String host;

  @ConfigProperty(name = "quarkus.http.port")
  int port;

  @Produces
  @Singleton
  CrewContext context() {
    return CrewStart.context().orElseGet(this::loadContext);
  }

  private CrewContext loadContext() {
    return CrewContext.load(
        configFile.filter(s -> !s.isBlank()).map(Path::of),
        stateDir.filter(s -> !s.isBlank()).map(Path::of),
        System.getenv());
  }

  @Produces
  @Singleton
  GatewaySettings gatewaySettings(CrewContext context) {
    return GatewaySettings.resolve(
        context.loaded().config(), Optional.of(host), Optional.of(port), context.env());
  }

  /** The crew, built by the same composition root the CLI uses. */
  @Produces
  @Singleton
  Crew crew(CrewContext context, MeterRegistry registry) {
    // crew serve began building it while Quarkus booted; tests start Quarkus without it
    Crew crew =
        CrewStart.take(registry).orElseGet(() -> Crew.open(context, new CrewMetrics(registry)));
    GatewayMetrics.register(crew);
    return crew;
  }

  void stop(@Disposes Crew crew) {
    crew.close();
  }

  /** Every secret the environment holds, to keep out of what the gateway answers. */
  @Produces
  @Singleton
  Redactor redactor(CrewContext context) {
    return Secrets.redactor(context.loaded().config(), context.env());
  }

  @Produces
  @Singleton
  McpServers mcpServers(Crew crew) {
    return crew.mcp();
  }

  @Produces
  @Singleton
  StoreInfo storeInfo(Crew crew) {
    return crew.storeInfo();
  }

  @Produces
  @Singleton
  StoreHealth storeHealth(Crew crew) {
    return crew.storeHealth();
  }

  @Produces
  @Singleton
  SessionEngine engine(Crew crew) {
    return crew.engine();
  }

  @Produces
  @Singleton
  RunRequest runRequest(Crew crew) {
    return crew.runRequest();
  }

  @Produces
  @Singleton
  JdbcDeliveries deliveries(Crew crew) {
    return crew.deliveries();
  }

  @Produces
  @Singleton
  IncidentLog incidentLog(Crew crew) {
    return crew.incidentLog();
  }

  @Produces
  @Singleton
  ArgoWebhook argoWebhook(Crew crew) {
    return crew.argoWebhook();
  }

  void stop(@Disposes ArgoWebhook webhook) {
    webhook.close();
  }

  @Produces
  @Singleton
  PullRequestWebhooks pullRequestWebhooks(Crew crew) {
    return crew.pullRequestWebhooks();
  }

  void stop(@Disposes PullRequestWebhooks webhooks) {
    webhooks.close();
  }

  /** The crew's schedules; the leader starts their ticker (GatewayLifecycle). */
  @Produces
  @Singleton
  Schedules schedules(Crew crew) {
    return ScheduleWiring.build(crew);
  }

  void stop(@Disposes Schedules schedules) {
    schedules.close();
  }

  @Produces
  @Singleton
  AuditTrail auditTrail(Crew crew) {
    return crew.trail();
  }

  @Produces
  @Singleton
  dev.gitopscrew.store.JdbcConsoleLogins consoleLogins(Crew crew) {
    return crew.consoleLogins();
  }

  @Produces
  @Singleton
  dev.gitopscrew.audit.ConsoleReads consoleReads(Crew crew) {
    return crew.consoleReads();
  }
}
