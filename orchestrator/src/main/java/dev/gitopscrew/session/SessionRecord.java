package dev.gitopscrew.session;

import dev.gitopscrew.roles.work.SessionResult;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One session as stored: who ran what, where it sits in its tree, how it ended, and where its
 * request came from ({@code channel} and {@code requester}; null for sessions stored before they
 * were kept).
 */
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
    Instant archivedAt,
    String channel,
    String requester,
    String data) {

  public boolean isTerminal() {
    return !state.equals(JdbcSessionRepository.QUEUED)
        && !state.equals(JdbcSessionRepository.RUNNING)
        && !state.equals(JdbcSessionRepository.AWAITING_APPROVAL);
  }

  /** The terminal result, once there is one. */
  public Optional<SessionResult> result() {
    return isTerminal() ? Optional.of(SessionResult.of(state, detail)) : Optional.empty();
  }
}
