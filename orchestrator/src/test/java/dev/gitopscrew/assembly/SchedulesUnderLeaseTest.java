package dev.gitopscrew.assembly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gitopscrew.cluster.Leadership;
import dev.gitopscrew.incident.testing.ClusterFixture;
import dev.gitopscrew.metrics.CrewMetrics;
import dev.gitopscrew.schedule.ScheduleRun;
import dev.gitopscrew.schedule.Schedules;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.TestStores;
import dev.gitopscrew.testing.MovingClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas of the crew on one store (each its own connection pool, as two gateway processes
 * would have; PostgreSQL in CI, H2 otherwise), both with the same schedule, both in the Lease
 * election against Fabric8's CRUD mock: only the leader ticks the schedules, so each slot is run
 * once and by the leader; when the leader gives up the Lease, the other takes over and runs the
 * next slot, still once.
 *
 * <p>The hook on leading is the gateway's (GatewayLifecycle, which needs Quarkus): lead the
 * sessions, start the schedules' ticker; on losing the Lease the gateway halts and exits, here it
 * halts and stops its ticker. The ticker is real but ticks every few milliseconds instead of every
 * 15 s, and the slots come due by a clock the test moves: no sleeps, no timing.
 */
@Tag("store")
@EnableKubernetesMockClient(crud = true)
class SchedulesUnderLeaseTest {

  private static final String TOKEN = "eyJhbGciOiJSUzI1NiIsImtpZCI6ImNyZXctbGVhc2UifQ.mock-token";
  private static final Duration TICK = Duration.ofMillis(20);
  private static final Duration WAIT = Duration.ofSeconds(30);

  KubernetesMockServer server;
  KubernetesClient client;
  @TempDir Path dir;
  private final MovingClock clock = new MovingClock("2026-12-07T10:00:30Z");
  private final List<Replica> replicas = new ArrayList<>();

  /** One replica: its crew (its own pool on the shared store), schedules and Lease election. */
  private static final class Replica {
    final Crew crew;
    final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    final AtomicInteger clockReads = new AtomicInteger();
    final AtomicBoolean leading = new AtomicBoolean();
    final AtomicBoolean stopped = new AtomicBoolean();
    final Schedules schedules;
    final Leadership lease;

    Replica(CrewContext context, Clock shared) {
      this.crew = Crew.open(context, new CrewMetrics(registry));
      this.schedules = ScheduleWiring.build(crew, counting(shared, clockReads));
      this.lease = crew.cluster().leadership().orElseThrow();
    }

    /** As the gateway does on start-up (the same class): elect, work only while leading. */
    void elect() {
      LeadingReplica.elect(
          crew,
          lease,
          new LeadingReplica.Work() {
            @Override
            public void start() {
              schedules.start(TICK);
              leading.set(true);
            }

            @Override
            public void stop() {
              // the gateway exits here; a replica of the test stops its ticker
              leading.set(false);
              schedules.close();
              stopped.set(true);
            }
          },
          leader -> {});
    }

    /** The schedule runs this replica's schedules made (its own metrics). */
    double runs() {
      return registry.find("crew.schedule.runs").counters().stream()
          .mapToDouble(c -> c.count())
          .sum();
    }
  }

  @BeforeEach
  void cluster() throws Exception {
    ClusterFixture.allowAccessReviews(server);
    ClusterFixture.create(
        client,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: guestbook, namespace: argocd}
        spec:
          project: default
          source: {repoURL: "local://demo", path: k8s/apps/guestbook, targetRevision: main}
          destination: {server: "https://kubernetes.default.svc", namespace: apps}
        status:
          health: {status: Healthy}
          sync: {status: Synced}
        """);
  }

  @AfterEach
  void stop() {
    for (Replica r : replicas) {
      r.lease.close();
      r.schedules.close();
      r.crew.close();
    }
  }

  private Replica replica(String pod) throws Exception {
    Path config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            kubernetes:
              leaderElection: true
              leaseDurationSeconds: 3
            schedules:
              - name: drift-watch
                every: 1m
                request: drift
            """);
    Path state = dir.resolve("state");
    Map<String, String> env = new HashMap<>(TestStores.env(state));
    env.put("KUBECONFIG", ClusterFixture.kubeconfig(dir, client, TOKEN).toString());
    env.put("POD_NAME", pod);
    Replica r = new Replica(CrewContext.load(Optional.of(config), Optional.of(state), env), clock);
    replicas.add(r);
    return r;
  }

  @Test
  void eachSlotRunsOnceOnTheLeaderAndOnTheNextLeaderAfterItLeaves() throws Exception {
    Replica a = replica("pod-a");
    Replica b = replica("pod-b");
    a.elect();
    await().atMost(WAIT).until(a.leading::get);
    b.elect();
    // b reads the Lease and follows a: it never leads while a holds it
    await().atMost(WAIT).until(() -> b.lease.leader().isPresent());
    assertThat(b.lease.leader()).contains(a.lease.identity());
    assertThat(a.lease.identity()).isNotEqualTo(b.lease.identity());

    for (int slot = 1; slot <= 3; slot++) {
      clock.advance(Duration.ofMinutes(1));
      awaitRuns(a, slot);
    }
    assertThat(b.leading).isFalse();
    assertThat(b.runs()).as("runs on the replica that follows").isZero();
    assertThat(b.clockReads).as("ticks on the replica that follows").hasValue(0);

    a.lease.close();
    await().atMost(WAIT).until(() -> a.stopped.get() && b.leading.get());
    assertThat(b.lease.leader()).contains(b.lease.identity());
    for (int slot = 4; slot <= 5; slot++) {
      clock.advance(Duration.ofMinutes(1));
      awaitRuns(b, slot);
    }

    assertThat(a.runs()).as("runs on the first leader").isEqualTo(3);
    assertThat(b.runs()).as("runs on the next leader").isEqualTo(2);
    List<ScheduleRun> history = runsInStore(b);
    assertThat(history)
        .extracting(r -> r.slotAt().toString())
        .containsExactly(
            "2026-12-07T10:05:00Z",
            "2026-12-07T10:04:00Z",
            "2026-12-07T10:03:00Z",
            "2026-12-07T10:02:00Z",
            "2026-12-07T10:01:00Z");
    assertThat(history).allSatisfy(r -> assertThat(r.succeeded()).isTrue());
    assertThat(history)
        .extracting(ScheduleRun::sessionId)
        .doesNotContainNull()
        .doesNotHaveDuplicates();
    for (ScheduleRun r : history) {
      assertThat(b.crew.engine().find(r.sessionId()))
          .hasValueSatisfying(s -> assertThat(s.channel()).isEqualTo("schedule"));
    }
  }

  /** Waits until the store holds {@code n} finished runs, then checks they are one per slot. */
  private void awaitRuns(Replica leader, int n) {
    await()
        .atMost(WAIT)
        .until(
            () -> {
              List<ScheduleRun> h = runsInStore(leader);
              return h.size() >= n && h.stream().allMatch(r -> r.finishedAt() != null);
            });
    assertThat(runsInStore(leader)).as("runs after slot " + n).hasSize(n);
  }

  private static List<ScheduleRun> runsInStore(Replica r) {
    return r.schedules.history("drift-watch", 20).orElseThrow();
  }

  /** The shared clock, counting the reads this replica's schedules make (each tick reads it). */
  private static Clock counting(Clock shared, AtomicInteger reads) {
    return new Clock() {
      @Override
      public ZoneId getZone() {
        return shared.getZone();
      }

      @Override
      public Clock withZone(ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        reads.incrementAndGet();
        return shared.instant();
      }
    };
  }
}
