package dev.gitopscrew.store;

import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Incidents in the state store, their timelines read from the audit trail: a note on an incident is
 * an {@code incident.note} record of the request that opened it.
 */
public final class JdbcIncidentLog implements IncidentLog {

  private static final String COLUMNS =
      "id, app, app_namespace, trigger_event, severity, state, opened_at, resolved_at,"
          + " request_id, summary, runbook, issue_repo, issue_number, report";

  static final String NOTE = "incident.note";

  private final Jdbi jdbi;
  private final Clock clock;

  public JdbcIncidentLog(DataSource dataSource, Clock clock) {
    this.jdbi = Jdbi.create(dataSource);
    this.clock = clock;
  }

  /** The request's own incident comes first: its response opens at most one, even once resolved. */
  @Override
  public synchronized Incident openFor(
      String app, String appNamespace, String trigger, long requestId) {
    return ofRequest(requestId)
        .or(() -> openOf(app))
        .orElseGet(
            () -> {
              long id =
                  jdbi.withHandle(
                      h ->
                          h.createUpdate(
                                  "INSERT INTO incidents (app, app_namespace, trigger_event, state,"
                                      + " opened_at, request_id) VALUES (:app, :ns, :trigger,"
                                      + " 'open', :at, :request)")
                              .bind("app", app)
                              .bind("ns", appNamespace)
                              .bind("trigger", trigger)
                              .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                              .bind("request", requestId)
                              .executeAndReturnGeneratedKeys("id")
                              .mapTo(Long.class)
                              .one());
              return find(id).orElseThrow();
            });
  }

  @Override
  public Optional<Incident> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM incidents WHERE id = :id")
                .bind("id", id)
                .map(JdbcIncidentLog::read)
                .findOne());
  }

  /** The incident the response {@code requestId} works, if it opened or joined one. */
  public Optional<Incident> ofRequest(long requestId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT " + COLUMNS + " FROM incidents WHERE request_id = :r ORDER BY id DESC")
                .bind("r", requestId)
                .map(JdbcIncidentLog::read)
                .findFirst());
  }

  @Override
  public Optional<Incident> openOf(String app) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM incidents WHERE app = :app AND state <> 'resolved' ORDER BY id"
                        + " DESC")
                .bind("app", app)
                .map(JdbcIncidentLog::read)
                .findFirst());
  }

  @Override
  public List<Incident> list(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM incidents ORDER BY id DESC FETCH FIRST :n ROWS ONLY")
                .bind("n", limit)
                .map(JdbcIncidentLog::read)
                .list());
  }

  @Override
  public void update(
      long id,
      String severity,
      String state,
      String summary,
      String runbook,
      String issueRepository,
      Integer issueNumber,
      String report) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE incidents SET severity = COALESCE(:severity, severity), state = :state,"
                        + " summary = COALESCE(:summary, summary), runbook = COALESCE(:runbook,"
                        + " runbook), issue_repo = COALESCE(:repo, issue_repo), issue_number ="
                        + " COALESCE(:issue, issue_number), report = COALESCE(:report, report),"
                        + " resolved_at = :resolved WHERE id = :id")
                .bind("severity", severity)
                .bind("state", state)
                .bind("summary", clip(summary))
                .bind("runbook", runbook)
                .bind("repo", issueRepository)
                .bind("issue", issueNumber)
                .bind("report", report)
                .bind(
                    "resolved",
                    state.equals("resolved") ? clock.instant().atOffset(ZoneOffset.UTC) : null)
                .bind("id", id)
                .execute());
  }

  @Override
  public boolean responding(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                        "SELECT COUNT(*) FROM incidents i JOIN sessions s ON s.id = i.request_id"
                            + " WHERE i.id = :id AND i.state <> 'resolved'"
                            + " AND s.state IN ('queued', 'running', 'awaiting_approval')")
                    .bind("id", id)
                    .mapTo(Integer.class)
                    .one()
                > 0);
  }

  @Override
  public void note(long id, String line) {
    Incident incident =
        find(id).orElseThrow(() -> new IllegalArgumentException("no incident " + id));
    if (incident.requestId() == null) {
      return;
    }
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "INSERT INTO audit (request_id, session_id, agent, channel, requester, kind,"
                        + " target, dry_run, outcome, detail, at) VALUES (:request, :request,"
                        + " 'homelab-admin', 'incident', 'gitops-crew', :kind, :target, FALSE,"
                        + " 'ok', :detail, :at)")
                .bind("request", incident.requestId())
                .bind("kind", NOTE)
                .bind("target", "incident #" + id)
                .bind("detail", clip(line))
                .bind("at", clock.instant().atOffset(ZoneOffset.UTC))
                .execute());
  }

  @Override
  public List<String> timeline(long requestId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT at, agent, kind, target, outcome, artifact, dry_run, detail FROM audit"
                        + " WHERE request_id = :r ORDER BY id")
                .bind("r", requestId)
                .map(
                    (rs, ctx) ->
                        rs.getString("kind").equals(NOTE)
                            ? rs.getObject("at", OffsetDateTime.class).toInstant()
                                + " "
                                + rs.getString("target")
                                + ": "
                                + rs.getString("detail")
                            : rs.getObject("at", OffsetDateTime.class).toInstant()
                                + " "
                                + rs.getString("agent")
                                + " "
                                + rs.getString("kind")
                                + " "
                                + rs.getString("target")
                                + " "
                                + rs.getString("outcome")
                                + (rs.getBoolean("dry_run") ? " (dry run)" : "")
                                + (rs.getString("artifact") == null
                                    ? ""
                                    : " -> " + rs.getString("artifact")))
                .list());
  }

  private static Incident read(ResultSet rs, StatementContext ctx) throws SQLException {
    int issue = rs.getInt("issue_number");
    Integer issueNumber = rs.wasNull() ? null : issue;
    long request = rs.getLong("request_id");
    Long requestId = rs.wasNull() ? null : request;
    return new Incident(
        rs.getLong("id"),
        rs.getString("app"),
        rs.getString("app_namespace"),
        rs.getString("trigger_event"),
        rs.getString("severity"),
        rs.getString("state"),
        instant(rs, "opened_at"),
        instant(rs, "resolved_at"),
        requestId,
        rs.getString("summary"),
        rs.getString("runbook"),
        rs.getString("issue_repo"),
        issueNumber,
        rs.getString("report"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String clip(String s) {
    return s == null || s.length() <= 4000 ? s : s.substring(0, 3999) + "…";
  }
}
