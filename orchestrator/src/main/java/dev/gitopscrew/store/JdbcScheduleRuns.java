package dev.gitopscrew.store;

import dev.gitopscrew.schedule.ScheduleRun;
import dev.gitopscrew.schedule.ScheduleRuns;
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
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** Schedule slots in the state store; the unique key on (schedule, slot_at) decides each claim. */
public final class JdbcScheduleRuns implements ScheduleRuns {

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS =
      "id, schedule, slot_at, kind, state, rerun, session_id, outcome, digest, summary, posted,"
          + " started_at, finished_at";

  private final Jdbi jdbi;

  public JdbcScheduleRuns(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource);
  }

  @Override
  public Optional<Long> claim(String schedule, Instant slotAt, String kind, Instant now) {
    try {
      return Optional.of(
          jdbi.withHandle(
              h ->
                  h.createUpdate(
                          "INSERT INTO schedule_runs (schedule, slot_at, kind, state, started_at)"
                              + " VALUES (:schedule, :slot, :kind, 'started', :now)")
                      .bind("schedule", schedule)
                      .bind("slot", at(slotAt))
                      .bind("kind", kind)
                      .bind("now", at(now))
                      .executeAndReturnGeneratedKeys("id")
                      .mapTo(Long.class)
                      .one()));
    } catch (UnableToExecuteStatementException e) {
      if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return Optional.empty(); // claimed already, here or by another replica
      }
      throw e;
    }
  }

  @Override
  public void finish(long id, Result result, Instant now) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE schedule_runs SET rerun = CASE WHEN state = 'rerunning' THEN TRUE"
                        + " ELSE rerun END, state = 'done', session_id = :session, outcome ="
                        + " :outcome, digest = :digest, summary = :summary, posted = :posted,"
                        + " finished_at = :now WHERE id = :id")
                .bind("session", result.sessionId())
                .bind("outcome", result.outcome())
                .bind("digest", result.digest())
                .bind("summary", result.summary())
                .bind("posted", result.posted())
                .bind("now", at(now))
                .bind("id", id)
                .execute());
  }

  @Override
  public Optional<Instant> lastSlot(String schedule) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT MAX(slot_at) FROM schedule_runs WHERE schedule = :s AND kind <>"
                        + " 'manual'")
                .bind("s", schedule)
                .map((rs, ctx) -> instant(rs, 1))
                .findOne()
                .flatMap(Optional::ofNullable));
  }

  @Override
  public Optional<ScheduleRun> lastResult(String schedule, long except) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM schedule_runs WHERE schedule = :s AND id <> :except AND state ="
                        + " 'done' AND digest IS NOT NULL ORDER BY finished_at DESC, id DESC")
                .bind("s", schedule)
                .bind("except", except)
                .setMaxRows(1)
                .map(JdbcScheduleRuns::read)
                .findFirst());
  }

  @Override
  public List<ScheduleRun> history(String schedule, int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM schedule_runs WHERE schedule = :s ORDER BY started_at DESC, id"
                        + " DESC")
                .bind("s", schedule)
                .setMaxRows(Math.max(1, limit))
                .map(JdbcScheduleRuns::read)
                .list());
  }

  @Override
  public List<ScheduleRun> inState(String state) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM schedule_runs WHERE state = :st ORDER BY id")
                .bind("st", state)
                .map(JdbcScheduleRuns::read)
                .list());
  }

  @Override
  public boolean move(long id, String from, String to) {
    return jdbi.withHandle(
            h ->
                h.createUpdate(
                        "UPDATE schedule_runs SET state = :to WHERE id = :id AND state = :from")
                    .bind("to", to)
                    .bind("id", id)
                    .bind("from", from)
                    .execute())
        == 1;
  }

  @Override
  public Optional<ScheduleRun> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM schedule_runs WHERE id = :id")
                .bind("id", id)
                .map(JdbcScheduleRuns::read)
                .findOne());
  }

  private static OffsetDateTime at(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }

  private static ScheduleRun read(ResultSet rs, StatementContext ctx) throws SQLException {
    long session = rs.getLong("session_id");
    Long sessionId = rs.wasNull() ? null : session;
    return new ScheduleRun(
        rs.getLong("id"),
        rs.getString("schedule"),
        instant(rs, "slot_at"),
        rs.getString("kind"),
        rs.getString("state"),
        rs.getBoolean("rerun"),
        sessionId,
        rs.getString("outcome"),
        rs.getString("digest"),
        rs.getString("summary"),
        rs.getBoolean("posted"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }
}
