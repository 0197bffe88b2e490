package dev.gitopscrew.store;

import dev.gitopscrew.effect.Redactor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Webhook deliveries in the state store: written before the sender is answered, so an accepted
 * delivery is never lost, and unique per source and key, so a repeat is recognised by the database
 * itself even when two arrive at once.
 */
public final class JdbcDeliveries implements AutoCloseable {

  /** One delivery as stored. */
  public record Delivery(
      long id,
      String source,
      String key,
      Instant receivedAt,
      String payload,
      String state,
      Long sessionId,
      String note) {}

  /** The outcome of recording a delivery: new, or a repeat of an earlier one. */
  public record Recorded(long id, boolean duplicate) {}

  private static final String UNIQUE_VIOLATION = "23505";
  private static final String COLUMNS =
      "id, source, dedupe_key, received_at, payload, state, session_id, note";

  private final Jdbi jdbi;
  private final GroupCommit writer;
  private final Clock clock;
  private final Redactor redactor;

  /**
   * @param redactor keeps a known secret that a sender put into a delivery (say, a token inside an
   *     Argo CD revision) out of the store and of everything that shows deliveries
   */
  public JdbcDeliveries(DataSource dataSource, Clock clock, Redactor redactor) {
    this.redactor = redactor;
    this.jdbi = Jdbi.create(dataSource);
    this.writer = new GroupCommit(dataSource, "delivery");
    this.clock = clock;
  }

  /**
   * Stores a new delivery as {@code accepted}, or finds the earlier one with the same key. Writes
   * go through a group commit, so a burst of deliveries costs a few commits, not one each; each in
   * its own savepoint, so a repeat (the unique key refusing it) never undoes the others.
   */
  public Recorded record(String source, String key, String payload) {
    String cleanKey = redactor.redact(key);
    // a repeat is answered from what the unique index already holds, without queueing behind the
    // writer; one arriving while its first copy is being written is caught by the writer's look-up
    Optional<Long> committed;
    try {
      committed = jdbi.withHandle(h -> idOf(h.getConnection(), source, cleanKey));
    } catch (SQLException | org.jdbi.v3.core.JdbiException e) {
      Throwable cause = e.getCause() instanceof SQLException sql ? sql : e;
      throw new StateStoreException("cannot read the deliveries: " + cause.getMessage(), e);
    }
    if (committed.isPresent()) {
      return new Recorded(committed.get(), true);
    }
    String cleanPayload = redactor.redact(payload);
    try {
      return writer.call(c -> record(c, source, cleanKey, cleanPayload));
    } catch (SQLException e) {
      throw new StateStoreException("cannot store the delivery: " + e.getMessage(), e);
    }
  }

  private Recorded record(Connection c, String source, String key, String payload)
      throws SQLException {
    Optional<Long> earlier = idOf(c, source, key);
    if (earlier.isPresent()) {
      return new Recorded(earlier.get(), true);
    }
    Savepoint before = c.setSavepoint();
    try (PreparedStatement insert =
        c.prepareStatement(
            "INSERT INTO webhook_deliveries (source, dedupe_key, received_at, payload, state)"
                + " VALUES (?, ?, ?, ?, 'accepted')",
            new String[] {"id"})) {
      insert.setString(1, source);
      insert.setString(2, key);
      insert.setObject(3, clock.instant().atOffset(ZoneOffset.UTC));
      insert.setString(4, payload);
      insert.executeUpdate();
      try (ResultSet keys = insert.getGeneratedKeys()) {
        keys.next();
        return new Recorded(keys.getLong(1), false);
      }
    } catch (SQLException e) {
      // another gateway sharing the store took the key between the look-up and the insert
      if (ReopeningDataSource.closedAndShutDown(c)) {
        throw e; // the store is gone (a full disk): nothing to undo
      }
      c.rollback(before);
      if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
        return new Recorded(idOf(c, source, key).orElseThrow(() -> e), true);
      }
      throw e;
    }
  }

  private static Optional<Long> idOf(Connection c, String source, String key) throws SQLException {
    try (PreparedStatement select =
        c.prepareStatement(
            "SELECT id FROM webhook_deliveries WHERE source = ? AND dedupe_key = ?")) {
      select.setString(1, source);
      select.setString(2, key);
      try (ResultSet rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  /** Deliveries accepted but not yet worked, oldest first (after a restart, too). */
  public List<Delivery> pending() {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM webhook_deliveries WHERE state = 'accepted' ORDER BY id")
                .map(JdbcDeliveries::read)
                .list());
  }

  public Optional<Delivery> find(long id) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT " + COLUMNS + " FROM webhook_deliveries WHERE id = :id")
                .bind("id", id)
                .map(JdbcDeliveries::read)
                .findOne());
  }

  /** The latest deliveries, newest first. */
  public List<Delivery> recent(int limit) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + COLUMNS
                        + " FROM webhook_deliveries ORDER BY id DESC FETCH FIRST :n ROWS ONLY")
                .bind("n", limit)
                .map(JdbcDeliveries::read)
                .list());
  }

  /** How many deliveries are in each state. */
  public Map<String, Integer> counts() {
    Map<String, Integer> counts = new TreeMap<>();
    jdbi.useHandle(
        h ->
            h.createQuery("SELECT state, COUNT(*) AS n FROM webhook_deliveries GROUP BY state")
                .map((rs, ctx) -> Map.entry(rs.getString("state"), rs.getInt("n")))
                .forEach(e -> counts.put(e.getKey(), e.getValue())));
    return counts;
  }

  /** Records how a delivery was worked: {@code processed}, {@code skipped} or {@code failed}. */
  public void finish(long id, String state, Long sessionId, String note) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "UPDATE webhook_deliveries SET state = :state, session_id = :session, note ="
                        + " :note WHERE id = :id")
                .bind("state", state)
                .bind("session", sessionId)
                .bind(
                    "note", note == null || note.length() <= 2000 ? note : note.substring(0, 1999))
                .bind("id", id)
                .execute());
  }

  private static Delivery read(java.sql.ResultSet rs, org.jdbi.v3.core.statement.StatementContext c)
      throws SQLException {
    long session = rs.getLong("session_id");
    Long sessionId = rs.wasNull() ? null : session;
    return new Delivery(
        rs.getLong("id"),
        rs.getString("source"),
        rs.getString("dedupe_key"),
        rs.getObject("received_at", OffsetDateTime.class).toInstant(),
        rs.getString("payload"),
        rs.getString("state"),
        sessionId,
        rs.getString("note"));
  }

  /** Stops the writer after what is queued. */
  @Override
  public void close() {
    writer.close();
  }
}
