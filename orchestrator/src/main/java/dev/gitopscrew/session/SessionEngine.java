package dev.gitopscrew.session;

import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Task;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The one door to sessions for the channels, the gateway, the CLI and the model: it runs requests,
 * waits for their results, cancels them and decides approvals. The work is done by the parts the
 * composition root builds and hands in: the {@link SessionSpawner} (spawning within the limits),
 * the {@link SessionRunner} (the worker pool, deadlines and the one terminal result of every
 * session), the {@link ApprovalDesk} (parking and deciding), the {@link ReplicaCoordinator}
 * (leadership and the shared store), the {@link SessionJanitor} (the sweep and archiving) and
 * {@link SessionResults} (waiting for a result in the store).
 */
public final class SessionEngine implements AutoCloseable {

  private final JdbcSessionRepository repository;
  private final SessionRunner runner;
  private final SessionSpawner spawner;
  private final ApprovalDesk desk;
  private final SessionJanitor janitor;
  private final ReplicaCoordinator replicas;
  private final SessionResults results;

  public SessionEngine(
      JdbcSessionRepository repository,
      SessionRunner runner,
      SessionSpawner spawner,
      ApprovalDesk desk,
      SessionJanitor janitor,
      ReplicaCoordinator replicas,
      SessionResults results) {
    this.repository = repository;
    this.runner = runner;
    this.spawner = spawner;
    this.desk = desk;
    this.janitor = janitor;
    this.replicas = replicas;
    this.results = results;
    runner.connect(spawner, desk);
  }

  /**
   * Becomes the one engine that runs sessions: finalises what a previous leader left running,
   * carries out approvals decided meanwhile, and (on a shared store) runs the requests other
   * replicas store, from now on.
   */
  public void lead() {
    replicas.lead();
  }

  /** Hears of every session this engine ends, for metrics. */
  public interface Observer {
    void ended(String agent, String state, Duration ran);
  }

  public void observe(Observer observer) {
    runner.observe(observer);
  }

  /** Whether this engine runs sessions (always, on a store of its own). */
  public boolean leading() {
    return replicas.leading();
  }

  /** How many sessions were finalised {@code interrupted} at start. */
  public int interruptedAtStart() {
    return replicas.interruptedAtStart();
  }

  /**
   * Starts a request as a root session (depth 0), or says why it cannot start. On a replica that
   * does not lead, the request is stored queued and the leader runs it.
   */
  public SpawnOutcome submit(Task task, Origin origin) {
    return replicas.leading() ? spawner.spawn(null, task, origin) : spawner.store(task, origin);
  }

  /**
   * Waits up to {@code wait} for a session's terminal result and returns it from the store; empty
   * while it is still running. A root's result counts as delivered once read here.
   */
  public Optional<SessionResult> awaitResult(long id, Duration wait) throws InterruptedException {
    return results.await(id, wait);
  }

  public Optional<SessionRecord> find(long id) {
    return repository.find(id);
  }

  /** A session's whole tree, root first. */
  public List<SessionRecord> tree(long rootId) {
    return repository.tree(rootId);
  }

  /** The newest sessions first. */
  public List<SessionRecord> list(boolean includeArchived, int limit) {
    return repository.list(includeArchived, limit);
  }

  public JdbcSessionRepository repository() {
    return repository;
  }

  /**
   * Cancels a session and its whole subtree, interrupting their work. Returns how many sessions
   * this ended (0 when it had already ended).
   */
  public int cancel(long id, String by) {
    return runner.cancel(id, by);
  }

  /** Marks sessions that ended more than {@code archiveAfterMinutes} ago archived. */
  public int archiveFinished() {
    return janitor.archiveFinished();
  }

  /** The approvals store, for listing and deciding. */
  public Approvals approvals() {
    return desk.approvals();
  }

  /** What became of a decision. */
  public sealed interface Decision {
    /** The request was approved and its root works again. */
    record Resumed(long sessionId) implements Decision {}

    /** The request was denied and its root ended cancelled. */
    record Denied(long sessionId) implements Decision {}

    /** Nothing changed, and why: no such approval, or already decided. */
    record Unchanged(String reason) implements Decision {}
  }

  /** Approves a parked request: it runs again, approved, from its stored request. */
  public Decision approve(String approvalId, String by) {
    return desk.decide(approvalId, Approval.APPROVED, by, null, replicas.leading());
  }

  /** Denies a parked request: it ends cancelled, saying who denied it and why. */
  public Decision deny(String approvalId, String by, String reason) {
    return desk.decide(approvalId, Approval.DENIED, by, reason, replicas.leading());
  }

  /** Stops: every live session ends {@code interrupted}, deepest first. */
  @Override
  public void close() {
    runner.close();
  }

  /** Stops every thread without writing anything, as a kill -9 would. For tests and benches. */
  public void halt() {
    runner.halt();
  }
}
