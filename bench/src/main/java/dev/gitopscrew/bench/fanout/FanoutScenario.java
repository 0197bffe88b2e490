package dev.gitopscrew.bench.fanout;

import dev.gitopscrew.assembly.SessionWiring;
import dev.gitopscrew.bench.BenchPostgres;
import dev.gitopscrew.bench.Samples;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.request.Drill;
import dev.gitopscrew.request.DrillLeaf;
import dev.gitopscrew.request.DrillShare;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import dev.gitopscrew.roles.work.Workforce;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionLimits;
import dev.gitopscrew.session.SessionRecord;
import dev.gitopscrew.session.SpawnPolicy;
import dev.gitopscrew.store.StateStore;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code bench/run fanout}: homelab-admin spawns 8 devops-sre sessions (depth 1), which together
 * spawn 1,000 leaf workers (depth 2) with {@code maxConcurrent} 8 on the embedded H2 file store; 10
 * % of the leaves fail and 5 % hang until the supervisor times them out. Each parent keeps one leaf
 * in flight and waits for it, so the 8 leaves in flight fill the 8 slots.
 *
 * <p>Overhead per leaf = time from the parent's spawn call to the result in the parent's hands
 * (read from the store), minus the leaf's own work (measured inside the leaf) or, for a leaf that
 * times out, minus its timeout. Nothing else is subtracted. A warm-up tree of 2,000 leaves runs
 * first and is not counted: after only 200, the JIT was still compiling the path during the
 * measured tree (3.6 times as many compilations in its last 1.5 s) and p99 doubled. Knobs for
 * diagnosis: {@code -Dfanout.warmup=N}, {@code -Dfanout.parents=N}; {@code bench/run fanout N}
 * spawns N leaves; {@code --runs 5} measures five trees after one warm-up and reports the medians;
 * {@code --store postgres} runs on a PostgreSQL database instead of the embedded H2 file.
 */
public final class FanoutScenario implements Scenario {

  private static final int PARENTS = Integer.getInteger("fanout.parents", 8);
  private static final int WARMUP = Integer.getInteger("fanout.warmup", 2000);
  private static final Duration HANG_TIMEOUT = Duration.ofMillis(100);

  private static final String ALL = "all";

  private final int leafMillis;
  private final Map<Long, long[]> workNanos = new ConcurrentHashMap<>();
  private final Samples samples = new Samples();
  private final AtomicInteger delivered = new AtomicInteger();
  private final AtomicInteger spawned = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();

  public FanoutScenario() {
    this(-1);
  }

  /** Leaves that work {@code leafMillis} each; negative = 0 to 2 ms at random. */
  FanoutScenario(int leafMillis) {
    this.leafMillis = leafMillis;
  }

  /** The fan-out's agents: the root at depth 0, the 8 parents at 1, the leaves at 2. */
  Workforce workforce() {
    return this::workFor;
  }

  @Override
  public String name() {
    return "fanout";
  }

  @Override
  public void run(String[] args) throws Exception {
    boolean postgres = BenchPostgres.requested(args);
    List<String> rest = new ArrayList<>(List.of(BenchPostgres.withoutStore(args)));
    int runs = 1;
    int at = rest.indexOf("--runs");
    if (at >= 0) {
      runs = Integer.parseInt(rest.get(at + 1));
      rest.subList(at, at + 2).clear();
    }
    int children = rest.isEmpty() ? 1000 : Integer.parseInt(rest.get(0));
    if (postgres) {
      try (BenchPostgres server = BenchPostgres.start();
          StateStore store =
              StateStore.open(server.newDatabase("bench_fanout"), BenchPostgres.USER, "")) {
        measure(store, "postgres", children, runs);
      }
    } else {
      try (StateStore store = StateStore.openEmbedded(Files.createTempDirectory("bench-fanout"))) {
        measure(store, "h2", children, runs);
      }
    }
  }

  /**
   * A warm-up tree, then {@code runs} measured trees of {@code children} leaves; with several runs
   * the figures are the medians of the runs' percentiles.
   */
  private void measure(StateStore store, String storeName, int children, int runs)
      throws InterruptedException {
    SessionLimits limits = new SessionLimits(2, 8, PARENTS, 60, Duration.ofMinutes(5));
    SessionEngine engine =
        SessionWiring.start(store.dataSource(), limits, SpawnPolicy.defaults(), this::workFor);
    // a warm-up tree so the JIT has seen the path, as in a running gateway; its numbers are
    // dropped
    runTree(engine, WARMUP);
    List<Double> p50s = new ArrayList<>();
    List<Double> p99s = new ArrayList<>();
    long spawnedAll = 0;
    long deliveredAll = 0;
    for (int run = 1; run <= runs; run++) {
      workNanos.clear();
      samples.clear();
      delivered.set(0);
      spawned.set(0);
      refused.set(0);
      long root = runTree(engine, children);
      List<SessionRecord> leaves = engine.tree(root).stream().filter(s -> s.depth() == 2).toList();
      long terminalInStore = leaves.stream().filter(SessionRecord::isTerminal).count();
      Map<String, Long> states = new TreeMap<>();
      leaves.forEach(s -> states.merge(s.state(), 1L, Long::sum));
      // a result counts as delivered when the parent got it from the store and the store agrees
      spawnedAll += spawned.get();
      deliveredAll += Math.min(delivered.get(), terminalInStore);
      long waited =
          leaves.stream()
              .filter(l -> l.startedAt() != null && l.startedAt().isAfter(l.createdAt()))
              .count();
      p50s.add(samples.percentileMs(ALL, 50));
      p99s.add(samples.percentileMs(ALL, 99));
      System.out.printf(
          "run %d on %s: leaves by state %s; waited in the maxConcurrent queue: %d; refused"
              + " spawns: %d; p50_ms=%.3f p99_ms=%.3f%n",
          run, storeName, states, waited, refused.get(), p50s.get(run - 1), p99s.get(run - 1));
    }
    engine.close();
    System.out.print(
        "last run's overhead by kind and phase (spawn call, start of work, delivery):\n"
            + samples.report());
    System.out.printf(
        "BENCH fanout store=%s runs=%d spawned=%d delivered=%d lost=%d p50_ms=%.3f p99_ms=%.3f"
            + " p99_ms_max=%.3f%n",
        storeName,
        runs,
        spawnedAll,
        deliveredAll,
        spawnedAll - deliveredAll,
        median(p50s),
        median(p99s),
        p99s.stream().mapToDouble(Double::doubleValue).max().orElse(0));
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    return sorted.get(sorted.size() / 2);
  }

  static long submit(SessionEngine engine, int children) {
    SpawnOutcome outcome =
        engine.submit(
            new Task("homelab-admin", new Drill(children, 10, 5, 0)), new Origin("bench", "bench"));
    return ((SpawnOutcome.Spawned) outcome).sessionId();
  }

  private long runTree(SessionEngine engine, int children) throws InterruptedException {
    long root = submit(engine, children);
    Optional<SessionResult> result = engine.awaitResult(root, Duration.ofMinutes(10));
    if (result.isEmpty() || !(result.get() instanceof SessionResult.Succeeded)) {
      throw new IllegalStateException("the fan-out root did not succeed: " + result);
    }
    return root;
  }

  private Optional<Work> workFor(String agent, int depth) {
    return switch (depth) {
      case 0 -> Optional.of(this::orchestrate);
      case 1 -> Optional.of(this::fanOut);
      default -> Optional.of(this::leaf);
    };
  }

  private String orchestrate(Assignment a, Subagents sub) throws InterruptedException {
    int children = ((Drill) a.task().request()).leaves();
    List<Long> parents = new ArrayList<>();
    for (int p = 0; p < PARENTS; p++) {
      int from = children * p / PARENTS;
      int to = children * (p + 1) / PARENTS;
      SpawnOutcome o = sub.spawn(new Task("devops-sre", new DrillShare(from, to, 10, 5, 0)));
      parents.add(((SpawnOutcome.Spawned) o).sessionId());
    }
    for (long id : parents) {
      sub.await(id);
    }
    return "fanned out " + children;
  }

  private String fanOut(Assignment a, Subagents sub) throws InterruptedException {
    DrillShare share = (DrillShare) a.task().request();
    for (int i = share.from(); i < share.to(); i++) {
      boolean hangs = i % 20 == 0;
      String kind = hangs ? "hang" : i % 10 == 1 ? "fail" : "ok";
      Task task = new Task("devops-sre", new DrillLeaf(0, kind), hangs ? HANG_TIMEOUT : null);
      long t0 = System.nanoTime();
      SpawnOutcome o = sub.spawn(task);
      if (o instanceof SpawnOutcome.Refused r) {
        refused.incrementAndGet();
        continue;
      }
      spawned.incrementAndGet();
      long id = ((SpawnOutcome.Spawned) o).sessionId();
      long ts = System.nanoTime();
      SessionResult result = sub.await(id);
      long t1 = System.nanoTime();
      long[] work = workNanos.get(id);
      long own = hangs || work == null ? HANG_TIMEOUT.toNanos() : work[1] - work[0];
      samples.add(ALL, t1 - t0 - own);
      samples.add("kind " + kind, t1 - t0 - own);
      if (!hangs) {
        samples.add("phase spawn", ts - t0);
        samples.add("phase start", work[0] - ts);
        samples.add("phase deliver", t1 - work[1]);
      }
      if (result != null) {
        delivered.incrementAndGet();
      }
    }
    return "done";
  }

  private String leaf(Assignment a, Subagents sub) throws InterruptedException {
    long start = System.nanoTime();
    String kind = ((DrillLeaf) a.task().request()).outcome();
    try {
      if (kind.equals("hang")) {
        Thread.sleep(Long.MAX_VALUE);
      }
      Thread.sleep(leafMillis >= 0 ? leafMillis : ThreadLocalRandom.current().nextInt(3));
      if (kind.equals("fail")) {
        throw new IllegalStateException("simulated failure of leaf " + a.sessionId());
      }
      return "ok";
    } finally {
      workNanos.put(a.sessionId(), new long[] {start, System.nanoTime()});
    }
  }
}
