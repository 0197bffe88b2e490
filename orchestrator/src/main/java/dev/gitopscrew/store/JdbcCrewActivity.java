package dev.gitopscrew.store;

import dev.gitopscrew.roles.work.CrewActivity;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The digest's reading of the store: requests (root sessions) started in a span by their state,
 * those that went wrong in it (ended failed, whenever they started), incidents opened in it or
 * still open, and approvals waiting now.
 */
public final class JdbcCrewActivity implements CrewActivity {

  // a digest is read by people: each list stops at these many lines
  static final int LINES = 10;

  private final Jdbi jdbi;

  public JdbcCrewActivity(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource);
  }

  @Override
  public Span between(Instant from, Instant to, long asking) {
    OffsetDateTime start = from.atOffset(ZoneOffset.UTC);
    OffsetDateTime end = to.atOffset(ZoneOffset.UTC);
    return jdbi.withHandle(
        h ->
            new Span(
                requests(h, start, end, asking),
                failed(h, start, end),
                incidents(h, start, end),
                waiting(h, end)));
  }

  private static Map<String, Integer> requests(
      Handle h, OffsetDateTime from, OffsetDateTime to, long asking) {
    Map<String, Integer> out = new LinkedHashMap<>();
    h.createQuery(
            "SELECT state, COUNT(*) FROM sessions WHERE parent_id IS NULL AND created_at >= :from"
                + " AND created_at < :to AND id <> :asking GROUP BY state ORDER BY state")
        .bind("asking", asking)
        .bind("from", from)
        .bind("to", to)
        .map((rs, ctx) -> Map.entry(rs.getString(1), rs.getInt(2)))
        .forEach(e -> out.put(e.getKey(), e.getValue()));
    return out;
  }

  private static List<Item> failed(Handle h, OffsetDateTime from, OffsetDateTime to) {
    return h.createQuery(
            "SELECT id, instruction, detail, state, ended_at FROM sessions WHERE parent_id IS NULL"
                + " AND ended_at >= :from AND ended_at < :to AND state IN ('failed',"
                + " 'timed_out', 'interrupted') ORDER BY id DESC")
        .bind("from", from)
        .bind("to", to)
        .setMaxRows(LINES)
        .map(
            (rs, ctx) ->
                new Item(
                    "#" + rs.getLong("id"),
                    firstLine(rs.getString("instruction"))
                        + (rs.getString("detail") == null
                            ? ""
                            : " (" + firstLine(rs.getString("detail")) + ")"),
                    rs.getString("state"),
                    at(rs, "ended_at")))
        .list();
  }

  private static List<Item> incidents(Handle h, OffsetDateTime from, OffsetDateTime to) {
    return h.createQuery(
            "SELECT id, app, app_namespace, severity, state, opened_at FROM incidents WHERE"
                + " (opened_at >= :from AND opened_at < :to) OR state <> 'resolved' ORDER BY id"
                + " DESC")
        .bind("from", from)
        .bind("to", to)
        .setMaxRows(LINES)
        .map(
            (rs, ctx) ->
                new Item(
                    "incident " + rs.getLong("id"),
                    rs.getString("app")
                        + " in "
                        + rs.getString("app_namespace")
                        + (rs.getString("severity") == null
                            ? ""
                            : " (" + rs.getString("severity") + ")"),
                    rs.getString("state"),
                    at(rs, "opened_at")))
        .list();
  }

  private static List<Item> waiting(Handle h, OffsetDateTime now) {
    return h.createQuery(
            "SELECT id, request, requested_at FROM approvals WHERE state = 'pending' AND expires_at"
                + " > :now ORDER BY requested_at")
        .bind("now", now)
        .setMaxRows(LINES)
        .map(
            (rs, ctx) ->
                new Item(
                    rs.getString("id"),
                    firstLine(rs.getString("request")),
                    "pending",
                    at(rs, "requested_at")))
        .list();
  }

  private static Instant at(ResultSet rs, String column) throws SQLException {
    OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static String firstLine(String text) {
    String line = text == null ? "" : text.strip().lines().findFirst().orElse("");
    return line.length() > 120 ? line.substring(0, 119) + "…" : line;
  }
}
