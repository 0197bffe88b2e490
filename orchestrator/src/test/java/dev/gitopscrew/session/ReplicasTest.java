package dev.gitopscrew.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.assembly.SessionWiring;
import dev.gitopscrew.request.Ask;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import dev.gitopscrew.store.StateStore;
import dev.gitopscrew.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one store (each its own connection pool, as two processes would have): the one
 * that does not lead stores requests and reads results; the leader runs them; when the leader dies
 * mid-work, the other takes over, ends what was running {@code interrupted} and runs what was
 * waiting. On PostgreSQL in CI, on H2 otherwise.
 */
@Tag("store")
class ReplicasTest {

  private static final Origin ORIGIN = new Origin("api", "alice");
  private static final SessionLimits LIMITS =
      new SessionLimits(2, 1, 5, 60, Duration.ofSeconds(60));

  @TempDir Path stateDir;
  private final Map<String, Work> works = new ConcurrentHashMap<>();
  private final List<AutoCloseable> open = new ArrayList<>();

  /**
   * Holds work that must outlive the replica running it (a kill -9 leaves it running) until the
   * test is over; released in teardown, so no worker thread is left behind, asleep, for later
   * tests.
   */
  private final CountDownLatch endOfTest = new CountDownLatch(1);

  @AfterEach
  void stop() throws Exception {
    endOfTest.countDown();
    for (int i = open.size() - 1; i >= 0; i--) {
      open.get(i).close();
    }
  }

  private SessionEngine replica() {
    StateStore store = TestStores.open(stateDir);
    open.add(store);
    SessionEngine engine =
        SessionWiring.standby(
            store.dataSource(),
            LIMITS,
            SpawnPolicy.defaults(),
            (agent, depth) -> Optional.ofNullable(works.get(agent)));
    open.add(engine);
    return engine;
  }

  private static long spawned(SpawnOutcome outcome) {
    assertThat(outcome).isInstanceOf(SpawnOutcome.Spawned.class);
    return ((SpawnOutcome.Spawned) outcome).sessionId();
  }

  private static Task ask(String text) {
    return new Task("homelab-admin", new Ask(text));
  }

  @Test
  void aRequestStoredByAReplicaThatDoesNotLeadIsRunByTheLeader() throws Exception {
    works.put("homelab-admin", (a, sub) -> "answered " + ((Ask) a.task().request()).text());
    SessionEngine leader = replica();
    SessionEngine follower = replica();
    leader.lead();

    long id = spawned(follower.submit(ask("on the follower"), ORIGIN));

    Optional<SessionResult> result = follower.awaitResult(id, Duration.ofSeconds(20));
    assertThat(result)
        .hasValueSatisfying(r -> assertThat(r.describe()).contains("answered on the follower"));
    assertThat(follower.leading()).isFalse();
    assertThat(follower.find(id).orElseThrow().channel()).isEqualTo("api");
  }

  @Test
  void whenTheLeaderDiesTheOtherEndsItsWorkInterruptedAndRunsWhatWaited() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    works.put(
        "homelab-admin",
        (a, sub) -> {
          String text = ((Ask) a.task().request()).text();
          if (text.equals("slow")) {
            started.countDown();
            endOfTest.await();
          }
          return "ran " + text;
        });
    SessionEngine first = replica();
    SessionEngine second = replica();
    first.lead();
    long slow = spawned(second.submit(ask("slow"), ORIGIN));
    assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
    // maxConcurrent 1: this one waits behind the slow one, queued in the store
    long waiting = spawned(second.submit(ask("waiting"), ORIGIN));

    first.halt(); // as a kill -9: nothing more is written by the first leader
    second.lead();

    assertThat(second.awaitResult(slow, Duration.ofSeconds(20)))
        .hasValueSatisfying(r -> assertThat(r.state()).isEqualTo("interrupted"));
    assertThat(second.awaitResult(waiting, Duration.ofSeconds(20)))
        .hasValueSatisfying(r -> assertThat(r.describe()).contains("ran waiting"));
    assertThat(second.interruptedAtStart()).isEqualTo(1);
  }

  @Test
  void anApprovalRecordedOnAReplicaThatDoesNotLeadIsCarriedOutByTheLeader() throws Exception {
    works.put(
        "homelab-admin",
        (a, sub) -> {
          if (a.task().approvedBy() == null) {
            throw new dev.gitopscrew.roles.work.AwaitingApproval("disruptive", "dry run: fine");
          }
          return "done, approved by " + a.task().approvedBy();
        });
    SessionEngine leader = replica();
    SessionEngine follower = replica();
    leader.lead();
    long id = spawned(follower.submit(ask("scale to zero"), ORIGIN));
    follower.awaitResult(id, Duration.ofSeconds(20));
    Approval pending = follower.approvals().pending().get(0);

    assertThat(follower.approve(pending.id(), "bob"))
        .isEqualTo(new SessionEngine.Decision.Resumed(id));

    assertThat(follower.awaitResult(id, Duration.ofSeconds(20)))
        .hasValueSatisfying(r -> assertThat(r.describe()).contains("done, approved by bob"));
  }
}
