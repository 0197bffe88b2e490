package dev.gitopscrew.assembly;

import dev.gitopscrew.audit.AuditTrail;
import dev.gitopscrew.audit.JdbcAuditLog;
import dev.gitopscrew.channel.RunRequest;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.change.ChangeWorkflow;
import dev.gitopscrew.release.ReleasePolicy;
import dev.gitopscrew.release.ReleaseWorkflow;
import dev.gitopscrew.roles.AgentWorkforce;
import dev.gitopscrew.roles.Capability;
import dev.gitopscrew.roles.team.Capabilities;
import dev.gitopscrew.roles.team.Team;
import dev.gitopscrew.runtime.CrewContext;
import dev.gitopscrew.runtime.GitSettings;
import dev.gitopscrew.runtime.Integrations;
import dev.gitopscrew.runtime.Secrets;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionLimits;
import dev.gitopscrew.session.SessionSettings;
import dev.gitopscrew.store.JdbcLocalForgeRecords;
import dev.gitopscrew.store.StateStore;
import java.time.Clock;

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
  private final ReleaseWorkflow releases;
  private final AgentWorkforce workforce;
  private final SessionLimits limits;
  private final SessionEngine engine;
  private final RunRequest runRequest;

  private Crew(CrewContext context, StateStore store) {
    this.context = context;
    this.store = store;
    this.forgeRecords = new JdbcLocalForgeRecords(store.dataSource());
    this.audit = new JdbcAuditLog(store.dataSource());
    MirrorCache mirrors = new MirrorCache(context.stateDir());
    Forges forges = new Forges(context.env()::get, forgeRecords);
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
    this.workforce =
        new AgentWorkforce(
            Team.routing(
                new Capabilities(
                    changes, clusterCapability(context), modelCapability(context), releases)),
            audit,
            redactor,
            Clock.systemUTC());
    this.limits = SessionSettings.limits(context.loaded().config());
    this.engine =
        SessionEngine.start(
            store.dataSource(),
            limits,
            SessionSettings.policy(context.loaded().config()),
            workforce);
    this.runRequest =
        new RunRequest(
            engine,
            workforce.routing(),
            context.permissions(),
            limits,
            !context.loaded().config().models().providers().isEmpty());
  }

  /** The crew on the state directory's embedded store. */
  public static Crew open(CrewContext context) {
    StateStore store = StateStore.openEmbedded(context.stateDir());
    try {
      return new Crew(context, store);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  private static Capability clusterCapability(CrewContext context) {
    return Integrations.kubeconfigSource(context.env())
        .map(s -> Capability.configured("Kubernetes"))
        .orElse(
            Capability.missing(
                "Kubernetes",
                "set KUBECONFIG, or run in a cluster with a service account (docs/configuration.md)"));
  }

  private static Capability modelCapability(CrewContext context) {
    return context.loaded().config().models().providers().isEmpty()
        ? Capability.missing(
            "model providers",
            "free text needs models.providers in the configuration; structured requests work"
                + " without one")
        : Capability.configured("model providers");
  }

  public CrewContext context() {
    return context;
  }

  public StateStore store() {
    return store;
  }

  public JdbcLocalForgeRecords forgeRecords() {
    return forgeRecords;
  }

  public JdbcAuditLog audit() {
    return audit;
  }

  /** The audit trail by session, for the CLI and the API. */
  public AuditTrail trail() {
    return new AuditTrail(audit, engine.repository());
  }

  public ChangeWorkflow changes() {
    return changes;
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

  @Override
  public void close() {
    engine.close();
    changes.close();
    store.close();
  }
}
