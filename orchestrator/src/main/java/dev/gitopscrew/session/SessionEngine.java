package dev.gitopscrew.session;

import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SessionResult.Failed;
import dev.gitopscrew.roles.work.SessionResult.Interrupted;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one door to sessions for the channels, the gateway, the CLI and the model: it runs requests,
 * waits for their results, cancels them and decides approvals. The work is done by the parts the
 * composition root builds and hands in: the {@link SessionSpawner} (spawning within the limits),
 * the {@link SessionRunner} (the worker pool, deadlines and the one terminal result of every
 * session) and the {@link ApprovalDesk} (parking and deciding). Leadership, the sweep and waiting
 * for results are still done here.
 */
public final class SessionEngine implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SessionEngine.class.getName());
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);
  private static final int ARCHIVE_EVERY_SWEEPS = 60;
  private static final Duration POLL_EVERY = Duration.ofMillis(250);
  private static final Duration AWAIT_POLL = Duration.ofMillis(100);

  private final JdbcSessionRepository repository;
  private final Approvals approvals;
  private final SessionLimits limits;
  private final SessionRunner runner;
  private final SessionSpawner spawner;
  private final ApprovalDesk desk;
  private final boolean shared;
  private final AtomicInteger sweeps = new AtomicInteger();
  private volatile boolean leading;
  private volatile int interruptedAtStart;

  /** {@code shared}: whether other processes use the same store (PostgreSQL). */
  public SessionEngine(
      JdbcSessionRepository repository,
      Approvals approvals,
      SessionLimits limits,
      SessionRunner runner,
      SessionSpawner spawner,
      ApprovalDesk desk,
      boolean shared) {
    this.repository = repository;
    this.approvals = approvals;
    this.limits = limits;
    this.runner = runner;
    this.spawner = spawner;
    this.desk = desk;
    this.shared = shared;
    runner.connect(spawner, desk);
  }

  /**
   * Becomes the one engine that runs sessions: finalises what a previous leader left running,
   * carries out approvals decided meanwhile, and (on a shared store) runs the requests other
   * replicas store, from now on.
   */
  public synchronized void lead() {
    if (leading || runner.stopped()) {
      return;
    }
    interruptedAtStart = finaliseLeftovers();
    leading = true;
    runner.every(SWEEP_EVERY, SWEEP_EVERY, this::sweep);
    // decided while the previous process was stopping: carried out at once, on the supervisor
    // (the first query of its kind costs the gateway's start-up time, and no one waits for it)
    runner.soon(desk::resumeApprovedButParked);
    if (shared) {
      runner.every(Duration.ZERO, POLL_EVERY, this::poll);
    }
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
    return leading;
  }

  /** How many sessions were finalised {@code interrupted} at start. */
  public int interruptedAtStart() {
    return interruptedAtStart;
  }

  /**
   * Starts a request as a root session (depth 0), or says why it cannot start. On a replica that
   * does not lead, the request is stored queued and the leader runs it.
   */
  public SpawnOutcome submit(Task task, Origin origin) {
    return leading ? spawner.spawn(null, task, origin) : spawner.store(task, origin);
  }

  /**
   * Waits up to {@code wait} for a session's terminal result and returns it from the store; empty
   * while it is still running. A root's result counts as delivered once read here.
   */
  public Optional<SessionResult> awaitResult(long id, Duration wait) throws InterruptedException {
    LiveSession s = runner.live(id);
    Optional<SessionRecord> found;
    if (s != null) {
      try {
        s.settled.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        return Optional.empty();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
      found = repository.find(id);
    } else {
      // run by another replica, or not started yet: its result arrives in the store
      found = settledInStore(id, Instant.now().plus(wait));
    }
    if (found.isPresent() && found.get().parentId() == null && found.get().isTerminal()) {
      repository.markConsumed(id, Instant.now());
    }
    return found.flatMap(SessionRecord::result);
  }

  private Optional<SessionRecord> settledInStore(long id, Instant until)
      throws InterruptedException {
    while (true) {
      Optional<SessionRecord> found = repository.find(id);
      // parked counts as settled while its approval waits for a person, not once approved
      boolean settled =
          found.isEmpty()
              || found.get().isTerminal()
              || (found.get().state().equals(JdbcSessionRepository.AWAITING_APPROVAL)
                  && approvals
                      .ofSession(id)
                      .map(a -> a.state().equals(Approval.PENDING))
                      .orElse(true));
      if (settled || !Instant.now().isBefore(until)) {
        return found;
      }
      Thread.sleep(AWAIT_POLL.toMillis());
    }
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
    Instant now = Instant.now();
    return repository.archive(now.minus(Duration.ofMinutes(limits.archiveAfterMinutes())), now);
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
    return desk.decide(approvalId, Approval.APPROVED, by, null, leading);
  }

  /** Denies a parked request: it ends cancelled, saying who denied it and why. */
  public Decision deny(String approvalId, String by, String reason) {
    return desk.decide(approvalId, Approval.DENIED, by, reason, leading);
  }

  private int finaliseLeftovers() {
    int count = 0;
    Interrupted restart = new Interrupted("gateway restarted at " + Instant.now());
    for (long id : shared ? repository.leftoverIds() : repository.activeIds()) {
      if (repository.end(id, restart, Instant.now())) {
        count++;
      }
    }
    if (count > 0) {
      LOG.log(System.Logger.Level.INFO, "finalised {0} sessions as interrupted", count);
    }
    return count;
  }

  /**
   * The leader's look at the shared store: requests other replicas stored, approvals they recorded,
   * and roots they cancelled.
   */
  private void poll() {
    if (runner.stopped()) {
      return;
    }
    try {
      synchronized (runner.roots()) {
        for (long id : repository.queuedRoots()) {
          if (!runner.isLive(id)) {
            adopt(id);
          }
        }
      }
      desk.resumeApprovedButParked();
      List<Long> roots =
          runner.live().stream().filter(l -> l.parent() == null).map(l -> l.id).toList();
      for (long id : repository.endedAmong(roots)) {
        LiveSession s = runner.live(id);
        if (s != null) {
          runner.cancelTree(s, "another replica");
        }
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "reading the shared store failed: " + e.getMessage());
    }
  }

  /** Runs a request another replica stored, rebuilt from the store with its own deadline. */
  private void adopt(long id) {
    Optional<SessionRecord> record = repository.find(id);
    Optional<String> json = repository.requestJson(id);
    if (record.isEmpty() || json.isEmpty()) {
      return;
    }
    SessionRecord r = record.get();
    Task task =
        new Task(
            r.agent(),
            RequestJson.read(json.get()),
            r.timeout(),
            repository.approvedBy(id).orElse(null));
    LiveSession s =
        new LiveSession(
            null, 0, task, new Origin(r.channel(), r.requester()), r.timeout(), r.deadlineAt());
    s.id = id;
    Slots.Admission admission = runner.slots.admit(s);
    if (admission instanceof Slots.Rejected rejected) {
      repository.end(id, new Failed(rejected.reason()), Instant.now());
      return;
    }
    runner.makeLive(s);
    Duration left = Duration.between(Instant.now(), r.deadlineAt());
    runner.launch(s, admission, true, left.isNegative() ? Duration.ZERO : left);
  }

  /** The supervisor's safety net, should a deadline timer ever be lost; and the archiving. */
  private void sweep() {
    Instant now = Instant.now();
    if (sweeps.incrementAndGet() % ARCHIVE_EVERY_SWEEPS == 0) {
      try {
        archiveFinished();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "archiving sessions failed: " + e.getMessage());
      }
    }
    for (LiveSession s : runner.live()) {
      if (s.deadline().isBefore(now)) {
        runner.expire(s);
      }
    }
    try {
      desk.expireApprovals(now);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "expiring approvals failed: " + e.getMessage());
    }
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
