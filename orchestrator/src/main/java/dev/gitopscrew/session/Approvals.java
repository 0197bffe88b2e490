package dev.gitopscrew.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/** Approvals in the state store. A decision is one conditional update: it can happen once. */
public final class Approvals {

  private static final String COLUMNS =
      "id, session_id, request, reason, preview, state, requested_at, expires_at, decided_by,"
          + " decided_at, note";

  private final Jdbi jdbi;

  public Approvals(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource);
  }

  public Optional<Approval> find(String id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM approvals WHERE id = :id")
                .bind("id", id)
                .map(Approvals::read)
                .findOne());
  }

  /** The approval a session waits for (or waited for), newest first. */
  public Optional<Approval> ofSession(long sessionId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM approvals WHERE session_id = :s ORDER BY requested_at DESC")
                .bind("s", sessionId)
                .map(Approvals::read)
                .findFirst());
  }

  /** Approvals nobody has decided yet, oldest first. */
  public List<Approval> pending() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM approvals WHERE state = 'pending' ORDER BY requested_at")
                .map(Approvals::read)
                .list());
  }

  /** Records a decision if none was made; false when it already was. */
  boolean decide(String id, String state, String by, String note, Instant now) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE approvals SET state = :state, decided_by = :by, decided_at = :at,"
                            + " note = :note WHERE id = :id AND state = 'pending'")
                    .bind("state", state)
                    .bind("by", by)
                    .bind("at", now.atOffset(ZoneOffset.UTC))
                    .bind("note", note)
                    .bind("id", id)
                    .execute())
        == 1;
  }

  /** Pending approvals past their deadline. */
  List<Approval> expired(Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM approvals WHERE state = 'pending' AND expires_at < :now")
                .bind("now", now.atOffset(ZoneOffset.UTC))
                .map(Approvals::read)
                .list());
  }

  /** Approved requests whose root still waits: a stop came between the decision and the resume. */
  List<Approval> approvedButParked() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT a.id, a.session_id, a.request, a.reason, a.preview, a.state,"
                        + " a.requested_at, a.expires_at, a.decided_by, a.decided_at, a.note"
                        + " FROM approvals a JOIN sessions s ON s.id = a.session_id"
                        + " WHERE a.state = 'approved' AND s.state = 'awaiting_approval'")
                .map(Approvals::read)
                .list());
  }

  private static Approval read(ResultSet rs, StatementContext ctx) throws SQLException {
    return new Approval(
        rs.getString("id"),
        rs.getLong("session_id"),
        rs.getString("request"),
        rs.getString("reason"),
        rs.getString("preview"),
        rs.getString("state"),
        instant(rs, "requested_at"),
        instant(rs, "expires_at"),
        rs.getString("decided_by"),
        instant(rs, "decided_at"),
        rs.getString("note"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
