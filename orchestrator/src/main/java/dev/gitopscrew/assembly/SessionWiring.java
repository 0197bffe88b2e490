package dev.gitopscrew.assembly;

import dev.gitopscrew.roles.work.Workforce;
import dev.gitopscrew.session.ApprovalDesk;
import dev.gitopscrew.session.Approvals;
import dev.gitopscrew.session.JdbcSessionRepository;
import dev.gitopscrew.session.ReplicaCoordinator;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionJanitor;
import dev.gitopscrew.session.SessionLimits;
import dev.gitopscrew.session.SessionResults;
import dev.gitopscrew.session.SessionRunner;
import dev.gitopscrew.session.SessionSpawner;
import dev.gitopscrew.session.SpawnPolicy;
import dev.gitopscrew.store.GroupCommit;
import javax.sql.DataSource;

/**
 * The composition root's part for sessions: builds the session engine from its parts on a migrated
 * store. {@link Crew} uses it, and so do the tests and benches that run sessions without a crew.
 */
public final class SessionWiring {

  private SessionWiring() {}

  /**
   * An engine on a store it alone uses, already leading: sessions a previous process left queued or
   * running are first finalised {@code interrupted}, so their parents have them.
   */
  public static SessionEngine start(
      DataSource dataSource, SessionLimits limits, SpawnPolicy policy, Workforce workforce) {
    SessionEngine engine = build(dataSource, limits, policy, workforce, false);
    engine.lead();
    return engine;
  }

  /**
   * An engine on a store several processes share (PostgreSQL): it runs nothing until it leads (see
   * {@link SessionEngine#lead()}).
   */
  public static SessionEngine standby(
      DataSource dataSource, SessionLimits limits, SpawnPolicy policy, Workforce workforce) {
    return build(dataSource, limits, policy, workforce, true);
  }

  private static SessionEngine build(
      DataSource dataSource,
      SessionLimits limits,
      SpawnPolicy policy,
      Workforce workforce,
      boolean shared) {
    GroupCommit writer = new GroupCommit(dataSource, "session");
    JdbcSessionRepository repository = new JdbcSessionRepository(dataSource, writer);
    Approvals approvals = new Approvals(dataSource);
    SessionRunner runner = new SessionRunner(writer, repository, limits, workforce);
    SessionSpawner spawner = new SessionSpawner(runner, repository, limits, policy, workforce);
    ApprovalDesk desk = new ApprovalDesk(runner, repository, approvals, limits);
    SessionJanitor janitor = new SessionJanitor(runner, desk, repository, limits);
    ReplicaCoordinator replicas = new ReplicaCoordinator(runner, desk, janitor, repository, shared);
    SessionResults results = new SessionResults(runner, repository, approvals);
    return new SessionEngine(repository, runner, spawner, desk, janitor, replicas, results);
  }
}
