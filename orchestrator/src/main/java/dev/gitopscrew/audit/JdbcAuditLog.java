package dev.gitopscrew.audit;

import dev.gitopscrew.effect.AuditLog;
import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.store.StateStoreException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The audit trail in the state store: appended by every session's door, read by the CLI and API.
 */
public final class JdbcAuditLog implements AuditLog {

  private static final int DETAIL = 4000;
  private static final int TEXT = 1024;
  public static final String COLUMNS =
      "id, request_id, session_id, agent, channel, requester, kind, target, artifact, dry_run,"
          + " outcome, detail, at";

  private final Jdbi jdbi;

  public JdbcAuditLog(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource);
  }

  @Override
  public void append(AuditRecord r) {
    try {
      jdbi.useHandle(
          h ->
              h.createUpdate(
                      "INSERT INTO audit (request_id, session_id, agent, channel, requester, kind,"
                          + " target, artifact, dry_run, outcome, detail, at) VALUES (:request,"
                          + " :session, :agent, :channel, :requester, :kind, :target, :artifact,"
                          + " :dryRun, :outcome, :detail, :at)")
                  .bind("request", r.requestId())
                  .bind("session", r.sessionId())
                  .bind("agent", r.agent())
                  .bind("channel", r.channel())
                  .bind("requester", clip(r.requester(), 256))
                  .bind("kind", r.kind())
                  .bind("target", clip(r.target(), TEXT))
                  .bind("artifact", clip(r.artifact(), TEXT))
                  .bind("dryRun", r.dryRun())
                  .bind("outcome", r.outcome())
                  .bind("detail", clip(r.detail(), DETAIL))
                  .bind("at", r.at().atOffset(ZoneOffset.UTC))
                  .execute());
    } catch (JdbiException e) {
      throw new StateStoreException("cannot append to the audit trail: " + e.getMessage(), e);
    }
  }

  /** The records of the given sessions, oldest first. */
  public List<AuditRecord> ofSessions(List<Long> sessions) {
    if (sessions.isEmpty()) {
      return List.of();
    }
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + COLUMNS + " FROM audit WHERE session_id IN (<ids>) ORDER BY id")
                .bindList("ids", sessions)
                .map(JdbcAuditLog::read)
                .list());
  }

  /** The newest records, oldest of them first. */
  public List<AuditRecord> latest(int limit) {
    List<AuditRecord> newest =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT "
                            + COLUMNS
                            + " FROM audit ORDER BY id DESC FETCH FIRST :n ROWS ONLY")
                    .bind("n", limit)
                    .map(JdbcAuditLog::read)
                    .list());
    java.util.Collections.reverse(newest);
    return newest;
  }

  public static AuditRecord read(ResultSet rs, StatementContext ctx) throws SQLException {
    return new AuditRecord(
        rs.getLong("id"),
        rs.getLong("request_id"),
        rs.getLong("session_id"),
        rs.getString("agent"),
        rs.getString("channel"),
        rs.getString("requester"),
        rs.getString("kind"),
        rs.getString("target"),
        rs.getString("artifact"),
        rs.getBoolean("dry_run"),
        rs.getString("outcome"),
        rs.getString("detail"),
        rs.getObject("at", OffsetDateTime.class).toInstant());
  }

  private static String clip(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }
}
