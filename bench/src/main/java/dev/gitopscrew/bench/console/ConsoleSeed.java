package dev.gitopscrew.bench.console;

import dev.gitopscrew.bench.console.SessionTrees.Session;
import dev.gitopscrew.store.StateStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;

/**
 * A store as a crew leaves it after a busy week: {@link #SESSIONS} sessions (mostly root requests
 * of the five agents from every channel and requester, some with owners and leaf workers below, one
 * drill-like tree of {@link #DRILL} sessions), {@link #AUDIT} audit records spread over them and
 * over the days, a few incidents (one whose response has a timeline) and a few approvals waiting.
 * Every session has ended but those waiting for approval, so the gateway opened on it resumes
 * nothing. Written with JDBC batches into a store its migrations made.
 */
final class ConsoleSeed {

  static final int SESSIONS = 10_000;
  static final int AUDIT = 50_000;
  static final int DRILL = 40;
  static final int BATCH = 1_000;

  /** What the pages are pointed at. */
  record Seeded(
      long drillRoot,
      long treeRoot,
      long incidentWithTimeline,
      Instant windowFrom,
      List<String> approvals) {}

  private ConsoleSeed() {}

  static Seeded seed(Path stateDir) throws SQLException {
    Random random = new Random(20261207);
    Instant now = Instant.now();
    Instant start = now.minus(SessionTrees.WEEK);
    SessionTrees.Trees trees = SessionTrees.generate(random, start);
    write(stateDir, trees, random, now);
    return new Seeded(
        trees.drillRoot(),
        trees.treeRoot(),
        1,
        start.plus(Duration.ofDays(3)),
        trees.awaiting().stream().map(ConsoleSeed::approvalId).toList());
  }

  /**
   * One transaction into a store its migrations made. The sessions' times and then the audit draw
   * on after the trees from the one {@link Random}, in this order, so every run writes the same
   * rows.
   */
  private static void write(Path stateDir, SessionTrees.Trees trees, Random random, Instant now)
      throws SQLException {
    long incidentRoot = trees.incidentRoot();
    try (StateStore store = StateStore.openEmbedded(stateDir);
        Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      insertSessions(c, trees.sessions(), random);
      AuditSeed.insert(c, trees.sessions(), random, trees.drillRoot(), incidentRoot);
      insertIncidents(c, trees.sessions(), now, incidentRoot);
      insertApprovals(c, trees.awaiting(), now);
      try (Statement s = c.createStatement()) {
        // rows were written with their ids: the store's own inserts continue after them
        s.execute("ALTER TABLE sessions ALTER COLUMN id RESTART WITH " + (trees.lastId() + 1));
        s.execute("ALTER TABLE audit ALTER COLUMN id RESTART WITH " + (AUDIT + 1));
        s.execute("ALTER TABLE incidents ALTER COLUMN id RESTART WITH 100");
      }
      c.commit();
    }
  }

  private static void insertSessions(Connection c, List<Session> sessions, Random random)
      throws SQLException {
    String sql =
        "INSERT INTO sessions (id, parent_id, root_id, agent, depth, instruction, timeout_ms,"
            + " state, detail, created_at, deadline_at, started_at, ended_at, consumed_at,"
            + " request_json, channel, requester) VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      int n = 0;
      for (Session s : sessions) {
        boolean waiting = s.state().equals("awaiting_approval");
        Instant ended = s.created().plusMillis(800 + random.nextInt(120_000));
        p.setLong(1, s.id());
        if (s.parentId() == null) {
          p.setNull(2, Types.BIGINT);
          p.setNull(3, Types.BIGINT);
        } else {
          p.setLong(2, s.parentId());
          p.setLong(3, s.rootId());
        }
        p.setString(4, s.agent());
        p.setInt(5, s.depth());
        p.setString(6, instruction(s));
        p.setLong(7, 600_000);
        p.setString(8, s.state());
        p.setString(9, waiting ? null : detail(s));
        p.setObject(10, time(s.created()));
        p.setObject(11, time(s.created().plusSeconds(600)));
        p.setObject(12, waiting ? null : time(s.created().plusMillis(20)));
        p.setObject(13, waiting ? null : time(ended));
        p.setObject(14, waiting || s.parentId() != null ? null : time(ended.plusMillis(5)));
        p.setNull(15, Types.CLOB);
        p.setString(16, s.channel());
        p.setString(17, s.requester());
        p.addBatch();
        if (++n % BATCH == 0) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
  }

  private static void insertIncidents(
      Connection c, List<Session> sessions, Instant now, long incidentRoot) throws SQLException {
    String sql =
        "INSERT INTO incidents (id, app, app_namespace, trigger_event, severity, state, opened_at,"
            + " resolved_at, request_id, summary, runbook, report) VALUES"
            + " (?, ?, 'argocd', 'on-health-degraded', ?, ?, ?, ?, ?, ?, ?, ?)";
    Instant opened = sessions.get((int) incidentRoot - 1).created();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      Object[][] rows = {
        {"app-7", "high", "resolved", opened, opened.plusSeconds(900), incidentRoot},
        {"app-12", "medium", "resolved", opened.minusSeconds(86_400), opened, null},
        {"app-3", "low", "mitigated", now.minusSeconds(7_200), null, null},
        {"app-21", "high", "resolved", now.minusSeconds(30_000), now.minusSeconds(29_000), null},
        {"app-30", "medium", "open", now.minusSeconds(600), null, null},
      };
      for (int i = 0; i < rows.length; i++) {
        Object[] r = rows[i];
        p.setLong(1, i + 1);
        p.setString(2, (String) r[0]);
        p.setString(3, (String) r[1]);
        p.setString(4, (String) r[2]);
        p.setObject(5, time((Instant) r[3]));
        p.setObject(6, r[4] == null ? null : time((Instant) r[4]));
        if (r[5] == null) {
          p.setNull(7, Types.BIGINT);
        } else {
          p.setLong(7, (Long) r[5]);
        }
        p.setString(8, r[2].equals("resolved") ? "rolled back to the last healthy sync" : null);
        p.setString(9, "rollback");
        p.setString(10, r[2].equals("resolved") ? "## Post-incident report\n\nRolled back." : null);
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static void insertApprovals(Connection c, List<Long> awaiting, Instant now)
      throws SQLException {
    String sql =
        "INSERT INTO approvals (id, session_id, request, reason, preview, state, requested_at,"
            + " expires_at) VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (long session : awaiting) {
        p.setString(1, approvalId(session));
        p.setLong(2, session);
        p.setString(3, "scale app-" + (session % 40) + " to 0 replicas");
        p.setString(4, "a cluster write outside the maintenance window");
        p.setString(5, "cluster.patch argocd/app-" + (session % 40) + " previewed (dry run)");
        p.setObject(6, time(now.minusSeconds(3_600)));
        p.setObject(7, time(now.plus(Duration.ofDays(7))));
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  private static String approvalId(long session) {
    return "ap" + Long.toHexString(0x5eed00L + session);
  }

  private static String instruction(Session s) {
    return switch (s.depth()) {
      case 0 ->
          "deploy app-" + (s.id() % 40) + " version 1." + (s.id() % 17) + " and report the sync";
      case 1 ->
          "owner work for request " + s.rootId() + ": update the manifests of app-" + s.id() % 40;
      default -> "leaf: check app-" + s.id() % 40 + " health after the sync";
    };
  }

  private static String detail(Session s) {
    return switch (s.state()) {
      case "succeeded" -> "done: app-" + s.id() % 40 + " synced and healthy\nsee the audit trail";
      case "failed" -> "failed: the forge answered 502";
      case "timed_out" -> "timed out after 600 s";
      case "cancelled" -> "cancelled by " + s.requester();
      default -> "interrupted: the gateway stopped";
    };
  }

  static OffsetDateTime time(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
