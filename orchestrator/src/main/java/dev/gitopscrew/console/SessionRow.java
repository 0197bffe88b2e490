package dev.gitopscrew.console;

import dev.gitopscrew.session.SessionRecord;

/** One session as a row of the console's tables. */
public record SessionRow(
    long id,
    long rootId,
    String agent,
    String state,
    String channel,
    String requester,
    String instruction,
    String created,
    String took,
    String result) {

  static SessionRow of(SessionRecord s) {
    return new SessionRow(
        s.id(),
        s.rootId(),
        s.agent(),
        s.state(),
        s.channel() == null ? "" : s.channel(),
        s.requester() == null ? "" : s.requester(),
        ConsolePages.clip(s.instruction(), 90),
        ConsolePages.time(s.createdAt()),
        ConsolePages.duration(
            s.startedAt() == null ? s.createdAt() : s.startedAt(),
            s.isTerminal() ? s.endedAt() : null),
        ConsolePages.clip(ConsolePages.firstLine(s.detail()), 140));
  }
}
