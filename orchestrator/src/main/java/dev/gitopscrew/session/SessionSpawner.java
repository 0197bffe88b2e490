package dev.gitopscrew.session;

import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult.Cancelled;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.SpawnOutcome.Refused;
import dev.gitopscrew.roles.work.SpawnOutcome.Spawned;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Workforce;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Spawns sessions within the limits: checks depth, children and the spawn policy, admits the
 * session to a slot or the queue, records it, and hands it to the runner. On a replica that does
 * not lead, a request is only recorded, queued for the leader.
 */
public final class SessionSpawner {

  private static final System.Logger LOG = System.getLogger(SessionSpawner.class.getName());

  private final SessionRunner runner;
  private final JdbcSessionRepository repository;
  private final SessionLimits limits;
  private final SpawnChecks checks;

  public SessionSpawner(
      SessionRunner runner,
      JdbcSessionRepository repository,
      SessionLimits limits,
      SpawnPolicy policy,
      Workforce workforce) {
    this.runner = runner;
    this.repository = repository;
    this.limits = limits;
    this.checks = new SpawnChecks(limits, policy, workforce);
  }

  /** Stores a root request queued, for the leader to run; or says why it cannot be. */
  SpawnOutcome store(Task task, Origin origin) {
    Optional<String> refusal =
        runner.stopped()
            ? Optional.of("the session engine is stopped")
            : checks.refusal(null, task, 0);
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    Duration timeout = task.timeout() != null ? task.timeout() : limits.runTimeout();
    Instant now = Instant.now();
    LiveSession s = new LiveSession(null, 0, task, origin, timeout, now.plus(timeout));
    try {
      return new Spawned(
          StoreGuard.call(() -> repository.insert(s, JdbcSessionRepository.QUEUED, now)));
    } catch (RuntimeException e) {
      return new Refused(storeFailed(e));
    }
  }

  /** A child of a running session, with its parent's origin. */
  SpawnOutcome spawn(LiveSession parent, Task task) {
    return spawn(parent, task, parent.origin());
  }

  /** Starts a session (a root when {@code parent} is null), or says why it cannot start. */
  SpawnOutcome spawn(LiveSession parent, Task task, Origin origin) {
    int depth = parent == null ? 0 : parent.depth() + 1;
    Optional<String> refusal =
        runner.stopped()
            ? Optional.of("the session engine is stopped")
            : checks.refusal(parent, task, depth);
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    Duration timeout = task.timeout() != null ? task.timeout() : limits.runTimeout();
    Instant now = Instant.now();
    LiveSession s = new LiveSession(parent, depth, task, origin, timeout, now.plus(timeout));
    Slots.Admission admission = runner.slots.admit(s);
    if (admission instanceof Slots.Rejected r) {
      return new Refused(r.reason());
    }
    boolean running = admission == Slots.Admitted.RUN;
    String state = running ? JdbcSessionRepository.RUNNING : JdbcSessionRepository.QUEUED;
    Optional<String> failed;
    if (parent == null) {
      // a root is stored and made live under one lock, so the leader's poll never adopts it
      // twice; children are never adopted, and their inserts must not queue behind each other
      synchronized (runner.roots()) {
        failed = storeLive(s, state, now);
      }
    } else {
      failed = storeLive(s, state, now);
    }
    if (failed.isPresent()) {
      runner.slots.withdraw(s, running);
      return new Refused(failed.get());
    }
    if (parent != null) {
      parent.addChild(s);
      if (parent.isEnding()) {
        // the parent began ending while this child was admitted: its cancel loop may have missed it
        String by = "parent #" + parent.id + " ended";
        runner.end(s, new Cancelled(by), by);
        return new Spawned(s.id);
      }
    }
    runner.launch(s, admission, false, timeout);
    return new Spawned(s.id);
  }

  /** Inserts the session and makes it live; the store's error when it could not. */
  private Optional<String> storeLive(LiveSession s, String state, Instant now) {
    try {
      s.id = StoreGuard.call(() -> repository.insert(s, state, now));
    } catch (RuntimeException e) {
      return Optional.of(storeFailed(e));
    }
    runner.makeLive(s);
    return Optional.empty();
  }

  /** The requester's reason when the store refused a session; the store's own words are logged. */
  private static String storeFailed(RuntimeException e) {
    LOG.log(System.Logger.Level.WARNING, "the state store failed to record a session", e);
    return "the state store failed to record the session (the gateway's log says why); nothing"
        + " ran";
  }
}
