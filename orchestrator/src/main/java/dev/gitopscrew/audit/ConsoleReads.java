package dev.gitopscrew.audit;

import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.session.JdbcSessionRepository;
import dev.gitopscrew.session.SessionRecord;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The web console's filtered pages of sessions and audit records: newest first, a page at a time by
 * id (keyset, so page 200 costs what page 1 does), each one query on an index.
 */
public final class ConsoleReads {

  /** Which sessions a list shows; a null or blank member does not filter. */
  public record SessionFilter(
      String agent, String state, String channel, String requester, boolean requestsOnly) {}

  /**
   * Which audit records a page shows: {@code session} is a session and its subtree; {@code target}
   * matches any part of the target.
   */
  public record AuditFilter(
      Long session, String agent, String kind, String target, Instant from, Instant to) {}

  /** One page and whether an older one follows. */
  public record Page<T>(List<T> rows, boolean more) {
    public Long next(java.util.function.ToLongFunction<T> id) {
      return more && !rows.isEmpty() ? id.applyAsLong(rows.get(rows.size() - 1)) : null;
    }
  }

  private final Jdbi jdbi;
  private final dev.gitopscrew.session.Approvals approvals;

  public ConsoleReads(DataSource dataSource) {
    this.jdbi = Jdbi.create(dataSource);
    this.approvals = new dev.gitopscrew.session.Approvals(dataSource);
  }

  /** The approval a request's root waits for, or waited for. */
  public java.util.Optional<dev.gitopscrew.session.Approval> approval(long rootId) {
    return approvals.ofSession(rootId);
  }

  public Page<SessionRecord> sessions(SessionFilter f, Long before, int size) {
    Where where = new Where();
    where.equal("agent", f.agent());
    where.equal("state", f.state());
    where.equal("channel", f.channel());
    where.equal("requester", f.requester());
    if (f.requestsOnly()) {
      where.add("parent_id IS NULL", null, null);
    }
    where.before(before);
    return page(
        "SELECT " + JdbcSessionRepository.COLUMNS + " FROM sessions",
        where,
        size,
        JdbcSessionRepository::read);
  }

  public Page<AuditRecord> audit(AuditFilter f, Long before, int size) {
    Where where = new Where();
    if (f.session() != null) {
      // the session's subtree: a root's request, else itself and its children (depth is at most 2)
      where.add(
          "(request_id = :session OR session_id = :session OR session_id IN (SELECT id FROM"
              + " sessions WHERE parent_id = :session))",
          "session",
          f.session());
    }
    where.equal("agent", f.agent());
    where.equal("kind", f.kind());
    if (f.target() != null && !f.target().isBlank()) {
      where.add("LOWER(target) LIKE :target ESCAPE '\\'", "target", like(f.target()));
    }
    if (f.from() != null) {
      where.add("at >= :from", "from", OffsetDateTime.ofInstant(f.from(), ZoneOffset.UTC));
    }
    if (f.to() != null) {
      where.add("at < :to", "to", OffsetDateTime.ofInstant(f.to(), ZoneOffset.UTC));
    }
    where.before(before);
    return page("SELECT " + JdbcAuditLog.COLUMNS + " FROM audit", where, size, JdbcAuditLog::read);
  }

  /** The first {@code size} sessions of a request's tree, in the order they were spawned. */
  public Page<SessionRecord> tree(long rootId, int size) {
    List<SessionRecord> rows =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "SELECT "
                            + JdbcSessionRepository.COLUMNS
                            + " FROM sessions WHERE root_id = :root OR id = :root ORDER BY id"
                            + " FETCH FIRST :n ROWS ONLY")
                    .bind("root", rootId)
                    .bind("n", size + 1)
                    .map(JdbcSessionRepository::read)
                    .list());
    boolean more = rows.size() > size;
    return new Page<>(more ? List.copyOf(rows.subList(0, size)) : rows, more);
  }

  /** The first {@code size} effects of a request (its root session and every session below). */
  public List<AuditRecord> effects(long rootId, int size) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "SELECT "
                        + JdbcAuditLog.COLUMNS
                        + " FROM audit WHERE request_id = :root ORDER BY id FETCH FIRST :n ROWS"
                        + " ONLY")
                .bind("root", rootId)
                .bind("n", size)
                .map(JdbcAuditLog::read)
                .list());
  }

  /** How many sessions a request's tree holds, its root (whose root_id is null) included. */
  public long treeSize(long rootId) {
    return jdbi.withHandle(
        h ->
            h.createQuery("SELECT COUNT(*) FROM sessions WHERE root_id = :root OR id = :root")
                .bind("root", rootId)
                .mapTo(Long.class)
                .one());
  }

  private <T> Page<T> page(
      String select, Where where, int size, org.jdbi.v3.core.mapper.RowMapper<T> mapper) {
    List<T> rows =
        jdbi.withHandle(
            h -> {
              Query q =
                  h.createQuery(
                      select + where.sql() + " ORDER BY id DESC FETCH FIRST :n ROWS ONLY");
              where.values.forEach(q::bind);
              return q.bind("n", size + 1).map(mapper).list();
            });
    boolean more = rows.size() > size;
    return new Page<>(more ? List.copyOf(rows.subList(0, size)) : rows, more);
  }

  private static String like(String text) {
    String escaped =
        text.strip()
            .toLowerCase(java.util.Locale.ROOT)
            .replace("\\", "\\\\")
            .replace("%", "\\%")
            .replace("_", "\\_");
    return "%" + escaped + "%";
  }

  /** The conditions of one query, each value bound by name, never written into the SQL. */
  private static final class Where {
    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();

    void equal(String column, String value) {
      if (value != null && !value.isBlank()) {
        add(column + " = :" + column, column, value.strip());
      }
    }

    void before(Long id) {
      if (id != null) {
        add("id < :before", "before", id);
      }
    }

    void add(String condition, String name, Object value) {
      conditions.add(condition);
      if (name != null) {
        values.put(name, value);
      }
    }

    String sql() {
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
  }
}
