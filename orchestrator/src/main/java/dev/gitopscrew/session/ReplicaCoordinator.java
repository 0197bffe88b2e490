package dev.gitopscrew.session;

import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult.Failed;
import dev.gitopscrew.roles.work.SessionResult.Interrupted;
import dev.gitopscrew.roles.work.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Leadership and the shared store. On a store of its own the process leads from the start; on one
 * several replicas share it runs nothing until it leads. Becoming the leader finalises what a
 * previous leader left running and starts the sweep; on a shared store the leader also polls for
 * the requests, approvals and cancels other replicas stored, and adopts those requests.
 */
public final class ReplicaCoordinator {

  private static final System.Logger LOG = System.getLogger(ReplicaCoordinator.class.getName());
  private static final Duration POLL_EVERY = Duration.ofMillis(250);

  private final SessionRunner runner;
  private final ApprovalDesk desk;
  private final SessionJanitor janitor;
  private final JdbcSessionRepository repository;
  private final boolean shared;
  private volatile boolean leading;
  private volatile int interruptedAtStart;

  /** {@code shared}: whether other processes use the same store (PostgreSQL). */
  public ReplicaCoordinator(
      SessionRunner runner,
      ApprovalDesk desk,
      SessionJanitor janitor,
      JdbcSessionRepository repository,
      boolean shared) {
    this.runner = runner;
    this.desk = desk;
    this.janitor = janitor;
    this.repository = repository;
    this.shared = shared;
  }

  /**
   * Becomes the one process that runs sessions: finalises what a previous leader left running,
   * carries out approvals decided meanwhile, and (on a shared store) runs the requests other
   * replicas store, from now on.
   */
  synchronized void lead() {
    if (leading || runner.stopped()) {
      return;
    }
    interruptedAtStart = finaliseLeftovers();
    leading = true;
    janitor.startSweeping();
    // decided while the previous process was stopping: carried out at once, on the supervisor
    // (the first query of its kind costs the gateway's start-up time, and no one waits for it)
    runner.soon(desk::resumeApprovedButParked);
    if (shared) {
      runner.every(Duration.ZERO, POLL_EVERY, this::poll);
    }
  }

  boolean leading() {
    return leading;
  }

  int interruptedAtStart() {
    return interruptedAtStart;
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
}
