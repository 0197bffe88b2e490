package dev.gitopscrew.assembly;

import dev.gitopscrew.audit.AuditTrail;
import dev.gitopscrew.audit.JdbcAuditLog;
import dev.gitopscrew.forge.local.LocalForgeRecords;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.session.JdbcSessionRepository;
import dev.gitopscrew.store.JdbcIncidentLog;
import dev.gitopscrew.store.JdbcLocalForgeRecords;
import dev.gitopscrew.store.StateStore;
import java.time.Clock;

/**
 * What a command reads from the state store without the crew (sessions, the audit trail, incidents,
 * the local forge), built here with the rest of the object graph, so the CLI and the gateway never
 * construct a store themselves.
 */
public record ReadModels(
    JdbcSessionRepository sessions,
    AuditTrail trail,
    IncidentLog incidents,
    LocalForgeRecords localForge) {

  /** The read models on {@code store}. */
  public static ReadModels on(StateStore store) {
    Clock clock = Clock.systemUTC();
    JdbcSessionRepository sessions = new JdbcSessionRepository(store.dataSource());
    return new ReadModels(
        sessions,
        new AuditTrail(new JdbcAuditLog(store.dataSource()), sessions),
        new JdbcIncidentLog(store.dataSource(), clock),
        new JdbcLocalForgeRecords(store.dataSource(), clock));
  }
}
