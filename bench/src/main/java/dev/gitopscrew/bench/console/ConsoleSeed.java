package dev.gitopscrew.bench.console;

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
import java.util.ArrayList;
import java.util.Arrays;
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
  private static final int BATCH = 1_000;
  private static final Duration WEEK = Duration.ofDays(7);

  private static final String[] ROOT_AGENTS = {
    "homelab-admin", "devops-sre", "software-engineer", "security-analyst", "qa-tester"
  };
  private static final String[] CHILD_AGENTS = {
    "gitops", "incident-response", "secret-management", "software-engineer", "qa-tester"
  };
  private static final String[] CHANNELS = {"cli", "api", "discord", "schedule", "webhook"};
  private static final String[] REQUESTERS = {
    "alice", "bob", "carol", "dave", "erin", "scheduler", "argocd"
  };
  private static final String[] KINDS = {
    "git.push", "forge.issue", "forge.pr", "forge.comment", "cluster.patch", "chat.post"
  };
  private static final String[] ENDED = {
    "succeeded",
    "succeeded",
    "succeeded",
    "succeeded",
    "succeeded",
    "succeeded",
    "succeeded",
    "succeeded",
    "failed",
    "timed_out",
    "cancelled",
    "interrupted"
  };

  /** What the pages are pointed at. */
  record Seeded(
      long drillRoot,
      long treeRoot,
      long incidentWithTimeline,
      Instant windowFrom,
      List<String> approvals) {}

  /** One session row as written. */
  private record Session(
      long id,
      Long parentId,
      long rootId,
      String agent,
      int depth,
      String state,
      String channel,
      String requester,
      Instant created) {}

  private ConsoleSeed() {}

  static Seeded seed(Path stateDir) throws SQLException {
    Random random = new Random(20261207);
    Instant now = Instant.now();
    Instant start = now.minus(WEEK);
    List<Session> sessions = new ArrayList<>(SESSIONS);
    long id = 0;
    long drillRoot = -1;
    long treeRoot = -1;
    List<Long> awaiting = new ArrayList<>();
    while (sessions.size() < SESSIONS) {
      Instant created =
          start.plusMillis(WEEK.toMillis() * sessions.size() / SESSIONS + random.nextInt(30_000));
      String channel = CHANNELS[random.nextInt(CHANNELS.length)];
      String requester =
          channel.equals("schedule")
              ? "scheduler"
              : channel.equals("webhook") ? "argocd" : REQUESTERS[random.nextInt(5)];
      long root = ++id;
      if (drillRoot < 0 && sessions.size() >= SESSIONS / 2) {
        // the drill: homelab-admin -> 3 owners -> 36 leaves
        drillRoot = root;
        sessions.add(
            new Session(
                root, null, root, "homelab-admin", 0, "succeeded", "cli", "alice", created));
        for (int o = 0; o < 3; o++) {
          long owner = ++id;
          sessions.add(
              new Session(
                  owner, root, root, CHILD_AGENTS[o], 1, "succeeded", "cli", "alice", created));
          for (int l = 0; l < (DRILL - 4) / 3; l++) {
            sessions.add(
                new Session(
                    ++id,
                    owner,
                    root,
                    CHILD_AGENTS[(o + l) % CHILD_AGENTS.length],
                    2,
                    l % 9 == 8 ? "failed" : "succeeded",
                    "cli",
                    "alice",
                    created.plusMillis(50L * l)));
          }
        }
        continue;
      }
      String state;
      if (awaiting.size() < 4 && sessions.size() >= SESSIONS - 200 && random.nextInt(20) == 0) {
        state = "awaiting_approval";
        awaiting.add(root);
      } else {
        state = ENDED[random.nextInt(ENDED.length)];
      }
      sessions.add(
          new Session(
              root,
              null,
              root,
              ROOT_AGENTS[random.nextInt(ROOT_AGENTS.length)],
              0,
              state,
              channel,
              requester,
              created));
      if (!state.equals("awaiting_approval") && random.nextInt(5) == 0) {
        if (treeRoot < 0 && sessions.size() > SESSIONS / 3) {
          treeRoot = root;
        }
        int owners = 1 + random.nextInt(3);
        for (int o = 0; o < owners && sessions.size() < SESSIONS; o++) {
          long owner = ++id;
          sessions.add(
              new Session(
                  owner,
                  root,
                  root,
                  CHILD_AGENTS[random.nextInt(CHILD_AGENTS.length)],
                  1,
                  state.equals("succeeded") ? "succeeded" : ENDED[random.nextInt(ENDED.length)],
                  channel,
                  requester,
                  created.plusMillis(200)));
          if (random.nextInt(3) == 0 && sessions.size() < SESSIONS) {
            sessions.add(
                new Session(
                    ++id,
                    owner,
                    root,
                    CHILD_AGENTS[random.nextInt(CHILD_AGENTS.length)],
                    2,
                    "succeeded",
                    channel,
                    requester,
                    created.plusMillis(400)));
          }
        }
      }
    }
    // the incident response: a root of incident-response work with a timeline of effects
    Session incidentRoot = sessions.get(SESSIONS / 4 * 3);
    while (incidentRoot.parentId() != null) {
      incidentRoot = sessions.get((int) incidentRoot.rootId() - 1);
    }

    try (StateStore store = StateStore.openEmbedded(stateDir);
        Connection c = store.dataSource().getConnection()) {
      c.setAutoCommit(false);
      insertSessions(c, sessions, random);
      insertAudit(c, sessions, random, drillRoot, incidentRoot.id());
      insertIncidents(c, sessions, now, incidentRoot.id());
      insertApprovals(c, awaiting, now);
      try (Statement s = c.createStatement()) {
        // rows were written with their ids: the store's own inserts continue after them
        s.execute("ALTER TABLE sessions ALTER COLUMN id RESTART WITH " + (id + 1));
        s.execute("ALTER TABLE audit ALTER COLUMN id RESTART WITH " + (AUDIT + 1));
        s.execute("ALTER TABLE incidents ALTER COLUMN id RESTART WITH 100");
      }
      c.commit();
    }
    return new Seeded(
        drillRoot,
        treeRoot,
        1,
        start.plus(Duration.ofDays(3)),
        awaiting.stream().map(ConsoleSeed::approvalId).toList());
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

  private static void insertAudit(
      Connection c, List<Session> sessions, Random random, long drillRoot, long incidentRoot)
      throws SQLException {
    // which session each record belongs to, in time order; the drill and the incident get theirs
    int[] picks = new int[AUDIT];
    int fixed = 0;
    for (Session s : sessions) {
      if (s.rootId() == drillRoot && fixed < 120) {
        picks[fixed++] = (int) s.id() - 1;
        picks[fixed++] = (int) s.id() - 1;
        picks[fixed++] = (int) s.id() - 1;
      }
    }
    for (int i = 0; i < 30; i++) {
      picks[fixed++] = (int) incidentRoot - 1;
    }
    for (int i = fixed; i < AUDIT; i++) {
      picks[i] = random.nextInt(sessions.size());
    }
    Arrays.sort(picks);
    String sql =
        "INSERT INTO audit (id, request_id, session_id, agent, channel, requester, kind, target,"
            + " artifact, dry_run, outcome, detail, at) VALUES"
            + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < AUDIT; i++) {
        Session s = sessions.get(picks[i]);
        String kind = KINDS[random.nextInt(KINDS.length)];
        int app = random.nextInt(40);
        String target;
        String artifact;
        switch (kind) {
          case "git.push" -> {
            target = "owner/homelab@main";
            artifact = Long.toHexString(random.nextLong() | Long.MIN_VALUE).substring(0, 12);
          }
          case "forge.issue", "forge.pr", "forge.comment" -> {
            String repo = app % 3 == 0 ? "owner/website" : "owner/homelab";
            target = repo;
            artifact =
                "https://github.com/"
                    + repo
                    + (kind.equals("forge.pr") ? "/pull/" : "/issues/")
                    + (1 + random.nextInt(900));
          }
          case "cluster.patch" -> {
            target = "argocd/app-" + app;
            artifact = null;
          }
          default -> {
            target = "discord #ops";
            artifact = null;
          }
        }
        boolean dry = random.nextInt(20) == 0;
        p.setLong(1, i + 1);
        p.setLong(2, s.rootId());
        p.setLong(3, s.id());
        p.setString(4, s.agent());
        p.setString(5, s.channel());
        p.setString(6, s.requester());
        p.setString(7, kind);
        p.setString(8, target);
        p.setString(9, artifact);
        p.setBoolean(10, dry);
        p.setString(11, dry ? "previewed" : random.nextInt(25) == 0 ? "failed" : "ok");
        p.setString(12, kind + " for session " + s.id() + " of request " + s.rootId());
        p.setObject(13, time(s.created().plusMillis(100L + (i % 7) * 900L)));
        p.addBatch();
        if ((i + 1) % BATCH == 0) {
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

  private static OffsetDateTime time(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }
}
