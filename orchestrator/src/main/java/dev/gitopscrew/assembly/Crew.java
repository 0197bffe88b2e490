package dev.gitopscrew.assembly;

import dev.gitopscrew.audit.AuditTrail;
import dev.gitopscrew.audit.JdbcAuditLog;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.change.ChangeWorkflow;
import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.intake.LocalDirectories;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.mcp.McpServerTools;
import dev.gitopscrew.mcp.McpServers;
import dev.gitopscrew.metrics.CrewMetrics;
import dev.gitopscrew.model.ConversationMemory;
import dev.gitopscrew.model.McpFunctions;
import dev.gitopscrew.release.ReleasePolicy;
import dev.gitopscrew.release.ReleaseWorkflow;
import dev.gitopscrew.roles.AgentWorkforce;
import dev.gitopscrew.roles.Routing;
import dev.gitopscrew.roles.cluster.IncidentSettings;
import dev.gitopscrew.roles.team.AgentServices;
import dev.gitopscrew.roles.team.Team;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionLimits;
import dev.gitopscrew.session.SessionSettings;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GitSettings;
import dev.gitopscrew.settings.Secret;
import dev.gitopscrew.settings.Secrets;
import dev.gitopscrew.settings.StoreSettings;
import dev.gitopscrew.store.JdbcCrewActivity;
import dev.gitopscrew.store.JdbcDeliveries;
import dev.gitopscrew.store.JdbcIncidentLog;
import dev.gitopscrew.store.JdbcLocalForgeRecords;
import dev.gitopscrew.store.JdbcPastResults;
import dev.gitopscrew.store.JdbcPullRequestMerges;
import dev.gitopscrew.store.StateStore;
import dev.gitopscrew.store.StoreHealth;
import dev.gitopscrew.store.StoreInfo;
import dev.gitopscrew.webhook.ArgoEvents;
import dev.gitopscrew.webhook.ArgoWebhook;
import dev.gitopscrew.webhook.HealthSweep;
import dev.gitopscrew.webhook.IncidentRecovery;
import dev.gitopscrew.webhook.PullRequestWebhooks;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The composition root: the one place the crew's object graph is built from a {@link CrewContext}.
 * The CLI uses it directly and the gateway exposes its parts as CDI beans, so the two cannot wire
 * the crew differently.
 */
public final class Crew implements AutoCloseable {

  private final CrewContext context;
  private final StateStore store;
  private final JdbcLocalForgeRecords forgeRecords;
  private final JdbcAuditLog audit;
  private final ChangeWorkflow changes;
  private final ClusterWiring cluster;
  private final IncidentSettings incidents;
  private final JdbcIncidentLog incidentLog;
  private final JdbcDeliveries deliveries;
  private final ReleaseWorkflow releases;
  private final AgentWorkforce workforce;
  private final SessionLimits limits;
  private final SessionEngine engine;
  private final RunRequest runRequest;
  private final ChatWiring chat;
  private final CrewMetrics metrics;
  private final Forges forges;
  private final JdbcPullRequestMerges merges;
  private final McpServers mcp;

  private Crew(CrewContext context, StateStore store, boolean client, CrewMetrics metrics) {
    this.context = context;
    this.store = store;
    this.metrics = metrics;
    this.forgeRecords = new JdbcLocalForgeRecords(store.dataSource(), Clock.systemUTC());
    this.audit = new JdbcAuditLog(store.dataSource());
    // the demo repository, when no repository is configured, is seeded before its first clone
    MirrorCache mirrors = new MirrorCache(context.stateDir(), DemoRepository::seedIfDemo);
    this.forges = new Forges(context.env()::get, forgeRecords, metrics);
    this.merges = new JdbcPullRequestMerges(store.dataSource(), Clock.systemUTC());
    var repositories = GitSettings.repositoriesOrDemo(context);
    this.changes =
        new ChangeWorkflow(
            GitSettings.footprint(context.loaded().config()),
            mirrors,
            repositories,
            forges,
            CreateOnce.withDefaultBackoff());
    var release = context.loaded().config().release();
    this.releases =
        new ReleaseWorkflow(
            GitSettings.footprint(context.loaded().config()),
            mirrors,
            repositories,
            forges,
            new ReleasePolicy(
                release.firstVersionOrDefault(), release.breakingBumpsMajorBelowOne()));
    Redactor redactor = Secrets.redactor(context.loaded().config(), context.env());
    this.cluster = ClusterWiring.access(context);
    this.incidents = ClusterWiring.incidents(context);
    this.incidentLog = new JdbcIncidentLog(store.dataSource(), Clock.systemUTC());
    this.mcp = McpWiring.servers(context);
    this.deliveries = new JdbcDeliveries(store.dataSource(), Clock.systemUTC(), redactor);
    this.workforce =
        new AgentWorkforce(
            Team.routing(
                new AgentServices(
                    changes,
                    cluster.access(),
                    incidents,
                    incidentLog,
                    ModelWiring.capability(context),
                    releases,
                    Clock.systemUTC(),
                    ModelWiring.planner(
                        context,
                        redactor,
                        this::routing,
                        new SubmitForApproval(this::runRequest, this::engine),
                        changes.reader(),
                        new ConversationMemory(store.dataSource(), Clock.systemUTC()),
                        new McpFunctions(
                            mcp,
                            context.permissions(),
                            audit,
                            redactor,
                            Clock.systemUTC(),
                            new SubmitForApproval(this::runRequest, this::engine))),
                    new JdbcPastResults(store.dataSource()),
                    new JdbcCrewActivity(store.dataSource()),
                    new McpServerTools(mcp, context.permissions(), redactor))),
            metrics.counting(audit),
            redactor,
            Clock.systemUTC());
    this.limits = SessionSettings.limits(context.loaded().config());
    this.engine = engine(store, client);
    engine.observe(metrics::sessionEnded);
    this.runRequest =
        new RunRequest(
            engine,
            workforce.routing(),
            context.permissions(),
            limits,
            ModelWiring.noFreeText(context),
            redactor,
            LocalDirectories.of(context.stateDir(), context.loaded().config()),
            dev.gitopscrew.roles.catalogue.RequestCatalogue.standard());
    runRequest.onDenied(new dev.gitopscrew.webhook.NoteDeniedStep(incidentLog));
    this.chat =
        new ChatWiring(
            context.loaded().config().channels().discord(),
            context.env(),
            store.dataSource(),
            runRequest,
            engine,
            audit,
            redactor,
            incidentLog);
  }

  /**
   * The crew on the configured store (the state directory's embedded one by default), running its
   * sessions here — unless it shares a store under leader election, where it runs them once it
   * leads (the gateway's lifecycle decides).
   */
  public static Crew open(CrewContext context) {
    return open(context, CrewMetrics.none());
  }

  /** As above, counting sessions, side effects and forge calls in {@code metrics}. */
  public static Crew open(CrewContext context, CrewMetrics metrics) {
    return open(context, () -> {}, false, metrics);
  }

  /**
   * The crew for a command of the CLI: on a shared store it never runs sessions; the requests it
   * stores are run by the leading gateway, and it reads their results from the store.
   */
  public static Crew openClient(CrewContext context, Runnable waiting) {
    return open(context, waiting, true, CrewMetrics.none());
  }

  /** The CLI's crew on a store the command has already opened (it then owns and closes it). */
  public static Crew openClient(CrewContext context, StateStore store) {
    return new Crew(context, store, true, CrewMetrics.none());
  }

  private static Crew open(
      CrewContext context, Runnable waiting, boolean client, CrewMetrics metrics) {
    StateStore store = StoreSettings.open(context, waiting);
    try {
      return new Crew(context, store, client, metrics);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private Routing routing() {
    return workforce.routing();
  }

  private SessionEngine engine(StateStore store, boolean client) {
    var policy = SessionSettings.policy(context.loaded().config());
    if (!store.shared()) {
      return SessionWiring.start(store.dataSource(), limits, policy, workforce);
    }
    SessionEngine standby = SessionWiring.standby(store.dataSource(), limits, policy, workforce);
    if (!client && cluster.leadership().isEmpty()) {
      standby.lead(); // one replica on a shared store: it leads from the start
    }
    return standby;
  }

  public CrewContext context() {
    return context;
  }

  public CrewMetrics metrics() {
    return metrics;
  }

  public StateStore store() {
    return store;
  }

  /** Facts about the store itself (first start, start count). */
  public StoreInfo storeInfo() {
    return new StoreInfo(store);
  }

  /** The store as the gateway may see it: readiness and what a failure means. */
  public StoreHealth storeHealth() {
    return store;
  }

  public JdbcLocalForgeRecords forgeRecords() {
    return forgeRecords;
  }

  public JdbcAuditLog audit() {
    return audit;
  }

  /** The audit trail by session, for the CLI and the API. */
  /** The web console's logins, kept in the store so every replica and the CLI see them. */
  public dev.gitopscrew.store.JdbcConsoleLogins consoleLogins() {
    return new dev.gitopscrew.store.JdbcConsoleLogins(store.dataSource(), Clock.systemUTC());
  }

  /** The web console's filtered pages of sessions and audit records. */
  public dev.gitopscrew.audit.ConsoleReads consoleReads() {
    return new dev.gitopscrew.audit.ConsoleReads(store.dataSource());
  }

  public AuditTrail trail() {
    return new AuditTrail(audit, engine.repository());
  }

  /** The Git-workflow capability the agents use. */
  public Changes changes() {
    return changes;
  }

  /** The configured repositories by name. */
  public Map<String, RepositorySpec> repositories() {
    return changes.specs();
  }

  /** The cluster guard, and the guarded cluster when one is configured. */
  public ClusterWiring cluster() {
    return cluster;
  }

  /** The runbooks and health URLs incidents are worked with. */
  public IncidentSettings incidents() {
    return incidents;
  }

  public JdbcIncidentLog incidentLog() {
    return incidentLog;
  }

  public JdbcDeliveries deliveries() {
    return deliveries;
  }

  /**
   * The Argo CD webhook with its worker and the health sweep; the caller starts and closes it (the
   * gateway does, the CLI never needs it).
   */
  public ArgoWebhook argoWebhook() {
    var incident = context.loaded().config().incident();
    ArgoEvents events =
        new ArgoEvents(
            cluster.access().cluster(),
            cluster.access().capability().fix(),
            incidentLog,
            runRequest,
            incident.argocdNamespace(),
            incident.verifyWaitSecondsOrDefault(),
            PullRequestWiring.followMerges(context, changes.specs(), forges, merges, audit),
            chat.alerts(),
            new IncidentRecovery(incidentLog, Optional.of(engine)));
    return new ArgoWebhook(
        Secret.fromEnvironment(context.env(), ArgoWebhook.TOKEN_VARIABLE),
        deliveries,
        events,
        new HealthSweep(cluster.access().cluster(), events, incidentLog, Clock.systemUTC()));
  }

  /**
   * The GitHub and Azure DevOps webhooks with their worker (docs/pull-requests.md); the caller
   * starts and closes it.
   */
  public PullRequestWebhooks pullRequestWebhooks() {
    return PullRequestWiring.build(
        context, changes.specs(), changes, forges, deliveries, merges, runRequest, audit);
  }

  public JdbcPullRequestMerges merges() {
    return merges;
  }

  /** The forge adapter of each configured repository. */
  public Forges forges() {
    return forges;
  }

  /** How often the gateway sweeps Applications ({@code incident.sweepMinutes}). */
  public Duration sweepEvery() {
    return Duration.ofMinutes(context.loaded().config().incident().sweepMinutesOrDefault());
  }

  public ReleaseWorkflow releases() {
    return releases;
  }

  public SessionEngine engine() {
    return engine;
  }

  public SessionLimits limits() {
    return limits;
  }

  public RunRequest runRequest() {
    return runRequest;
  }

  /**
   * The chat side: the Discord bot's connection, which only the gateway starts (from one place, so
   * only a leader replica holds it), and the webhook notifications.
   */
  public ChatWiring chat() {
    return chat;
  }

  /** The MCP servers (docs/mcp.md), started when first needed. */
  public McpServers mcp() {
    return mcp;
  }

  @Override
  public void close() {
    chat.close();
    engine.close();
    mcp.close(); // after the engine: a session still running may call a server
    deliveries.close();
    changes.close();
    cluster.close();
    store.close();
  }
}
