package dev.gitopscrew.session;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The leader's sweep, once a second on the supervisor: the safety net that ends a session whose
 * deadline timer was lost, the end of approvals nobody gave in time, and, every minute, the
 * archiving of finished sessions.
 */
public final class SessionJanitor {

  private static final System.Logger LOG = System.getLogger(SessionJanitor.class.getName());
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);
  private static final int ARCHIVE_EVERY_SWEEPS = 60;

  private final SessionRunner runner;
  private final ApprovalDesk desk;
  private final JdbcSessionRepository repository;
  private final SessionLimits limits;
  private final AtomicInteger sweeps = new AtomicInteger();

  public SessionJanitor(
      SessionRunner runner,
      ApprovalDesk desk,
      JdbcSessionRepository repository,
      SessionLimits limits) {
    this.runner = runner;
    this.desk = desk;
    this.repository = repository;
    this.limits = limits;
  }

  /** Sweeps from now on, every second. */
  void startSweeping() {
    runner.every(SWEEP_EVERY, SWEEP_EVERY, this::sweep);
  }

  /** Marks sessions that ended more than {@code archiveAfterMinutes} ago archived. */
  int archiveFinished() {
    Instant now = Instant.now();
    return repository.archive(now.minus(Duration.ofMinutes(limits.archiveAfterMinutes())), now);
  }

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
}
