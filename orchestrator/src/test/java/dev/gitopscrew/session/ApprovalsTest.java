package dev.gitopscrew.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gitopscrew.assembly.SessionWiring;
import dev.gitopscrew.request.Ask;
import dev.gitopscrew.roles.work.AwaitingApproval;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import dev.gitopscrew.store.StateStore;
import dev.gitopscrew.store.TestStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A request's root parks for a person's approval: it holds no worker, survives a restart, runs
 * approved once somebody approves, ends cancelled when denied and timed out when nobody decides.
 */
@org.junit.jupiter.api.Tag("store")
class ApprovalsTest {

  private static final Origin ORIGIN = new Origin("cli", "alice");

  @TempDir Path stateDir;
  private StateStore store;
  private SessionEngine engine;
  private final List<String> approvedBy = new CopyOnWriteArrayList<>();

  /** Scales to zero: needs an approval, shows its dry run, and does the work once approved. */
  private final Work scaleToZero =
      (a, sub) -> {
        if (a.task().approvedBy() == null) {
          throw new AwaitingApproval(
              "scaling to zero stops the workload", "would scale deployment/web from 2 to 0");
        }
        approvedBy.add(a.task().approvedBy());
        return "scaled deployment/web to 0";
      };

  @AfterEach
  void stop() {
    if (engine != null) {
      engine.close();
    }
    if (store != null) {
      store.close();
    }
  }

  private SessionEngine start(Duration approvalTimeout) {
    store = TestStores.open(stateDir);
    engine =
        SessionWiring.start(
            store.dataSource(),
            new SessionLimits(2, 8, 5, 60, Duration.ofSeconds(30), 100, approvalTimeout),
            SpawnPolicy.defaults(),
            (agent, depth) -> Optional.of(scaleToZero));
    return engine;
  }

  private long submit() throws InterruptedException {
    SpawnOutcome outcome =
        engine.submit(new Task("homelab-admin", new Ask("scale web to 0")), ORIGIN);
    long id = ((SpawnOutcome.Spawned) outcome).sessionId();
    // the wait ends when the root parks, not only when it ends
    assertThat(engine.awaitResult(id, Duration.ofSeconds(20))).isEmpty();
    return id;
  }

  private SessionResult resultOf(long id) throws InterruptedException {
    return engine.awaitResult(id, Duration.ofSeconds(20)).orElseThrow();
  }

  @Test
  void aParkedRequestRunsApprovedOnceSomebodyApprovesAndASecondDecisionChangesNothing()
      throws Exception {
    start(Duration.ofHours(1));
    long id = submit();

    SessionRecord parked = engine.find(id).orElseThrow();
    assertThat(parked.state()).isEqualTo("awaiting_approval");
    assertThat(parked.detail()).isEqualTo("would scale deployment/web from 2 to 0");
    Approval approval = engine.approvals().ofSession(id).orElseThrow();
    assertThat(approval.pending()).isTrue();
    assertThat(approval.reason()).isEqualTo("scaling to zero stops the workload");
    assertThat(approval.id()).hasSize(8);
    assertThat(engine.approvals().pending()).containsExactly(approval);

    assertThat(engine.approve(approval.id(), "bob"))
        .isEqualTo(new SessionEngine.Decision.Resumed(id));
    assertThat(resultOf(id)).isEqualTo(new SessionResult.Succeeded("scaled deployment/web to 0"));
    assertThat(approvedBy).containsExactly("bob");

    assertThat(engine.approve(approval.id(), "carol"))
        .isInstanceOfSatisfying(
            SessionEngine.Decision.Unchanged.class,
            u ->
                assertThat(u.reason())
                    .startsWith("approval " + approval.id() + " was already approved by bob"));
    assertThat(engine.deny(approval.id(), "carol", "no"))
        .isInstanceOf(SessionEngine.Decision.Unchanged.class);
    assertThat(approvedBy).containsExactly("bob");
    assertThat(engine.approvals().pending()).isEmpty();
  }

  @Test
  void aDeniedRequestEndsCancelledSayingWhoAndWhy() throws Exception {
    start(Duration.ofHours(1));
    long id = submit();
    String approval = engine.approvals().ofSession(id).orElseThrow().id();

    assertThat(engine.deny(approval, "bob", "peak hours"))
        .isEqualTo(new SessionEngine.Decision.Denied(id));

    assertThat(engine.find(id).orElseThrow().result())
        .contains(new SessionResult.Cancelled("denied by bob: peak hours"));
    assertThat(approvedBy).isEmpty();
  }

  @Test
  void anApprovalNobodyGivesEndsTheRequestTimedOut() throws Exception {
    start(Duration.ofMillis(300));
    long id = submit();

    await("the approval expired")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> engine.find(id).orElseThrow().isTerminal());
    assertThat(engine.find(id).orElseThrow().result())
        .contains(new SessionResult.TimedOut(Duration.ofMillis(300)));
    assertThat(engine.approvals().ofSession(id).orElseThrow().state()).isEqualTo("expired");
  }

  @Test
  void aParkedRequestSurvivesAKillAndIsApprovedAfterTheRestart() throws Exception {
    start(Duration.ofHours(1));
    long id = submit();
    String approval = engine.approvals().ofSession(id).orElseThrow().id();

    engine.halt();
    store.close();
    start(Duration.ofHours(1));

    assertThat(engine.interruptedAtStart()).isZero();
    assertThat(engine.find(id).orElseThrow().state()).isEqualTo("awaiting_approval");
    assertThat(engine.approve(approval, "bob")).isEqualTo(new SessionEngine.Decision.Resumed(id));
    assertThat(resultOf(id)).isEqualTo(new SessionResult.Succeeded("scaled deployment/web to 0"));
    assertThat(engine.find(id).orElseThrow().channel()).isEqualTo("cli");
  }

  @Test
  void anUnknownApprovalIsSaidSo() {
    start(Duration.ofHours(1));
    assertThat(engine.approve("nosuchid", "bob"))
        .isEqualTo(new SessionEngine.Decision.Unchanged("no approval nosuchid"));
  }
}
