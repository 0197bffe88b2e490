package dev.gitopscrew.audit;

import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.session.JdbcSessionRepository;
import dev.gitopscrew.session.SessionRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The audit trail as people ask for it: all of it, or what one session and its subtree did. */
public final class AuditTrail {

  private final JdbcAuditLog log;
  private final JdbcSessionRepository sessions;

  public AuditTrail(JdbcAuditLog log, JdbcSessionRepository sessions) {
    this.log = log;
    this.sessions = sessions;
  }

  /** The effects of a session and every session below it; empty when there is no such session. */
  public Optional<List<AuditRecord>> ofSession(long id) {
    Optional<SessionRecord> session = sessions.find(id);
    if (session.isEmpty()) {
      return Optional.empty();
    }
    Set<Long> subtree = new HashSet<>(Set.of(id));
    List<Long> ids = new ArrayList<>(List.of(id));
    for (SessionRecord r : sessions.tree(session.get().rootId())) {
      if (r.parentId() != null && subtree.contains(r.parentId()) && subtree.add(r.id())) {
        ids.add(r.id());
      }
    }
    return Optional.of(log.ofSessions(ids));
  }

  /** The newest effects. */
  public List<AuditRecord> latest(int limit) {
    return log.latest(limit);
  }
}
