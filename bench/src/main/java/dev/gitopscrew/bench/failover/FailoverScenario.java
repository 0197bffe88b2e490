package dev.gitopscrew.bench.failover;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.bench.BenchPostgres;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.bench.gateway.DrillTree;
import dev.gitopscrew.bench.gateway.GatewayProcess;
import dev.gitopscrew.bench.gateway.MockCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code bench/run failover}: two gateways on one PostgreSQL database elect a leader through a
 * Lease on Fabric8's mock API server (lease 3 s). {@code drill fanout 1000 work 50} is given to the
 * replica that does not lead (it stores the request; the leader runs it); mid-drill the leader is
 * killed with SIGKILL. The other must take the Lease, finalise what the dead leader was running,
 * and run a request given after the kill. {@code takeover_ms} is the time from the kill to the
 * survivor saying it leads; a child of the tree without exactly one terminal result, or whose
 * result changed across the kill, counts as lost.
 */
public final class FailoverScenario implements Scenario {

  private static final String REQUEST = "drill fanout 1000 work 50";
  private static final String AFTER = "drill fanout 20";
  private static final Duration WITHIN = Duration.ofSeconds(120);
  private static final String CONFIG =
      """
      {"kubernetes": {"enabled": true, "leaderElection": true, "leaseDurationSeconds": 3},
       "incident": {"sweepMinutes": 0}}
      """;

  @Override
  public String name() {
    return "failover";
  }

  @Override
  public void run(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("bench-failover");
    Path config = Files.writeString(dir.resolve("crew.json"), CONFIG);
    try (BenchPostgres postgres = BenchPostgres.start();
        MockCluster cluster = MockCluster.start()) {
      Map<String, String> env = new HashMap<>(BenchPostgres.env(postgres.newDatabase("bench_fo")));
      env.put("KUBECONFIG", cluster.kubeconfig(dir).toString());
      try (GatewayProcess a = start(dir, config, "a", env);
          GatewayProcess b = start(dir, config, "b", env)) {
        a.awaitReady();
        b.awaitReady();
        GatewayProcess leader = awaitLeader(a, b);
        GatewayProcess standby = leader == a ? b : a;
        System.out.println(
            "leader " + leader.pid() + ", standby " + standby.pid() + "; logs in " + dir);
        long root = standby.submit(REQUEST);
        JsonNode tree = DrillTree.awaitMidRun(standby, root);
        leader.kill();
        long killed = System.nanoTime();
        Map<Long, String> endedBeforeKill = DrillTree.ended(tree);
        System.out.println("leader killed with SIGKILL mid-drill: " + DrillTree.count(tree));
        awaitLeading(standby);
        long takeoverMs = Duration.ofNanos(System.nanoTime() - killed).toMillis();
        JsonNode after = awaitSettled(standby, root);
        DrillTree.Tally t = DrillTree.tally(after, endedBeforeKill);
        System.out.println(
            "after the takeover: " + DrillTree.count(after) + "; results changed: " + t.changed());
        // the survivor now runs new work on its own
        long next = standby.submit(AFTER);
        JsonNode nextTree = awaitSettled(standby, next);
        String nextState = nextTree.get(0).path("state").asText();
        System.out.println("a request after the takeover: " + DrillTree.count(nextTree));
        System.out.printf(
            "BENCH failover spawned=%d delivered=%d lost=%d interrupted=%d takeover_ms=%d"
                + " lease_s=3 after=%s%n",
            t.spawned(), t.delivered(), t.lost(), t.interrupted(), takeoverMs, nextState);
        if (t.lost() > 0 || DrillTree.active(after.get(0)) || !nextState.equals("succeeded")) {
          throw new IllegalStateException("results were lost across the failover");
        }
      }
    }
  }

  private static GatewayProcess start(Path dir, Path config, String name, Map<String, String> env)
      throws Exception {
    Map<String, String> own = new HashMap<>(env);
    own.put("POD_NAME", "gitops-crew-" + name);
    return GatewayProcess.start(
        Files.createDirectories(dir.resolve("state-" + name)),
        config,
        GatewayProcess.freePort(),
        dir.resolve(name + ".log"),
        own);
  }

  private static boolean leading(GatewayProcess g) throws Exception {
    return g.getJson("/api/status").path("leadership").path("leading").asBoolean();
  }

  private static GatewayProcess awaitLeader(GatewayProcess a, GatewayProcess b) throws Exception {
    long until = System.nanoTime() + WITHIN.toNanos();
    while (System.nanoTime() < until) {
      if (leading(a)) {
        return a;
      }
      if (leading(b)) {
        return b;
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("no gateway took the Lease within " + WITHIN);
  }

  private static void awaitLeading(GatewayProcess g) throws Exception {
    long until = System.nanoTime() + WITHIN.toNanos();
    while (!leading(g)) {
      if (System.nanoTime() > until) {
        throw new IllegalStateException("the standby did not take over within " + WITHIN);
      }
      Thread.sleep(20);
    }
  }

  private static JsonNode awaitSettled(GatewayProcess g, long root) throws Exception {
    long until = System.nanoTime() + WITHIN.toNanos();
    while (true) {
      JsonNode tree = g.tree(root);
      if (!tree.isEmpty() && !DrillTree.active(tree.get(0))) {
        return tree;
      }
      if (System.nanoTime() > until) {
        throw new IllegalStateException(
            "session " + root + " did not end: " + DrillTree.count(tree));
      }
      Thread.sleep(100);
    }
  }
}
