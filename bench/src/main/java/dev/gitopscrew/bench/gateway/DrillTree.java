package dev.gitopscrew.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A {@code drill fanout} session tree read from a gateway's API, for the scenarios that kill a
 * gateway mid-drill: when it is mid-run, what had ended before the kill, and what was delivered
 * after. A child without a terminal state, or whose result changed across the kill, counts as lost.
 */
public final class DrillTree {

  private static final Set<String> ACTIVE = Set.of("queued", "running");
  private static final Duration RUN_BEFORE_KILL = Duration.ofSeconds(1);
  private static final Duration MID_RUN_WITHIN = Duration.ofSeconds(60);

  private DrillTree() {}

  /** What the tree's children came to after the kill. */
  public record Tally(int spawned, int delivered, int interrupted, int changed) {
    public int lost() {
      return spawned - delivered;
    }
  }

  public static boolean active(JsonNode session) {
    return ACTIVE.contains(session.path("state").asText());
  }

  /**
   * Polls the tree until, at least a second after the request, some leaves have ended and some
   * still run.
   */
  public static JsonNode awaitMidRun(GatewayProcess gateway, long root) throws Exception {
    long earliest = System.nanoTime() + RUN_BEFORE_KILL.toNanos();
    long until = System.nanoTime() + MID_RUN_WITHIN.toNanos();
    while (System.nanoTime() < until) {
      JsonNode tree = gateway.tree(root);
      long ended = 0;
      long running = 0;
      for (JsonNode s : tree) {
        if (s.path("depth").asInt() == 2) {
          ended += active(s) ? 0 : 1;
          running += s.path("state").asText().equals("running") ? 1 : 0;
        }
      }
      if (ended > 0 && running > 0 && System.nanoTime() >= earliest) {
        return tree;
      }
      if (!tree.isEmpty() && !active(tree.get(0))) {
        throw new IllegalStateException("the drill ended before the kill: " + count(tree));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the drill was not mid-run within " + MID_RUN_WITHIN);
  }

  /** The sessions that had ended, by id, with their state. */
  public static Map<Long, String> ended(JsonNode tree) {
    Map<Long, String> ended = new HashMap<>();
    for (JsonNode s : tree) {
      if (!active(s)) {
        ended.put(s.path("id").asLong(), s.path("state").asText());
      }
    }
    return ended;
  }

  /** Counts the children of {@code after} against what had ended {@code before} the kill. */
  public static Tally tally(JsonNode after, Map<Long, String> before) {
    int spawned = 0;
    int delivered = 0;
    int interrupted = 0;
    int changed = 0;
    for (JsonNode s : after) {
      String state = s.path("state").asText();
      String was = before.get(s.path("id").asLong());
      if (was != null && !was.equals(state)) {
        changed++;
        System.out.println(
            "session "
                + s.path("id").asLong()
                + " ended "
                + was
                + " before the kill, now "
                + state);
      }
      if (s.path("depth").asInt() == 0) {
        continue;
      }
      spawned++;
      if (!active(s) && (was == null || was.equals(state))) {
        delivered++;
      }
      if (state.equals("interrupted")) {
        interrupted++;
      }
    }
    return new Tally(spawned, delivered, interrupted, changed);
  }

  /** Sessions by depth and state, for the log. */
  public static String count(JsonNode tree) {
    Map<String, Integer> counts = new TreeMap<>();
    tree.forEach(
        s ->
            counts.merge(
                "depth " + s.path("depth").asInt() + " " + s.path("state").asText(),
                1,
                Integer::sum));
    return counts.toString();
  }
}
