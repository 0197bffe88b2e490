package dev.gitopscrew.session;

import java.time.Instant;
import java.util.List;

/** A session as the API and CLI show it; the same shape whether read in-process or over HTTP. */
public record SessionView(
    long id,
    Long parentId,
    long rootId,
    String agent,
    int depth,
    String instruction,
    String state,
    String detail,
    Instant createdAt,
    Instant deadlineAt,
    Instant endedAt,
    Instant archivedAt,
    String channel,
    String requester) {

  public static SessionView of(SessionRecord r) {
    return new SessionView(
        r.id(),
        r.parentId(),
        r.rootId(),
        r.agent(),
        r.depth(),
        r.instruction(),
        r.state(),
        r.detail(),
        r.createdAt(),
        r.deadlineAt(),
        r.endedAt(),
        r.archivedAt(),
        r.channel(),
        r.requester());
  }

  public static List<SessionView> of(List<SessionRecord> records) {
    return records.stream().map(SessionView::of).toList();
  }

  public boolean terminal() {
    return !state.equals("queued")
        && !state.equals("running")
        && !state.equals("awaiting_approval");
  }
}
