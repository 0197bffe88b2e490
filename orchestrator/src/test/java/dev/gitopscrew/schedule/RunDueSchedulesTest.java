package dev.gitopscrew.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.store.JdbcScheduleRuns;
import dev.gitopscrew.store.StateStore;
import dev.gitopscrew.store.TestStores;
import dev.gitopscrew.testing.MovingClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The schedules' tick on a real store (embedded H2, or PostgreSQL when the build runs with {@code
 * CREW_TEST_POSTGRES_URL}), driven by a clock the test moves: no sleeps, no timing.
 */
@Tag("store")
class RunDueSchedulesTest {

  private static final Duration GRACE = Duration.ofMinutes(5);

  @TempDir Path dir;
  private StateStore store;
  private JdbcScheduleRuns runs;
  private final MovingClock clock = new MovingClock("2026-12-07T10:00:30Z");
  // what the schedule's request answers, run after run; the last repeats
  private final List<String> results = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger requested = new AtomicInteger();
  private final List<String> posted = Collections.synchronizedList(new ArrayList<>());
  private final List<String> counted = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void open() {
    store = TestStores.open(dir.resolve("state"));
    runs = new JdbcScheduleRuns(store.dataSource());
  }

  @AfterEach
  void close() {
    store.close();
  }

  private Schedule schedule(String yamlLikeCron, String post, String start, String end) {
    return new ScheduleSpec(
            "nightly", yamlLikeCron, null, null, "scan demo", "alerts", post, start, end, null)
        .read(ZoneOffset.UTC, RequestCatalogue.standard(), false);
  }

  private RunDueSchedules runner(Schedule... schedules) {
    ScheduleRequests requests =
        s -> {
          int n = requested.incrementAndGet();
          String result =
              results.isEmpty() ? "clean" : results.get(Math.min(n, results.size()) - 1);
          return new ScheduleRequests.Ran((long) n, "succeeded", result, result);
        };
    RunScheduleSlot slot =
        new RunScheduleSlot(
            runs,
            requests,
            (s, run) -> posted.add(s.name() + " " + run.summary()),
            (name, outcome, lag) -> counted.add(name + " " + outcome),
            clock);
    return new RunDueSchedules(List.of(schedules), runs, slot, clock, GRACE);
  }

  @Test
  void aScheduleDueEveryMinuteRunsOncePerMinuteOfAdvancedClock() throws Exception {
    RunDueSchedules due = runner(schedule("* * * * *", null, null, null));

    assertThat(due.tick()).as("a new schedule starts from now").isEmpty();
    for (int minute = 1; minute <= 3; minute++) {
      clock.advance(Duration.ofMinutes(1));
      assertThat(due.tick()).hasSize(1);
      assertThat(due.tick()).as("ticking again at the same instant").isEmpty();
    }

    assertThat(requested).hasValue(3);
    assertThat(runs.history("nightly", 10))
        .extracting(r -> r.slotAt() + " " + r.kind() + " " + r.outcome())
        .containsExactly(
            "2026-12-07T10:03:00Z scheduled succeeded",
            "2026-12-07T10:02:00Z scheduled succeeded",
            "2026-12-07T10:01:00Z scheduled succeeded");
    assertThat(counted)
        .containsExactly("nightly succeeded", "nightly succeeded", "nightly succeeded");
  }

  @Test
  void eachRunIsCountedByScheduleAndOutcome() throws Exception {
    var registry = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    var metrics = new dev.gitopscrew.metrics.CrewMetrics(registry);
    RunScheduleSlot slot =
        new RunScheduleSlot(
            runs,
            s -> new ScheduleRequests.Ran(null, "refused", "no", "no"),
            (s, r) -> {},
            metrics::scheduleRun,
            clock);
    RunDueSchedules due =
        new RunDueSchedules(
            List.of(schedule("* * * * *", null, null, null)), runs, slot, clock, GRACE);
    due.tick();
    clock.advance(Duration.ofMinutes(1));
    due.tick();
    assertThat(
            registry
                .get("crew.schedule.runs")
                .tags("schedule", "nightly", "outcome", "refused")
                .counter()
                .count())
        .isEqualTo(1.0);
    // the 10:01 slot, found by the tick at 10:01:30: thirty seconds late, recorded once
    var lag = registry.get("crew.schedule.lag").tags("schedule", "nightly").timer();
    assertThat(lag.count()).isEqualTo(1);
    assertThat(lag.totalTime(java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(30.0);
  }

  @Test
  void everyCountsItsSlotsFromTheEpoch() throws Exception {
    Schedule every =
        new ScheduleSpec("often", null, null, "30m", "scan demo", "none", null, null, null, null)
            .read(ZoneOffset.UTC, RequestCatalogue.standard(), false);
    RunDueSchedules due = runner(every);
    due.tick();
    clock.set("2026-12-07T10:29:59Z");
    assertThat(due.tick()).isEmpty();
    clock.set("2026-12-07T10:30:00Z");
    assertThat(due.tick())
        .extracting(ScheduleRun::slotAt)
        .containsExactly(Instant.parse("2026-12-07T10:30:00Z"));
    assertThat(posted).as("target none").isEmpty();
  }

  @Test
  void activeHoursSkipSlotsOutsideThem() throws Exception {
    clock.set("2026-12-07T05:00:10Z");
    RunDueSchedules due = runner(schedule("0 * * * *", null, "08:00", "10:00"));
    due.tick();
    List<ScheduleRun> ran = new ArrayList<>();
    for (int hour = 6; hour <= 12; hour++) {
      clock.advance(Duration.ofHours(1));
      ran.addAll(due.tick());
    }
    assertThat(ran)
        .extracting(r -> r.slotAt().toString())
        .containsExactly("2026-12-07T08:00:00Z", "2026-12-07T09:00:00Z");
  }

  @Test
  void aChangedSchedulePostsItsFirstResultThenOnlyWhenTheResultChanges() throws Exception {
    results.addAll(List.of("2 findings", "2 findings", "3 findings", "3 findings"));
    RunDueSchedules due = runner(schedule("* * * * *", "changed", null, null));
    due.tick();
    for (int minute = 1; minute <= 4; minute++) {
      clock.advance(Duration.ofMinutes(1));
      due.tick();
    }
    assertThat(posted).containsExactly("nightly 2 findings", "nightly 3 findings");
    assertThat(runs.history("nightly", 10))
        .extracting(ScheduleRun::posted)
        .containsExactly(false, true, false, true);
  }

  @Test
  void aFailedSchedulePostsOnlyFailures() throws Exception {
    Schedule failed = schedule("* * * * *", "failed", null, null);
    ScheduleRequests failing =
        s ->
            new ScheduleRequests.Ran(
                null, requested.incrementAndGet() == 2 ? "failed" : "succeeded", "x", "x");
    RunScheduleSlot slot =
        new RunScheduleSlot(
            runs, failing, (s, r) -> posted.add(r.outcome()), (a, b, c) -> {}, clock);
    RunDueSchedules due = new RunDueSchedules(List.of(failed), runs, slot, clock, GRACE);
    due.tick();
    for (int minute = 1; minute <= 3; minute++) {
      clock.advance(Duration.ofMinutes(1));
      due.tick();
    }
    assertThat(posted).containsExactly("failed");
  }

  @Test
  void twoRunnersOnOneStoreRunEachSlotOnce() throws Exception {
    Schedule s = schedule("* * * * *", null, null, null);
    RunDueSchedules one = runner(s);
    RunDueSchedules two = runner(s);
    one.tick();
    two.tick();
    for (int minute = 1; minute <= 3; minute++) {
      clock.advance(Duration.ofMinutes(1));
      one.tick();
      two.tick();
    }
    assertThat(requested).hasValue(3);
    assertThat(runs.history("nightly", 10)).hasSize(3);
  }

  @Test
  void twoRunnersTickingAtOnceClaimEachSlotOnce() throws Exception {
    Schedule s = schedule("* * * * *", null, null, null);
    List<RunDueSchedules> runners = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      runners.add(runner(s));
      runners.get(i).tick();
    }
    ExecutorService pool = Executors.newFixedThreadPool(runners.size());
    try {
      for (int minute = 1; minute <= 3; minute++) {
        clock.advance(Duration.ofMinutes(1));
        CyclicBarrier together = new CyclicBarrier(runners.size());
        List<Future<List<ScheduleRun>>> ticks = new ArrayList<>();
        for (RunDueSchedules r : runners) {
          Callable<List<ScheduleRun>> tick =
              () -> {
                together.await();
                return r.tick();
              };
          ticks.add(pool.submit(tick));
        }
        int made = 0;
        for (Future<List<ScheduleRun>> f : ticks) {
          made += f.get().size();
        }
        assertThat(made).as("runs of minute " + minute).isEqualTo(1);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(requested).hasValue(3);
  }

  @Test
  void aSlotStartedAndNeverFinishedRunsOnceAfterARestartNeverTwice() throws Exception {
    Schedule s = schedule("0 7 * * *", null, null, null);
    // the process claimed the 07:00 slot, began its request and was killed
    long left =
        runs.claim("nightly", Instant.parse("2026-12-07T07:00:00Z"), "scheduled", clock.instant())
            .orElseThrow();

    List<ScheduleRun> afterRestart = runner(s).tick();
    assertThat(afterRestart)
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.id()).isEqualTo(left);
              assertThat(r.rerun()).isTrue();
              assertThat(r.state()).isEqualTo(ScheduleRun.DONE);
              assertThat(r.outcome()).isEqualTo("succeeded");
            });
    assertThat(runner(s).tick()).as("a second restart").isEmpty();
    assertThat(requested).hasValue(1);
  }

  @Test
  void aSlotCutShortAgainWhileRerunIsNotRunAThirdTime() throws Exception {
    Schedule s = schedule("0 7 * * *", null, null, null);
    long left =
        runs.claim("nightly", Instant.parse("2026-12-07T07:00:00Z"), "scheduled", clock.instant())
            .orElseThrow();
    assertThat(runs.move(left, ScheduleRun.STARTED, ScheduleRun.RERUNNING)).isTrue();

    assertThat(runner(s).tick()).isEmpty();
    assertThat(requested).hasValue(0);
    assertThat(runs.find(left).orElseThrow())
        .satisfies(
            r -> {
              assertThat(r.outcome()).isEqualTo("interrupted");
              assertThat(r.rerun()).isTrue();
            });
  }

  @Test
  void aSlotMissedWhileDownRunsOnceOrIsSkipped() throws Exception {
    Schedule once = schedule("0 7 * * *", null, null, null);
    clock.set("2026-12-07T06:59:30Z");
    RunDueSchedules due = runner(once);
    due.tick();
    clock.set("2026-12-07T07:00:30Z");
    assertThat(due.tick()).extracting(ScheduleRun::kind).containsExactly("scheduled");

    // down from before 07:00 the next day until 09:00: the restarted crew runs that slot once
    clock.set("2026-12-08T09:00:30Z");
    RunDueSchedules restarted = runner(once);
    assertThat(restarted.tick())
        .extracting(r -> r.slotAt() + " " + r.kind())
        .containsExactly("2026-12-08T07:00:00Z catch-up");
    assertThat(restarted.tick()).isEmpty();
    assertThat(requested).hasValue(2);

    Schedule skip =
        new ScheduleSpec(
                "quiet", "0 7 * * *", null, null, "scan demo", "none", null, null, null, "skip")
            .read(ZoneOffset.UTC, RequestCatalogue.standard(), false);
    runs.claim("quiet", Instant.parse("2026-12-07T07:00:00Z"), "scheduled", clock.instant())
        .ifPresent(
            id ->
                runs.finish(
                    id,
                    new ScheduleRuns.Result(null, "succeeded", "d", null, false),
                    clock.instant()));
    assertThat(runner(skip).tick()).isEmpty();
    assertThat(requested).hasValue(2);
    assertThat(runs.history("quiet", 1))
        .extracting(r -> r.slotAt() + " " + r.kind() + " " + r.outcome())
        .containsExactly("2026-12-08T07:00:00Z skipped skipped");
  }
}
