package dev.gitopscrew.session;

import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.store.GroupCommit;
import dev.gitopscrew.store.StateStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/** Sessions in the state store, in plain JDBC. Every method is one short transaction. */
public final class JdbcSessionRepository {

  static final String QUEUED = "queued";
  static final String RUNNING = "running";
  static final String AWAITING_APPROVAL = "awaiting_approval";
  private static final int MAX_TEXT = 100_000;
  private static final String COLUMNS =
      "id, parent_id, root_id, agent, depth, instruction, timeout_ms, state, detail, created_at,"
          + " deadline_at, started_at, ended_at, consumed_at, archived_at, channel, requester,"
          + " result_data";

  private final DataSource dataSource;
  private final GroupCommit writer;

  public JdbcSessionRepository(DataSource dataSource) {
    this(dataSource, null);
  }

  /** Writes go through {@code writer} when there is one, each committed before it returns. */
  JdbcSessionRepository(DataSource dataSource, GroupCommit writer) {
    this.dataSource = dataSource;
    this.writer = writer;
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
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            setLong(ps, 1, s.parentId());
            setLong(ps, 2, s.parentId() == null ? null : s.rootId());
            ps.setString(3, s.task().agent());
            ps.setInt(4, s.depth());
            ps.setString(5, clip(s.task().request().describe()));
            ps.setLong(6, s.timeout().toMillis());
            ps.setString(7, state);
            ps.setObject(8, time(now));
            ps.setObject(9, time(s.deadline()));
            ps.setObject(10, state.equals(RUNNING) ? time(now) : null);
            ps.setString(11, request);
            ps.setString(12, s.origin().channel());
            ps.setString(13, clip(s.origin().requester()));
            ps.setString(14, clipTo(s.task().approvedBy(), 256));
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
              keys.next();
              return keys.getLong(1);
            }
          }
        });
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
    return query("SELECT result_data FROM sessions WHERE id = ?", rs -> rs.getString(1), id)
        .stream()
        .filter(java.util.Objects::nonNull)
        .findFirst();
  }

  /** A session's terminal result as stored; empty while it has none. */
  Optional<SessionResult> resultOf(long id) {
    return query(
            "SELECT state, detail FROM sessions WHERE id = ?",
            rs -> {
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
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE sessions SET state = 'awaiting_approval', detail = ?, deadline_at = ?"
                      + " WHERE id = ? AND state = 'running'")) {
            ps.setString(1, clip(approval.preview()));
            ps.setObject(2, time(approval.expiresAt()));
            ps.setLong(3, id);
            if (ps.executeUpdate() != 1) {
              return false;
            }
          }
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO approvals (id, session_id, request, reason, preview, state,"
                      + " requested_at, expires_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)")) {
            ps.setString(1, approval.id());
            ps.setLong(2, id);
            ps.setString(3, clipTo(approval.request(), 1024));
            ps.setString(4, clipTo(approval.reason(), 1024));
            ps.setString(5, clip(approval.preview()));
            ps.setObject(6, time(approval.requestedAt()));
            ps.setObject(7, time(approval.expiresAt()));
            ps.executeUpdate();
          }
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
            state.equals(RUNNING) ? time(now) : null,
            id)
        == 1;
  }

  /** The request a session was given, as stored. */
  Optional<String> requestJson(long id) {
    return query("SELECT request_json FROM sessions WHERE id = ?", rs -> rs.getString(1), id)
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
            rs -> Map.entry(rs.getString(1), rs.getLong(2)))
        .forEach(e -> counts.put(e.getKey(), e.getValue()));
    return counts;
  }

  /** Sessions not yet ended, oldest first. */
  List<Long> activeIds() {
    return query(
        "SELECT id FROM sessions WHERE state IN ('queued', 'running') ORDER BY id",
        rs -> rs.getLong(1));
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
        rs -> rs.getLong(1));
  }

  /** Requests stored by any replica that no one has started yet, oldest first. */
  List<Long> queuedRoots() {
    return query(
        "SELECT id FROM sessions WHERE state = 'queued' AND parent_id IS NULL ORDER BY id",
        rs -> rs.getLong(1));
  }

  /** Who approved a stored request up front, if anyone. */
  Optional<String> approvedBy(long id) {
    return query("SELECT approved_by FROM sessions WHERE id = ?", rs -> rs.getString(1), id)
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
        rs -> rs.getLong(1),
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
    return write(
        "update sessions",
        c -> {
          try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, args);
            return ps.executeUpdate();
          }
        });
  }

  /** One write, committed before it returns: in the group transaction, or on its own. */
  private <T> T write(String what, GroupCommit.Write<T> write) {
    try {
      if (writer != null) {
        return writer.call(write);
      }
      try (Connection c = dataSource.getConnection()) {
        return write.run(c);
      }
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  private List<SessionRecord> records(String sql, Object... args) {
    return query(sql, JdbcSessionRepository::read, args);
  }

  private <T> List<T> query(String sql, Row<T> row, Object... args) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, args);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(row.read(rs));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure("read sessions", e);
    }
  }

  @FunctionalInterface
  private interface Row<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private static SessionRecord read(ResultSet rs) throws SQLException {
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

  private static void bind(PreparedStatement ps, Object... args) throws SQLException {
    for (int i = 0; i < args.length; i++) {
      ps.setObject(i + 1, args[i]);
    }
  }

  private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, value);
    }
  }

  private static OffsetDateTime time(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
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
}
