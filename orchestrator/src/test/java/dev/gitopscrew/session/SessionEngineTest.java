package dev.gitopscrew.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gitopscrew.assembly.SessionWiring;
import dev.gitopscrew.request.Ask;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SessionResult.Cancelled;
import dev.gitopscrew.roles.work.SessionResult.Failed;
import dev.gitopscrew.roles.work.SessionResult.Interrupted;
import dev.gitopscrew.roles.work.SessionResult.Succeeded;
import dev.gitopscrew.roles.work.SessionResult.TimedOut;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.SpawnOutcome.Refused;
import dev.gitopscrew.roles.work.SpawnOutcome.Spawned;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import dev.gitopscrew.store.StateStore;
import dev.gitopscrew.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@org.junit.jupiter.api.Tag("store")
class SessionEngineTest {

  private static final Duration LONG = Duration.ofSeconds(30);
  private static final Duration SHORT = Duration.ofMillis(300);

  @TempDir Path stateDir;
  private final Map<String, Work> works = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private StateStore store;
  private SessionEngine engine;

  @AfterEach
  void stop() {
    release.countDown();
    if (engine != null) {
      engine.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private SessionEngine start(SessionLimits limits, SpawnPolicy policy) {
    store = TestStores.open(stateDir);
    engine =
        SessionWiring.start(
            store.dataSource(),
            limits,
            policy,
            (agent, depth) -> Optional.ofNullable(works.get(agent)));
    return engine;
  }

  private SessionEngine start() {
    return start(new SessionLimits(2, 8, 5, 60, LONG), SpawnPolicy.defaults());
  }

  private static final Origin ORIGIN = new Origin("test", "tester");

  /** A task whose request is plain text the test's work reads back. */
  private static Task task(String agent, String text, Duration timeout) {
    return new Task(agent, new Ask(text), timeout);
  }

  private static Task task(String agent, String text) {
    return task(agent, text, null);
  }

  private static String text(Assignment a) {
    return ((Ask) a.task().request()).text();
  }

  private static long spawned(SpawnOutcome outcome) {
    assertThat(outcome).isInstanceOf(Spawned.class);
    return ((Spawned) outcome).sessionId();
  }

  private SessionResult resultOf(long id) throws InterruptedException {
    Optional<SessionResult> result = engine.awaitResult(id, Duration.ofSeconds(20));
    assertThat(result).as("session %s ended", id).isPresent();
    return result.get();
  }

  private void awaitRunning(int count) {
    await(count + " sessions running")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(10))
        .until(() -> engine.repository().countByState().getOrDefault("running", 0L) >= count);
  }

  /** Work that ends with "done" once the test releases it. */
  private Work doneWhenReleased() {
    return (a, sub) -> {
      release.await();
      return "done";
    };
  }

  /** Work that spawns one child and reports what the spawn got. */
  private static Work spawnsAndReports(Task child) {
    return (a, sub) -> {
      SpawnOutcome outcome = sub.spawn(child);
      return outcome instanceof Spawned s
          ? "child " + sub.await(s.sessionId()).describe()
          : "refused: " + ((Refused) outcome).reason();
    };
  }

  @Test
  void refusesASpawnBeyondMaxSpawnDepthWithTheReason() throws Exception {
    works.put("homelab-admin", spawnsAndReports(task("qa-tester", "verify grafana")));
    works.put(
        "qa-tester",
        (a, sub) ->
            a.depth() < 2
                ? sub.await(((Spawned) sub.spawn(task("qa-tester", "leaf"))).sessionId()).describe()
                : spawnsAndReports(task("qa-tester", "too deep")).perform(a, sub));
    long root = spawned(start().submit(task("homelab-admin", "verify grafana"), ORIGIN));

    assertThat(resultOf(root))
        .isEqualTo(
            new Succeeded(
                "child succeeded: succeeded: refused: maxSpawnDepth 2 reached: qa-tester at depth 2"
                    + " cannot spawn"));
    assertThat(engine.tree(root)).extracting(SessionRecord::depth).containsExactly(0, 1, 2);
  }

  @Test
  void refusesAnAgentOutsideAllowAgentsWithTheReason() throws Exception {
    works.put("homelab-admin", spawnsAndReports(task("devops-sre", "restart x")));
    works.put("devops-sre", spawnsAndReports(task("security-analyst", "scan")));
    works.put("security-analyst", (a, sub) -> "scanned");
    SpawnPolicy policy =
        new SpawnPolicy(
            Map.of("devops-sre", Set.of("devops-sre")), SpawnPolicy.AgentToAgent.defaults());
    long root =
        spawned(start(SessionLimits.defaults(), policy).submit(task("homelab-admin", "x"), ORIGIN));

    assertThat(resultOf(root).detail())
        .isEqualTo(
            "child succeeded: refused: subagents.allowAgents of devops-sre does not include"
                + " security-analyst [devops-sre]");
  }

  @Test
  void refusesAnotherAgentWhenAgentToAgentIsDisabledOrNotAllowed() throws Exception {
    works.put("homelab-admin", spawnsAndReports(task("devops-sre", "restart x")));
    works.put("devops-sre", (a, sub) -> "restarted");
    start(
        SessionLimits.defaults(),
        new SpawnPolicy(Map.of(), new SpawnPolicy.AgentToAgent(false, Set.of("*"))));
    long disabled = spawned(engine.submit(task("homelab-admin", "x"), ORIGIN));
    assertThat(resultOf(disabled).detail())
        .isEqualTo(
            "refused: tools.agentToAgent is disabled: homelab-admin cannot spawn devops-sre");
    engine.close();
    store.close();

    start(
        SessionLimits.defaults(),
        new SpawnPolicy(Map.of(), new SpawnPolicy.AgentToAgent(true, Set.of("homelab-admin"))));
    long notAllowed = spawned(engine.submit(task("homelab-admin", "x"), ORIGIN));
    assertThat(resultOf(notAllowed).detail())
        .isEqualTo(
            "refused: tools.agentToAgent.allow does not include devops-sre: homelab-admin cannot"
                + " spawn devops-sre");
  }

  @Test
  void refusesAChildPastMaxChildrenPerAgentWithTheReason() throws Exception {
    works.put("devops-sre", doneWhenReleased());
    works.put(
        "homelab-admin",
        (a, sub) -> {
          List<String> outcomes = new ArrayList<>();
          for (int i = 0; i < 3; i++) {
            SpawnOutcome outcome = sub.spawn(task("devops-sre", "part " + i));
            outcomes.add(outcome instanceof Refused r ? r.reason() : "spawned");
          }
          release.countDown();
          return String.join("; ", outcomes);
        });
    start(new SessionLimits(2, 8, 2, 60, LONG), SpawnPolicy.defaults());
    long root = spawned(engine.submit(task("homelab-admin", "x"), ORIGIN));

    assertThat(resultOf(root).detail())
        .matches(
            "spawned; spawned; maxChildrenPerAgent 2 reached: session \\d+ \\(homelab-admin\\) has 2"
                + " active children");
  }

  @Test
  void queuesPastMaxConcurrentAndRefusesWhenTheQueueIsFull() throws Exception {
    works.put("devops-sre", doneWhenReleased());
    start(new SessionLimits(2, 1, 5, 60, LONG, 1), SpawnPolicy.defaults());
    long first = spawned(engine.submit(task("devops-sre", "one"), ORIGIN));
    long second = spawned(engine.submit(task("devops-sre", "two"), ORIGIN));
    SpawnOutcome third = engine.submit(task("devops-sre", "three"), ORIGIN);

    assertThat(third)
        .isEqualTo(new Refused("maxConcurrent 1 reached and the spawn queue is full (1 waiting)"));
    assertThat(engine.find(second).orElseThrow().state()).isEqualTo("queued");
    release.countDown();
    assertThat(resultOf(first)).isEqualTo(new Succeeded("done"));
    assertThat(resultOf(second)).isEqualTo(new Succeeded("done"));
  }

  @Test
  void atTheLimitAWorkingParentLendsItsSlotToItsFirstChildAndQueuesTheNext() throws Exception {
    works.put("devops-sre", doneWhenReleased());
    works.put(
        "homelab-admin",
        (a, sub) -> {
          long first = ((Spawned) sub.spawn(task("devops-sre", "one"))).sessionId();
          long second = ((Spawned) sub.spawn(task("devops-sre", "two"))).sessionId();
          String states =
              engine.find(first).orElseThrow().state()
                  + " "
                  + engine.find(second).orElseThrow().state();
          release.countDown();
          return states + " " + sub.await(first).describe() + " " + sub.await(second).describe();
        });
    start(new SessionLimits(2, 1, 5, 60, LONG), SpawnPolicy.defaults());
    long root = spawned(engine.submit(task("homelab-admin", "x"), ORIGIN));

    assertThat(resultOf(root))
        .isEqualTo(new Succeeded("running queued succeeded: done succeeded: done"));
  }

  @Test
  void refusesAnUnknownAgent() {
    assertThat(start().submit(task("language-tutor", "hallo"), ORIGIN))
        .isEqualTo(new Refused("unknown agent 'language-tutor'"));
  }

  @Test
  void failingAndTimedOutChildrenDeliverTheirResultsToTheParentFromTheStore() throws Exception {
    works.put(
        "devops-sre",
        (a, sub) ->
            switch (text(a)) {
              case "ok" -> "rolled out";
              case "boom" -> throw new IllegalStateException("deployment/x not found in ns y");
              default -> {
                new CountDownLatch(1).await();
                yield "never";
              }
            });
    works.put(
        "homelab-admin",
        (a, sub) -> {
          List<Long> ids = new ArrayList<>();
          ids.add(((Spawned) sub.spawn(task("devops-sre", "ok"))).sessionId());
          ids.add(((Spawned) sub.spawn(task("devops-sre", "boom"))).sessionId());
          ids.add(((Spawned) sub.spawn(task("devops-sre", "hang", SHORT))).sessionId());
          List<String> results = new ArrayList<>();
          for (long id : ids) {
            results.add(sub.await(id).describe());
          }
          return String.join(" | ", results);
        });
    long root = spawned(start().submit(task("homelab-admin", "x"), ORIGIN));

    assertThat(resultOf(root))
        .isEqualTo(
            new Succeeded(
                "succeeded: rolled out | failed: deployment/x not found in ns y | timed out after"
                    + " 300 ms"));
    List<SessionRecord> children = engine.repository().children(root);
    assertThat(children)
        .extracting(SessionRecord::state)
        .containsExactly("succeeded", "failed", "timed_out");
    assertThat(children.get(2).result()).contains(new TimedOut(SHORT));
  }

  @Test
  void aLateSuccessAfterATimeoutChangesNothing() throws Exception {
    CountDownLatch lateReturned = new CountDownLatch(1);
    works.put(
        "devops-sre",
        (a, sub) -> {
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException ignoredLikeABadChild) {
            // a child that ignores the interrupt and reports success anyway
          }
          lateReturned.countDown();
          return "late success";
        });
    long id = spawned(start().submit(task("devops-sre", "x", SHORT), ORIGIN));

    assertThat(resultOf(id)).isEqualTo(new TimedOut(SHORT));
    assertThat(lateReturned.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(engine.repository().end(id, new Succeeded("late"), Instant.now())).isFalse();
    assertThat(engine.find(id).orElseThrow().result()).contains(new TimedOut(SHORT));
  }

  @Test
  void cancellingASessionCancelsItsSubtreeAndTheParentGetsTheResult() throws Exception {
    CountDownLatch leavesInterrupted = new CountDownLatch(2);
    works.put(
        "software-engineer",
        (a, sub) -> {
          if (a.depth() == 2) {
            try {
              new CountDownLatch(1).await();
            } finally {
              leavesInterrupted.countDown();
            }
          }
          long x = ((Spawned) sub.spawn(task("software-engineer", "leaf a"))).sessionId();
          long y = ((Spawned) sub.spawn(task("software-engineer", "leaf b"))).sessionId();
          return sub.await(x).describe() + sub.await(y).describe();
        });
    works.put("homelab-admin", spawnsAndReports(task("software-engineer", "change")));
    long root = spawned(start().submit(task("homelab-admin", "change"), ORIGIN));
    awaitRunning(4);
    long role = engine.repository().children(root).get(0).id();

    assertThat(engine.cancel(role, "user:alice")).isEqualTo(3);

    assertThat(resultOf(root)).isEqualTo(new Succeeded("child cancelled by user:alice"));
    assertThat(leavesInterrupted.await(10, TimeUnit.SECONDS)).isTrue();
    List<SessionRecord> leaves = engine.repository().children(role);
    assertThat(leaves).extracting(SessionRecord::state).containsOnly("cancelled");
    assertThat(leaves)
        .extracting(SessionRecord::detail)
        .containsOnly("user:alice (subtree of session " + role + ")");
    assertThat(engine.cancel(role, "user:bob")).isZero();
  }

  @Test
  void aRestartOnTheSameStoreFinalisesRunningSessionsAsInterruptedAndDeliversThem()
      throws Exception {
    works.put(
        "devops-sre",
        (a, sub) -> {
          if (a.depth() == 2) {
            new CountDownLatch(1).await();
          }
          return sub.await(((Spawned) sub.spawn(task("devops-sre", "leaf"))).sessionId())
              .describe();
        });
    works.put("homelab-admin", spawnsAndReports(task("devops-sre", "restart x")));
    long root = spawned(start().submit(task("homelab-admin", "restart x"), ORIGIN));
    awaitRunning(3);
    engine.halt();
    store.close();
    engine = null;

    start();

    assertThat(engine.interruptedAtStart()).isEqualTo(3);
    List<SessionRecord> tree = engine.tree(root);
    assertThat(tree).hasSize(3).allSatisfy(s -> assertThat(s.state()).isEqualTo("interrupted"));
    assertThat(tree).allSatisfy(s -> assertThat(s.detail()).startsWith("gateway restarted at "));
    assertThat(engine.repository().children(tree.get(1).id()))
        .singleElement()
        .satisfies(leaf -> assertThat(leaf.result()).get().isInstanceOf(Interrupted.class));
    assertThat(resultOf(root)).isInstanceOf(Interrupted.class);
    assertThat(engine.find(root).orElseThrow().consumedAt()).isNotNull();
  }

  @Test
  void noSessionIsLeftWithoutATerminalStateAfterItsDeadline() throws Exception {
    works.put(
        "qa-tester",
        (a, sub) -> {
          while (true) {
            try {
              Thread.sleep(1_000);
            } catch (InterruptedException ignored) {
              // deaf work: the supervisor must end it anyway
            }
          }
        });
    start(new SessionLimits(2, 2, 5, 60, LONG), SpawnPolicy.defaults());
    List<Long> ids = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      ids.add(spawned(engine.submit(task("qa-tester", "verify " + i, SHORT), ORIGIN)));
    }

    for (long id : ids) {
      assertThat(resultOf(id)).isEqualTo(new TimedOut(SHORT));
    }
    assertThat(engine.repository().countByState()).isEqualTo(Map.of("timed_out", 10L));
  }

  @Test
  void finishedSessionsAreArchivedAfterArchiveAfterMinutes() throws Exception {
    works.put("qa-tester", (a, sub) -> "verified");
    start(new SessionLimits(2, 8, 5, 0, LONG), SpawnPolicy.defaults());
    long id = spawned(engine.submit(task("qa-tester", "verify grafana"), ORIGIN));
    resultOf(id);

    assertThat(engine.archiveFinished()).isEqualTo(1);
    assertThat(engine.list(false, 10)).isEmpty();
    assertThat(engine.list(true, 10))
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.archivedAt()).isNotNull();
              assertThat(s.result()).contains(new Succeeded("verified"));
            });
  }

  @Test
  void aFailedResultNamesTheExceptionWhenItHasNoMessage() throws Exception {
    works.put(
        "qa-tester",
        (a, sub) -> {
          throw new NullPointerException();
        });
    long id = spawned(start().submit(task("qa-tester", "verify"), ORIGIN));
    assertThat(resultOf(id)).isEqualTo(new Failed("NullPointerException"));
  }

  @Test
  void closingEndsLiveSessionsAsInterrupted() throws Exception {
    works.put(
        "qa-tester",
        (a, sub) -> {
          new CountDownLatch(1).await();
          return "never";
        });
    long id = spawned(start().submit(task("qa-tester", "verify"), ORIGIN));
    awaitRunning(1);
    engine.close();
    assertThat(engine.find(id).orElseThrow().result().orElseThrow())
        .isInstanceOf(Interrupted.class);
    assertThat(engine.submit(task("qa-tester", "again"), ORIGIN))
        .isEqualTo(new Refused("the session engine is stopped"));
    assertThat(new Cancelled("x").describe()).isEqualTo("cancelled by x");
  }
}
