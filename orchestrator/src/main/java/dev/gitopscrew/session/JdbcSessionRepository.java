package dev.gitopscrew.session;

import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.store.GroupCommit;
import dev.gitopscrew.store.StateStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ObjectArgument;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * Sessions in the state store, through Jdbi. Every method is one short transaction; writes go in
 * the group-commit writer's transaction when there is one, on the connection it lends.
 */
public final class JdbcSessionRepository {

  static final String QUEUED = "queued";
  static final String RUNNING = "running";
  static final String AWAITING_APPROVAL = "awaiting_approval";
  private static final int MAX_TEXT = 100_000;

  /** Every column of a session row, in the order {@link #read} reads them. */
  public static final String COLUMNS =
      "id, parent_id, root_id, agent, depth, instruction, timeout_ms, state, detail, created_at,"
          + " deadline_at, started_at, ended_at, consumed_at, archived_at, channel, requester,"
          + " result_data";

  private final Jdbi jdbi;
  private final GroupCommit writer;
  // the group transaction's connection, while the writer thread runs one of these writes in it
  private final ThreadLocal<Connection> lent = new ThreadLocal<>();

  public JdbcSessionRepository(DataSource dataSource) {
    this(dataSource, null);
  }

  /** Writes go through {@code writer} when there is one, each committed before it returns. */
  public JdbcSessionRepository(DataSource dataSource, GroupCommit writer) {
    this.writer = writer;
    this.jdbi =
        Jdbi.create(
            new ConnectionFactory() {
              @Override
              public Connection openConnection() throws SQLException {
                Connection c = lent.get();
                return c != null ? c : dataSource.getConnection();
              }

              @Override
              public void closeConnection(Connection c) throws SQLException {
                if (c != lent.get()) {
                  c.close();
                }
              }
            });
  }

  /** Stores a new session, {@code queued} or already {@code running}, and returns its id. */
  long insert(LiveSession s, String state, Instant now) {
    String sql =
        "INSERT INTO sessions (parent_id, root_id, agent, depth, instruction, timeout_ms, state,"
            + " created_at, deadline_at, started_at, request_json, channel, requester,"
            + " approved_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    // serialised before the write, so the group transaction holds no JSON work
    String request = RequestJson.write(s.task().request());
    return write(
        "store a new session",
        h ->
            h.createUpdate(sql)
                .bind(0, s.parentId())
                .bind(1, s.parentId() == null ? null : (Long) s.rootId())
                .bind(2, s.task().agent())
                .bind(3, s.depth())
                .bind(4, clip(s.task().request().describe()))
                .bind(5, s.timeout().toMillis())
                .bind(6, state)
                .bind(7, time(now))
                .bind(8, time(s.deadline()))
                .bind(9, state.equals(RUNNING) ? time(now) : time(null))
                .bind(10, request)
                .bind(11, s.origin().channel())
                .bind(12, clip(s.origin().requester()))
                .bind(13, clipTo(s.task().approvedBy(), 256))
                .executeAndReturnGeneratedKeys("id")
                .mapTo(Long.class)
                .one());
  }

  /** Moves a queued session to running; false when it already ended (timed out, cancelled). */
  boolean markRunning(long id, Instant now) {
    return update(
            "UPDATE sessions SET state = 'running', started_at = ? WHERE id = ? AND state = 'queued'",
            time(now),
            id)
        == 1;
  }

  /**
   * Ends a session with its one terminal result. The condition on the state makes this the only
   * write that can end it: a late success after a timeout or cancel changes nothing.
   */
  boolean end(long id, SessionResult result, Instant now) {
    return end(id, result, null, now);
  }

  /** {@link #end(long, SessionResult, Instant)}, with the work's structured data (JSON). */
  boolean end(long id, SessionResult result, String data, Instant now) {
    return update(
            "UPDATE sessions SET state = ?, detail = ?, result_data = ?, ended_at = ?"
                + " WHERE id = ? AND state IN ('queued', 'running', 'awaiting_approval')",
            result.state(),
            clip(result.detail()),
            data,
            time(now),
            id)
        == 1;
  }

  /** The structured data a session's work produced, if any. */
  Optional<String> dataOf(long id) {
    return query("SELECT result_data FROM sessions WHERE id = ?", (rs, ctx) -> rs.getString(1), id)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /** A session's terminal result as stored; empty while it has none. */
  Optional<SessionResult> resultOf(long id) {
    return query(
            "SELECT state, detail FROM sessions WHERE id = ?",
            (rs, ctx) -> {
              String state = rs.getString(1);
              return state.equals(QUEUED)
                      || state.equals(RUNNING)
                      || state.equals(AWAITING_APPROVAL)
                  ? Optional.<SessionResult>empty()
                  : Optional.of(SessionResult.of(state, rs.getString(2)));
            },
            id)
        .stream()
        .findFirst()
        .flatMap(r -> r);
  }

  /**
   * Parks a running root until a person decides: its state, the dry run as its detail, the
   * approval's deadline as its own, and the approval row, in one transaction. False when the
   * session was no longer running (timed out or cancelled meanwhile).
   */
  boolean park(long id, Approval approval) {
    return write(
        "park a session for approval",
        h -> {
          int parked =
              h.createUpdate(
                      "UPDATE sessions SET state = 'awaiting_approval', detail = ?, deadline_at = ?"
                          + " WHERE id = ? AND state = 'running'")
                  .bind(0, clip(approval.preview()))
                  .bind(1, time(approval.expiresAt()))
                  .bind(2, id)
                  .execute();
          if (parked != 1) {
            return false;
          }
          h.createUpdate(
                  "INSERT INTO approvals (id, session_id, request, reason, preview, state,"
                      + " requested_at, expires_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)")
              .bind(0, approval.id())
              .bind(1, id)
              .bind(2, clipTo(approval.request(), 1024))
              .bind(3, clipTo(approval.reason(), 1024))
              .bind(4, clip(approval.preview()))
              .bind(5, time(approval.requestedAt()))
              .bind(6, time(approval.expiresAt()))
              .execute();
          return true;
        });
  }

  /** Takes a parked root back to work; false when it is no longer waiting. */
  boolean resume(long id, String state, Instant deadline, Instant now) {
    return update(
            "UPDATE sessions SET state = ?, deadline_at = ?, started_at = ?, detail = NULL"
                + " WHERE id = ? AND state = 'awaiting_approval'",
            state,
            time(deadline),
            state.equals(RUNNING) ? time(now) : time(null),
            id)
        == 1;
  }

  /** The request a session was given, as stored. */
  Optional<String> requestJson(long id) {
    return query("SELECT request_json FROM sessions WHERE id = ?", (rs, ctx) -> rs.getString(1), id)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /** Stamps a root session's result as handed to whoever made the request. */
  void markConsumed(long id, Instant now) {
    update(
        "UPDATE sessions SET consumed_at = ? WHERE id = ? AND consumed_at IS NULL", time(now), id);
  }

  public Optional<SessionRecord> find(long id) {
    List<SessionRecord> found = records("SELECT " + COLUMNS + " FROM sessions WHERE id = ?", id);
    return found.stream().findFirst();
  }

  /** A whole tree, root first, in creation order. */
  public List<SessionRecord> tree(long rootId) {
    return records(
        "SELECT " + COLUMNS + " FROM sessions WHERE id = ? OR root_id = ? ORDER BY id",
        rootId,
        rootId);
  }

  /** The children of one session, in creation order. */
  public List<SessionRecord> children(long parentId) {
    return records(
        "SELECT " + COLUMNS + " FROM sessions WHERE parent_id = ? ORDER BY id", parentId);
  }

  /** The newest sessions first; archived ones only when asked. */
  public List<SessionRecord> list(boolean includeArchived, int limit) {
    String where = includeArchived ? "" : " WHERE archived_at IS NULL";
    return records(
        "SELECT "
            + COLUMNS
            + " FROM sessions"
            + where
            + " ORDER BY id DESC FETCH FIRST ? ROWS ONLY",
        limit);
  }

  /** How many sessions are in each state. */
  public Map<String, Long> countByState() {
    Map<String, Long> counts = new LinkedHashMap<>();
    query(
            "SELECT state, COUNT(*) FROM sessions GROUP BY state ORDER BY state",
            (rs, ctx) -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  /** Sessions not yet ended, oldest first. */
  List<Long> activeIds() {
    return query(
        "SELECT id FROM sessions WHERE state IN ('queued', 'running') ORDER BY id",
        (rs, ctx) -> rs.getLong(1));
  }

  /**
   * What a leader that died left behind on a shared store: sessions running, and children queued
   * (their parents' work is gone). Queued roots are not among them: they never started, and the new
   * leader runs them.
   */
  List<Long> leftoverIds() {
    return query(
        "SELECT id FROM sessions WHERE state = 'running'"
            + " OR (state = 'queued' AND parent_id IS NOT NULL) ORDER BY id",
        (rs, ctx) -> rs.getLong(1));
  }

  /** Requests stored by any replica that no one has started yet, oldest first. */
  List<Long> queuedRoots() {
    return query(
        "SELECT id FROM sessions WHERE state = 'queued' AND parent_id IS NULL ORDER BY id",
        (rs, ctx) -> rs.getLong(1));
  }

  /** Who approved a stored request up front, if anyone. */
  Optional<String> approvedBy(long id) {
    return query("SELECT approved_by FROM sessions WHERE id = ?", (rs, ctx) -> rs.getString(1), id)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /** Of these sessions, those the store says have ended (another replica cancelled them). */
  List<Long> endedAmong(java.util.Collection<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", java.util.Collections.nCopies(ids.size(), "?"));
    return query(
        "SELECT id FROM sessions WHERE id IN ("
            + marks
            + ") AND state NOT IN ('queued', 'running', 'awaiting_approval')",
        (rs, ctx) -> rs.getLong(1),
        ids.toArray());
  }

  /** Marks sessions that ended before {@code endedBefore} archived; returns how many. */
  int archive(Instant endedBefore, Instant now) {
    return update(
        "UPDATE sessions SET archived_at = ? WHERE archived_at IS NULL AND ended_at < ?",
        time(now),
        time(endedBefore));
  }

  private int update(String sql, Object... args) {
    return write("update sessions", h -> bind(h.createUpdate(sql), args).execute());
  }

  /**
   * One write, committed before it returns: in the group transaction, on the connection the writer
   * lends, or in a transaction of its own.
   */
  private <T> T write(String what, Function<Handle, T> work) {
    try {
      if (writer != null) {
        return writer.call(c -> onLent(c, work));
      }
      return jdbi.inTransaction(work::apply);
    } catch (SQLException e) {
      throw failure(what, e);
    } catch (JdbiException e) {
      throw failure(what, e);
    }
  }

  private <T> T onLent(Connection c, Function<Handle, T> work) throws SQLException {
    lent.set(c);
    try {
      return jdbi.withHandle(work::apply);
    } catch (JdbiException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw sql; // the writer rolls back to its savepoint and hands the caller the SQL error
      }
      throw e;
    } finally {
      lent.remove();
    }
  }

  private List<SessionRecord> records(String sql, Object... args) {
    return query(sql, JdbcSessionRepository::read, args);
  }

  private <T> List<T> query(String sql, RowMapper<T> row, Object... args) {
    try {
      return jdbi.withHandle(h -> bind(h.createQuery(sql), args).map(row).list());
    } catch (JdbiException e) {
      throw failure("read sessions", e);
    }
  }

  private static <S extends SqlStatement<S>> S bind(S statement, Object... args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i] instanceof Argument a) {
        statement.bind(i, a);
      } else {
        statement.bind(i, args[i]);
      }
    }
    return statement;
  }

  public static SessionRecord read(ResultSet rs, StatementContext ctx) throws SQLException {
    long id = rs.getLong("id");
    long parent = rs.getLong("parent_id");
    Long parentId = rs.wasNull() ? null : parent;
    long root = rs.getLong("root_id");
    long rootId = rs.wasNull() ? id : root;
    return new SessionRecord(
        id,
        parentId,
        rootId,
        rs.getString("agent"),
        rs.getInt("depth"),
        rs.getString("instruction"),
        Duration.ofMillis(rs.getLong("timeout_ms")),
        rs.getString("state"),
        rs.getString("detail"),
        instant(rs, "created_at"),
        instant(rs, "deadline_at"),
        instant(rs, "started_at"),
        instant(rs, "ended_at"),
        instant(rs, "consumed_at"),
        instant(rs, "archived_at"),
        rs.getString("channel"),
        rs.getString("requester"),
        rs.getString("result_data"));
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  /** A time as the columns take it: with its offset (UTC), as {@code setObject} binds it. */
  private static Argument time(Instant t) {
    return t == null
        ? ObjectArgument.of(null, Types.TIMESTAMP_WITH_TIMEZONE)
        : ObjectArgument.of(t.atOffset(ZoneOffset.UTC));
  }

  private static String clipTo(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String clip(String text) {
    return text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT - 20) + " …(truncated)";
  }

  private static StateStoreException failure(String what, SQLException e) {
    return new StateStoreException("cannot " + what + ": " + e.getMessage(), e);
  }

  private static StateStoreException failure(String what, JdbiException e) {
    return e.getCause() instanceof SQLException sql
        ? failure(what, sql)
        : new StateStoreException("cannot " + what + ": " + e.getMessage(), e);
  }
}
