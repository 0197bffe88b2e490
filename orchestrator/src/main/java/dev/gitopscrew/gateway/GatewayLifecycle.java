package dev.gitopscrew.gateway;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.assembly.LeadingReplica;
import dev.gitopscrew.assembly.ScheduleWiring;
import dev.gitopscrew.doctor.IntegrationCheck;
import dev.gitopscrew.doctor.Integrations;
import dev.gitopscrew.schedule.Schedules;
import dev.gitopscrew.session.DaemonThreads;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GatewayFile;
import dev.gitopscrew.settings.GatewaySettings;
import dev.gitopscrew.store.StoreInfo;
import dev.gitopscrew.webhook.ArgoWebhook;
import dev.gitopscrew.webhook.AzureDevOpsWebhook;
import dev.gitopscrew.webhook.GitHubWebhook;
import dev.gitopscrew.webhook.PullRequestWebhooks;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import org.jboss.logging.Logger;

/** Start-up and shut-down of the gateway: one log line per integration, the gateway file. */
@ApplicationScoped
public class GatewayLifecycle {

  private static final Logger LOG = Logger.getLogger(GatewayLifecycle.class);
  // how often the leader starts again an MCP server that went down, once its backoff has passed
  private static final java.time.Duration MCP_KEEPER = java.time.Duration.ofSeconds(15);

  // how often the leader looks for pull request deliveries another replica accepted
  private static final java.time.Duration PULL_REQUEST_POLL = java.time.Duration.ofSeconds(5);

  @Inject CrewContext context;
  @Inject GatewaySettings settings;
  @Inject LocalCaller localCaller;
  @Inject StoreInfo storeInfo;
  // injected here so the crew (and its session engine) starts with the gateway and finalises
  // what a crash left at once
  @Inject Crew crew;
  @Inject ArgoWebhook argo;
  @Inject PullRequestWebhooks pullRequests;
  @Inject Schedules schedules;

  void onStart(@Observes StartupEvent event) throws IOException {
    LOG.infof("configuration: %s", context.loaded().describeSource());
    // a note (an OpenClaw key or agent the crew leaves alone) is no warning: nothing is wrong
    context
        .problems()
        .forEach(
            p -> {
              if (p.severity() == dev.gitopscrew.config.ConfigProblem.Severity.NOTE) {
                LOG.info(p.describe());
              } else {
                LOG.warn(p.describe());
              }
            });
    context.skills().problems().forEach(p -> LOG.warnf("skill skipped: %s", p.describe()));
    context.skills().overrides().forEach(o -> LOG.infof("skill: %s", o));
    LOG.infof("skills: %d loaded", context.skills().all().size());
    for (IntegrationCheck i : Integrations.describe(context)) {
      LOG.info("integration " + i.describe());
    }
    storeInfo.recordStart();
    LOG.infof(
        "repositories: %s",
        String.join(", ", new java.util.TreeSet<>(crew.changes().repositories())));
    LOG.infof(
        "sessions: %d left running by the previous process finalised as interrupted and delivered",
        crew.engine().interruptedAtStart());
    var election = crew.cluster().leadership();
    if (election.isPresent()) {
      LOG.infof(
          "leader election on Lease gitops-crew-leader as %s: sessions run once this replica leads",
          election.get().identity());
      LeadingReplica.elect(
          crew,
          election.get(),
          new LeadingReplica.Work() {
            @Override
            public void start() {
              LOG.info("leading: running sessions, webhooks and sweeps");
              startWorkers();
            }

            @Override
            public void stop() {
              // another replica may lead already: stop at once, as a restart would
              LOG.error("lost the leader Lease; stopping so the new leader runs alone");
              Quarkus.asyncExit(3);
            }
          },
          leader -> LOG.infof("leader: %s", leader));
    } else {
      startWorkers();
    }
    LOG.infof(
        "argocd webhook: %s; health sweep %s",
        context.env().get(ArgoWebhook.TOKEN_VARIABLE) == null
            ? "off (set " + ArgoWebhook.TOKEN_VARIABLE + ")"
            : "/webhooks/argocd",
        crew.sweepEvery().isZero() ? "off" : "every " + crew.sweepEvery().toMinutes() + " min");
    LOG.infof(
        "pull request webhooks: github %s, azure-devops %s",
        context.env().get(GitHubWebhook.SECRET_VARIABLE) == null
            ? "off (set " + GitHubWebhook.SECRET_VARIABLE + ")"
            : "/webhooks/github",
        context.env().get(AzureDevOpsWebhook.SECRET_VARIABLE) == null
            ? "off (set " + AzureDevOpsWebhook.SECRET_VARIABLE + ")"
            : "/webhooks/azure-devops");
    LOG.infof(
        "gateway listening on %s:%d, /api %s",
        settings.host(),
        settings.port(),
        settings.token().isPresent() ? "requires a bearer token" : "open (loopback only)");
    GatewayFile.write(
        context.stateDir(),
        new GatewayFile.Entry(
            settings.baseUrl(),
            ProcessHandle.current().pid(),
            localCaller.key(),
            context.loaded().source().map(GatewayFile::canonical).orElse(null)));
  }

  /**
   * The leader's work besides sessions: the webhook workers and sweep (any replica accepts
   * deliveries; these work them), the schedules' ticker and the Discord connection.
   */
  private void startWorkers() {
    argo.start(crew.sweepEvery());
    pullRequests.worker().start(PULL_REQUEST_POLL);
    schedules.start(ScheduleWiring.TICK);
    LOG.infof("schedules: %d configured (docs/schedules.md)", schedules.list().size());
    crew.mcp().keepUp(MCP_KEEPER, DaemonThreads.named("mcp"));
    LOG.infof("mcp servers: %s (docs/mcp.md)", crew.mcp().names());
    startChat();
  }

  /**
   * The Discord connection starts here and only here: on the leader (or the only replica), so one
   * process holds the bot; it connects in the background, so a Discord outage never holds the
   * gateway up.
   */
  void startChat() {
    crew.chat().connection().start();
    LOG.infof("discord: %s", crew.chat().connection().state().detail());
  }

  void onStop(@Observes ShutdownEvent event) {
    crew.chat().connection().close();
    GatewayFile.remove(context.stateDir());
    LOG.info("gateway stopped");
  }
}
