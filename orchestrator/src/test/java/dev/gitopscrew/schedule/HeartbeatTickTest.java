package dev.gitopscrew.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.config.ConfigLoader;
import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.store.JdbcScheduleRuns;
import dev.gitopscrew.store.StateStore;
import dev.gitopscrew.store.TestStores;
import dev.gitopscrew.testing.MovingClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenClaw's heartbeat read from the configuration and its {@code HEARTBEAT.md}: each beat runs
 * every check line as its own request, and nothing else; the clock is moved by hand.
 */
class HeartbeatTickTest {

  @TempDir Path dir;
  private StateStore store;
  private final MovingClock clock = new MovingClock("2026-12-07T10:00:30Z");
  private final List<String> requested = Collections.synchronizedList(new ArrayList<>());

  @BeforeEach
  void open() {
    store = TestStores.open(dir.resolve("state"));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void eachBeatRunsEveryCheckLineOnce() throws Exception {
    Path workspace = Files.createDirectories(dir.resolve("workspace"));
    Files.writeString(
        workspace.resolve("HEARTBEAT.md"),
        """
        # Heartbeat
        - scan demo
        - release plan demo
        - verify whoami in homelab
        - Look around and tell me if something is odd
        """);
    RunDueSchedules due = runner(config(workspace));

    assertThat(due.tick()).as("the heartbeat starts from now").isEmpty();
    clock.advance(Duration.ofMinutes(30));
    assertThat(due.tick()).hasSize(3);
    assertThat(requested)
        .containsExactly(
            "heartbeat-1 scan demo",
            "heartbeat-2 release plan demo",
            "heartbeat-3 verify whoami in homelab");

    assertThat(due.tick()).as("the same beat again").isEmpty();
    clock.advance(Duration.ofMinutes(30));
    assertThat(due.tick()).hasSize(3);
    assertThat(requested).hasSize(6);
  }

  private CrewConfig config(Path workspace) throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("openclaw.json"),
            """
            {
              agents: {
                defaults: {
                  workspace: "%s",
                  heartbeat: { every: "30m", target: "none", activeHours: { start: "08:00", end: "23:00" } },
                },
              },
            }
            """
                .formatted(workspace));
    return new ConfigLoader(Map.of()).loadFile(file).config();
  }

  private RunDueSchedules runner(CrewConfig config) {
    List<Schedule> schedules =
        config.schedules().stream()
            .map(e -> e.spec().read(config.scheduleZone(), RequestCatalogue.standard(), false))
            .toList();
    JdbcScheduleRuns runs = new JdbcScheduleRuns(store.dataSource());
    RunScheduleSlot slot =
        new RunScheduleSlot(
            runs,
            s -> {
              requested.add(s.name() + " " + s.request());
              return new ScheduleRequests.Ran((long) requested.size(), "succeeded", "ok", "ok");
            },
            (s, run) -> {},
            (name, outcome, lag) -> {},
            clock);
    return new RunDueSchedules(schedules, runs, slot, clock, Duration.ofMinutes(5));
  }
}
