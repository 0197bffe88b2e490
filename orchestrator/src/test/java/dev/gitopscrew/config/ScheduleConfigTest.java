package dev.gitopscrew.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.schedule.Schedule;
import dev.gitopscrew.schedule.ScheduleTarget;
import dev.gitopscrew.schedule.ScheduleTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code schedules} in the configuration: read, and each wrong value named with key and line. */
class ScheduleConfigTest {

  final ConfigLoader loader = new ConfigLoader(Map.of());
  @TempDir Path dir;

  @Test
  void schedulesAreReadWithTheUserTimezoneAsTheirDefault() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            agents:
              defaults: {userTimezone: Europe/Paris}
            schedules:
              - name: weekly-scan
                cron: "0 7 * * 1"
                request: scan demo
              - name: release-plan
                every: 12h
                request: release plan demo
                post: changed
                target: none
                activeHours: {start: "08:00", end: "23:00"}
                catchUp: skip
            """);
    CrewConfig config = loader.loadFile(file).config();

    assertThat(config.schedules()).hasSize(2);
    Schedule weekly =
        config
            .schedules()
            .get(0)
            .spec()
            .read(config.scheduleZone(), RequestCatalogue.standard(), false);
    assertThat(weekly.timing()).isInstanceOf(ScheduleTiming.CronTiming.class);
    assertThat(((ScheduleTiming.CronTiming) weekly.timing()).zone())
        .isEqualTo(ZoneId.of("Europe/Paris"));
    assertThat(weekly.target()).isEqualTo(new ScheduleTarget.Alerts());
    assertThat(weekly.post()).isEqualTo(Schedule.Post.ALWAYS);
    assertThat(weekly.catchUp()).isEqualTo(Schedule.CatchUp.ONCE);
    Schedule plan =
        config
            .schedules()
            .get(1)
            .spec()
            .read(config.scheduleZone(), RequestCatalogue.standard(), false);
    assertThat(plan.timing().describe()).isEqualTo("every 12h");
    assertThat(plan.hours().orElseThrow().describe()).isEqualTo("08:00-23:00 Europe/Paris");
    assertThat(plan.post()).isEqualTo(Schedule.Post.CHANGED);
    assertThat(plan.catchUp()).isEqualTo(Schedule.CatchUp.SKIP);
  }

  @Test
  void aBadCronAndAnUnparsableRequestLineFailWithKeyAndLine() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            schedules:
              - name: broken-cron
                cron: "61 * * * *"
                request: scan demo
              - name: broken-line
                every: 30m
                request: frobnicate the cluster
              - name: both
                cron: "0 7 * * *"
                every: 1h
                request: scan demo
              - name: nowhere
                every: 1h
                request: scan demo
                target: pager
              - name: quiet
                every: 10x
                request: scan demo
                activeHours: {start: "8am", end: "23:00"}
            """);
    assertThatThrownBy(() -> loader.loadFile(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ConfigProblem::path, ConfigProblem::line)
                  .containsExactlyInAnyOrder(
                      tuple("schedules[0].cron", 3),
                      tuple("schedules[1].request", 7),
                      tuple("schedules[2].every", 10),
                      tuple("schedules[3].target", 15),
                      tuple("schedules[4].every", 17));
              assertThat(e.problems().get(0).describe())
                  .contains("schedules[0].cron")
                  .contains("not a five-field cron expression");
              assertThat(e.problems())
                  .filteredOn(p -> p.path().equals("schedules[1].request"))
                  .singleElement()
                  .satisfies(
                      p ->
                          assertThat(p.message())
                              .startsWith("not a request: unknown request 'frobnicate'"));
            });
  }

  @Test
  void aRequestNotTakenByAScheduleLineAndTwiceTheSameNameAreErrors() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("crew.json"),
            """
            {"schedules": [
              {"name": "drill", "every": "1h", "request": "drill fanout 10"},
              {"name": "drill", "every": "1h", "request": "scan demo",
               "activeHours": {"start": "25:00", "end": "23:00"}},
              {"name": "Bad Name", "every": "1h", "request": "scan demo", "post": "sometimes"}
            ]}
            """);
    assertThatThrownBy(() -> loader.loadFile(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              assertThat(e.problems())
                  .extracting(ConfigProblem::path)
                  .containsExactlyInAnyOrder(
                      "schedules[0].request",
                      "schedules[1].activeHours.start",
                      "schedules[2].name");
              assertThat(e.problems().get(0).message()).contains("drill fanout is not taken here");
            });
  }

  @Test
  void aUserTimezoneThatIsNoZoneIsAnErrorWhenSchedulesReadTheirTimesInIt() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            agents:
              defaults: {userTimezone: Mars/Olympus}
            schedules:
              - {name: weekly-scan, cron: "0 7 * * 1", request: scan demo}
            """);
    assertThatThrownBy(() -> loader.loadFile(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::path, ConfigProblem::line)
                    .containsExactly(tuple("agents.defaults.userTimezone", 2)));
  }

  @Test
  void activeHoursNoSlotFallsWithinAreAnError() throws IOException {
    Path file =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            schedules:
              - name: daily-plan
                every: 1d
                timezone: Europe/Paris
                request: release plan demo
                activeHours: {start: "08:00", end: "23:00"}
            """);
    assertThatThrownBy(() -> loader.loadFile(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .satisfies(
                        p -> {
                          assertThat(p.path()).isEqualTo("schedules[0].activeHours");
                          assertThat(p.line()).isEqualTo(6);
                          assertThat(p.message())
                              .isEqualTo(
                                  "no slot of every 1d falls within 08:00-23:00 Europe/Paris");
                        }));
  }
}
