package dev.gitopscrew.session;

import dev.gitopscrew.roles.work.SessionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Waits for a session's terminal result, always read from the store: for a session this process
 * runs it waits on the session itself, for one another replica runs (or nobody started yet) it
 * polls the store.
 */
public final class SessionResults {

  private static final Duration AWAIT_POLL = Duration.ofMillis(100);

  private final SessionRunner runner;
  private final JdbcSessionRepository repository;
  private final Approvals approvals;

  public SessionResults(
      SessionRunner runner, JdbcSessionRepository repository, Approvals approvals) {
    this.runner = runner;
    this.repository = repository;
    this.approvals = approvals;
  }

  /**
   * Waits up to {@code wait} for a session's terminal result and returns it from the store; empty
   * while it is still running. A root's result counts as delivered once read here.
   */
  Optional<SessionResult> await(long id, Duration wait) throws InterruptedException {
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
}
