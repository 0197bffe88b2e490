package dev.gitopscrew.bench.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The sessions of the seeded week, in id order: root requests of the five agents from every channel
 * and requester, one in five with owners (and some leaves) below, one drill-like tree of {@link
 * ConsoleSeed#DRILL} sessions half-way through, and up to four roots near the end left waiting for
 * approval. Draws from the seed's {@link Random} in a fixed order, so the same seed gives the same
 * store.
 */
final class SessionTrees {

  static final Duration WEEK = Duration.ofDays(7);

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

  /** One session row as written. */
  record Session(
      long id,
      Long parentId,
      long rootId,
      String agent,
      int depth,
      String state,
      String channel,
      String requester,
      Instant created) {}

  /** What was generated: the rows, the last id given, and the roots the pages point at. */
  record Trees(
      List<Session> sessions, long lastId, long drillRoot, long treeRoot, List<Long> awaiting) {

    /** The root of the session three quarters through: the incident response's request. */
    long incidentRoot() {
      Session s = sessions.get(ConsoleSeed.SESSIONS / 4 * 3);
      while (s.parentId() != null) {
        s = sessions.get((int) s.rootId() - 1);
      }
      return s.id();
    }
  }

  private final Random random;
  private final Instant start;
  private final List<Session> sessions = new ArrayList<>(ConsoleSeed.SESSIONS);
  private final List<Long> awaiting = new ArrayList<>();
  private long id;
  private long drillRoot = -1;
  private long treeRoot = -1;

  private SessionTrees(Random random, Instant start) {
    this.random = random;
    this.start = start;
  }

  static Trees generate(Random random, Instant start) {
    return new SessionTrees(random, start).generate();
  }

  private Trees generate() {
    while (sessions.size() < ConsoleSeed.SESSIONS) {
      Instant created =
          start.plusMillis(
              WEEK.toMillis() * sessions.size() / ConsoleSeed.SESSIONS + random.nextInt(30_000));
      String channel = CHANNELS[random.nextInt(CHANNELS.length)];
      String requester =
          channel.equals("schedule")
              ? "scheduler"
              : channel.equals("webhook") ? "argocd" : REQUESTERS[random.nextInt(5)];
      long root = ++id;
      if (drillRoot < 0 && sessions.size() >= ConsoleSeed.SESSIONS / 2) {
        addDrill(root, created);
      } else {
        addRequest(root, channel, requester, created);
      }
    }
    return new Trees(List.copyOf(sessions), id, drillRoot, treeRoot, List.copyOf(awaiting));
  }

  /** The drill: homelab-admin -> 3 owners -> 36 leaves, all from alice on the CLI. */
  private void addDrill(long root, Instant created) {
    drillRoot = root;
    sessions.add(
        new Session(root, null, root, "homelab-admin", 0, "succeeded", "cli", "alice", created));
    for (int o = 0; o < 3; o++) {
      long owner = ++id;
      sessions.add(
          new Session(owner, root, root, CHILD_AGENTS[o], 1, "succeeded", "cli", "alice", created));
      for (int l = 0; l < (ConsoleSeed.DRILL - 4) / 3; l++) {
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
  }

  /** A root request, and one time in five (none waiting) owners below it. */
  private void addRequest(long root, String channel, String requester, Instant created) {
    String state;
    if (awaiting.size() < 4
        && sessions.size() >= ConsoleSeed.SESSIONS - 200
        && random.nextInt(20) == 0) {
      state = "awaiting_approval";
      awaiting.add(root);
    } else {
      state = ENDED[random.nextInt(ENDED.length)];
    }
    String agent = ROOT_AGENTS[random.nextInt(ROOT_AGENTS.length)];
    Session request = new Session(root, null, root, agent, 0, state, channel, requester, created);
    sessions.add(request);
    if (!state.equals("awaiting_approval") && random.nextInt(5) == 0) {
      if (treeRoot < 0 && sessions.size() > ConsoleSeed.SESSIONS / 3) {
        treeRoot = root;
      }
      addOwners(request);
    }
  }

  /** One to three owners under a root, each with a leaf one time in three. */
  private void addOwners(Session request) {
    int owners = 1 + random.nextInt(3);
    for (int o = 0; o < owners && sessions.size() < ConsoleSeed.SESSIONS; o++) {
      String agent = CHILD_AGENTS[random.nextInt(CHILD_AGENTS.length)];
      String state =
          request.state().equals("succeeded") ? "succeeded" : ENDED[random.nextInt(ENDED.length)];
      Session owner = child(request, agent, state);
      sessions.add(owner);
      if (random.nextInt(3) == 0 && sessions.size() < ConsoleSeed.SESSIONS) {
        sessions.add(child(owner, CHILD_AGENTS[random.nextInt(CHILD_AGENTS.length)], "succeeded"));
      }
    }
  }

  /** A session one level below its parent, from the same request, created 200 ms after it. */
  private Session child(Session parent, String agent, String state) {
    return new Session(
        ++id,
        parent.id(),
        parent.rootId(),
        agent,
        parent.depth() + 1,
        state,
        parent.channel(),
        parent.requester(),
        parent.created().plusMillis(200));
  }
}
