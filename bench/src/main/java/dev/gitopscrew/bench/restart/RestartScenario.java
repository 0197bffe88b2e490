package dev.gitopscrew.bench.restart;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.bench.BenchPostgres;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.bench.gateway.DrillTree;
import dev.gitopscrew.bench.gateway.GatewayProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code bench/run restart [--store postgres]}: the real gateway as its own process runs {@code
 * drill fanout 1000 work 50}; once some leaves have ended and others still run, it is killed with
 * SIGKILL and started again on the same state directory (or the same PostgreSQL database). Every
 * session of the tree must then have exactly one terminal result: those that ended before the kill
 * unchanged, the rest {@code interrupted}. A child without a terminal state, or whose result
 * changed across the restart, counts as lost.
 */
public final class RestartScenario implements Scenario {

  private static final String REQUEST = "drill fanout 1000 work 50";

  @Override
  public String name() {
    return "restart";
  }

  @Override
  public void run(String[] args) throws Exception {
    if (BenchPostgres.requested(args)) {
      try (BenchPostgres postgres = BenchPostgres.start()) {
        run("postgres", BenchPostgres.env(postgres.newDatabase("bench_restart")));
      }
    } else {
      run("h2", Map.of());
    }
  }

  private void run(String storeName, Map<String, String> store) throws Exception {
    Path dir = Files.createTempDirectory("bench-restart");
    Path config = Files.writeString(dir.resolve("crew.json"), "{}");
    Path stateDir = Files.createDirectories(dir.resolve("state"));
    int port = GatewayProcess.freePort();
    long root;
    Map<Long, String> endedBeforeKill;
    try (GatewayProcess first =
        GatewayProcess.start(stateDir, config, port, dir.resolve("1.log"), store)) {
      System.out.println(
          "gateway "
              + first.pid()
              + " ready in "
              + first.awaitReady().toMillis()
              + " ms on "
              + storeName
              + "; logs in "
              + dir);
      root = first.submit(REQUEST);
      JsonNode tree = DrillTree.awaitMidRun(first, root);
      first.kill();
      endedBeforeKill = DrillTree.ended(tree);
      System.out.println("killed with SIGKILL mid-run: " + DrillTree.count(tree));
    }
    try (GatewayProcess second =
        GatewayProcess.start(stateDir, config, port, dir.resolve("2.log"), store)) {
      System.out.println(
          "restarted on the same store, ready in " + second.awaitReady().toMillis() + " ms");
      JsonNode tree = second.tree(root);
      DrillTree.Tally t = DrillTree.tally(tree, endedBeforeKill);
      System.out.println(
          "after the restart: " + DrillTree.count(tree) + "; results changed: " + t.changed());
      System.out.printf(
          "BENCH restart store=%s spawned=%d delivered=%d lost=%d interrupted=%d%n",
          storeName, t.spawned(), t.delivered(), t.lost(), t.interrupted());
      if (t.lost() > 0 || tree.isEmpty() || DrillTree.active(tree.get(0))) {
        throw new IllegalStateException("results were lost across the restart");
      }
    }
  }
}
