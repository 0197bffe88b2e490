package dev.gitopscrew.bench.console;

import dev.gitopscrew.bench.console.SessionTrees.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The {@link ConsoleSeed#AUDIT} audit records of the seeded week: three for each of the drill's
 * sessions, thirty for the incident response's request, the rest spread over random sessions, all
 * in session (so time) order. Each is a push, a forge write, a cluster patch or a chat post, with a
 * target and an artifact like the real effects leave.
 */
final class AuditSeed {

  private static final String[] KINDS = {
    "git.push", "forge.issue", "forge.pr", "forge.comment", "cluster.patch", "chat.post"
  };
  private static final String SQL =
      "INSERT INTO audit (id, request_id, session_id, agent, channel, requester, kind, target,"
          + " artifact, dry_run, outcome, detail, at) VALUES"
          + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** What an effect was written against and what it left behind (a commit, a URL, or nothing). */
  private record Effect(String target, String artifact) {}

  private AuditSeed() {}

  static void insert(
      Connection c, List<Session> sessions, Random random, long drillRoot, long incidentRoot)
      throws SQLException {
    int[] picks = picks(sessions, random, drillRoot, incidentRoot);
    try (PreparedStatement p = c.prepareStatement(SQL)) {
      for (int i = 0; i < ConsoleSeed.AUDIT; i++) {
        bind(p, i, sessions.get(picks[i]), random);
        p.addBatch();
        if ((i + 1) % ConsoleSeed.BATCH == 0) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
  }

  /** Which session (by index) each record belongs to, sorted so the ids follow time. */
  private static int[] picks(
      List<Session> sessions, Random random, long drillRoot, long incidentRoot) {
    int[] picks = new int[ConsoleSeed.AUDIT];
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
    for (int i = fixed; i < ConsoleSeed.AUDIT; i++) {
      picks[i] = random.nextInt(sessions.size());
    }
    Arrays.sort(picks);
    return picks;
  }

  /** Record {@code i} (id {@code i + 1}) of session {@code s}. */
  private static void bind(PreparedStatement p, int i, Session s, Random random)
      throws SQLException {
    String kind = KINDS[random.nextInt(KINDS.length)];
    Effect effect = effect(kind, random.nextInt(40), random);
    boolean dry = random.nextInt(20) == 0;
    p.setLong(1, i + 1);
    p.setLong(2, s.rootId());
    p.setLong(3, s.id());
    p.setString(4, s.agent());
    p.setString(5, s.channel());
    p.setString(6, s.requester());
    p.setString(7, kind);
    p.setString(8, effect.target());
    p.setString(9, effect.artifact());
    p.setBoolean(10, dry);
    p.setString(11, dry ? "previewed" : random.nextInt(25) == 0 ? "failed" : "ok");
    p.setString(12, kind + " for session " + s.id() + " of request " + s.rootId());
    p.setObject(13, ConsoleSeed.time(s.created().plusMillis(100L + (i % 7) * 900L)));
  }

  private static Effect effect(String kind, int app, Random random) {
    return switch (kind) {
      case "git.push" ->
          new Effect(
              "owner/homelab@main",
              Long.toHexString(random.nextLong() | Long.MIN_VALUE).substring(0, 12));
      case "forge.issue", "forge.pr", "forge.comment" -> {
        String repo = app % 3 == 0 ? "owner/website" : "owner/homelab";
        String path = kind.equals("forge.pr") ? "/pull/" : "/issues/";
        yield new Effect(repo, "https://github.com/" + repo + path + (1 + random.nextInt(900)));
      }
      case "cluster.patch" -> new Effect("argocd/app-" + app, null);
      default -> new Effect("discord #ops", null);
    };
  }
}
