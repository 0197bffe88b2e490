package dev.gitopscrew.bench.restart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.bench.gateway.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code bench/run restart}: the real gateway as its own process runs {@code drill fanout 1000 work
 * 50}; once some leaves have ended and others still run, it is killed with SIGKILL and started
 * again on the same state directory. Every session of the tree must then have exactly one terminal
 * result: those that ended before the kill unchanged, the rest {@code interrupted}. A child without
 * a terminal state, or whose result changed across the restart, counts as lost.
 */
public final class RestartScenario implements Scenario {

  private static final String REQUEST = "drill fanout 1000 work 50";
  private static final Set<String> ACTIVE = Set.of("queued", "running");
  private static final Duration RUN_BEFORE_KILL = Duration.ofSeconds(1);
  private static final Duration MID_RUN_WITHIN = Duration.ofSeconds(60);

  @Override
  public String name() {
    return "restart";
  }

  @Override
  public void run(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("bench-restart");
    Path config = Files.writeString(dir.resolve("crew.json"), "{}");
    Path stateDir = Files.createDirectories(dir.resolve("state"));
    int port = GatewayProcess.freePort();
    long root;
    Map<Long, String> endedBeforeKill = new HashMap<>();
    try (GatewayProcess first =
        GatewayProcess.start(stateDir, config, port, dir.resolve("1.log"))) {
      System.out.println(
          "gateway "
              + first.pid()
              + " ready in "
              + first.awaitReady().toMillis()
              + " ms; logs in "
              + dir);
      root = first.submit(REQUEST);
      JsonNode tree = awaitMidRun(first, root);
      first.kill();
      for (JsonNode s : tree) {
        if (!ACTIVE.contains(s.path("state").asText())) {
          endedBeforeKill.put(s.path("id").asLong(), s.path("state").asText());
        }
      }
      System.out.println("killed with SIGKILL mid-run: " + count(tree));
    }
    try (GatewayProcess second =
        GatewayProcess.start(stateDir, config, port, dir.resolve("2.log"))) {
      System.out.println(
          "restarted on the same state directory, ready in "
              + second.awaitReady().toMillis()
              + " ms");
      JsonNode tree = second.tree(root);
      int spawned = 0;
      int delivered = 0;
      int interrupted = 0;
      int changed = 0;
      for (JsonNode s : tree) {
        long id = s.path("id").asLong();
        String state = s.path("state").asText();
        String before = endedBeforeKill.get(id);
        if (before != null && !before.equals(state)) {
          changed++;
          System.out.println(
              "session " + id + " ended " + before + " before the kill, now " + state);
        }
        if (s.path("depth").asInt() == 0) {
          continue;
        }
        spawned++;
        if (!ACTIVE.contains(state) && (before == null || before.equals(state))) {
          delivered++;
        }
        if (state.equals("interrupted")) {
          interrupted++;
        }
      }
      System.out.println("after the restart: " + count(tree) + "; results changed: " + changed);
      System.out.printf(
          "BENCH restart spawned=%d delivered=%d lost=%d interrupted=%d%n",
          spawned, delivered, spawned - delivered, interrupted);
      if (spawned - delivered > 0
          || tree.isEmpty()
          || ACTIVE.contains(tree.get(0).path("state").asText())) {
        throw new IllegalStateException("results were lost across the restart");
      }
    }
  }

  /**
   * Polls the tree until, at least {@link #RUN_BEFORE_KILL} after the request, some leaves have
   * ended and some are still running.
   */
  private static JsonNode awaitMidRun(GatewayProcess gateway, long root) throws Exception {
    long earliest = System.nanoTime() + RUN_BEFORE_KILL.toNanos();
    long until = System.nanoTime() + MID_RUN_WITHIN.toNanos();
    while (System.nanoTime() < until) {
      JsonNode tree = gateway.tree(root);
      long ended = 0;
      long running = 0;
      for (JsonNode s : tree) {
        if (s.path("depth").asInt() == 2) {
          String state = s.path("state").asText();
          ended += ACTIVE.contains(state) ? 0 : 1;
          running += state.equals("running") ? 1 : 0;
        }
      }
      if (ended > 0 && running > 0 && System.nanoTime() >= earliest) {
        return tree;
      }
      if (!ACTIVE.contains(tree.get(0).path("state").asText())) {
        throw new IllegalStateException("the drill ended before the kill: " + count(tree));
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the drill was not mid-run within " + MID_RUN_WITHIN);
  }

  /** Sessions by depth and state, for the log. */
  private static String count(JsonNode tree) {
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
