package dev.gitopscrew.bench.fanout;

import dev.gitopscrew.assembly.SessionWiring;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionLimits;
import dev.gitopscrew.session.SessionRecord;
import dev.gitopscrew.session.SpawnPolicy;
import dev.gitopscrew.store.StateStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The fan-out across a kill -9, at engine level: {@code run DIR} starts a fan-out of 1,000 leaves
 * of 20 ms each on the store in DIR and prints the root id; kill it with SIGKILL mid-run, then
 * {@code recover DIR} starts a new engine on the same store and prints {@code CRASH ...} with every
 * leaf's state. A leaf left without a terminal state counts as lost.
 */
public final class FanoutCrash {

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[1]);
    SessionLimits limits = new SessionLimits(2, 8, 8, 60, Duration.ofMinutes(5));
    FanoutScenario fanout = new FanoutScenario(20);
    StateStore store = StateStore.openEmbedded(dir);
    SessionEngine engine =
        SessionWiring.start(store.dataSource(), limits, SpawnPolicy.defaults(), fanout.workforce());
    if (args[0].equals("run")) {
      System.out.println("root=" + FanoutScenario.submit(engine, 1000));
      Thread.sleep(Long.MAX_VALUE);
    }
    List<SessionRecord> all = engine.list(true, Integer.MAX_VALUE);
    List<SessionRecord> leaves = all.stream().filter(s -> s.depth() == 2).toList();
    Map<String, Long> states = new TreeMap<>();
    leaves.forEach(s -> states.merge(s.state(), 1L, Long::sum));
    long open = all.stream().filter(s -> !s.isTerminal()).count();
    engine.close();
    store.close();
    System.out.printf(
        "CRASH interrupted_at_start=%d leaves=%d non_terminal=%d states=%s%n",
        engine.interruptedAtStart(), leaves.size(), open, states);
  }
}
