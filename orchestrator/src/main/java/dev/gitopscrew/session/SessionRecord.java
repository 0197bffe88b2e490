package dev.gitopscrew.session;

import dev.gitopscrew.roles.work.SessionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One session as stored: who ran what, where it sits in its tree, and how it ended. */
public record SessionRecord(
    long id,
    Long parentId,
    long rootId,
    String agent,
    int depth,
    String instruction,
    Duration timeout,
    String state,
    String detail,
    Instant createdAt,
    Instant deadlineAt,
    Instant startedAt,
    Instant endedAt,
    Instant consumedAt,
    Instant archivedAt) {

  public boolean isTerminal() {
    return !state.equals(JdbcSessionRepository.QUEUED)
        && !state.equals(JdbcSessionRepository.RUNNING);
  }

  /** The terminal result, once there is one. */
  public Optional<SessionResult> result() {
    return isTerminal() ? Optional.of(SessionResult.of(state, detail)) : Optional.empty();
  }
}
