package dev.gitopscrew.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenClaw's cron jobs and heartbeat target as the loader takes them over: what maps becomes a
 * schedule, each other job a note with the reason.
 */
class OpenClawSchedulesTest {

  @TempDir Path dir;

  private LoadedConfig load(String config, String jobs) throws IOException {
    Files.writeString(dir.resolve("jobs.json"), jobs);
    return new ConfigLoader(Map.of())
        .loadFile(Files.writeString(dir.resolve("openclaw.json"), config));
  }

  private static String job(String name, String schedule, String rest) {
    return "{\"name\": \"%s\", \"schedule\": %s, %s}".formatted(name, schedule, rest);
  }

  @Test
  void eachCronJobIsTakenOverOrNotedWithItsReason() throws IOException {
    String scan = "\"payload\": {\"kind\": \"agentTurn\", \"message\": \"scan demo\"}";
    String daily = "{\"kind\": \"cron\", \"expr\": \"0 7 * * *\"}";
    LoadedConfig loaded =
        load(
            "{cron: {store: \"jobs.json\"}}",
            "{\"version\": 1, \"jobs\": ["
                + String.join(
                    ",",
                    job("Hourly", "{\"kind\": \"every\", \"everyMs\": 3600000}", scan),
                    job(
                        "Quiet",
                        "{\"kind\": \"every\", \"everyMs\": 5400000}",
                        "\"payload\": {\"kind\": \"systemEvent\", \"text\": \"release plan"
                            + " demo\"}"),
                    job("Once", "{\"kind\": \"at\", \"at\": \"2026-02-01T16:00:00Z\"}", scan),
                    job("Off", daily, scan + ", \"enabled\": false"),
                    job("Hook", daily, scan + ", \"delivery\": {\"mode\": \"webhook\"}"),
                    job(
                        "Tele",
                        daily,
                        scan
                            + ", \"delivery\": {\"mode\": \"announce\", \"channel\": \"telegram\"}"),
                    job("Seconds", "{\"kind\": \"cron\", \"expr\": \"0 0 7 * * *\"}", scan),
                    job("hourly", daily, scan))
                + "]}");

    assertThat(loaded.config().schedules())
        .extracting(s -> s.name() + " " + s.every() + " " + s.request() + " " + s.target())
        .containsExactly("hourly 1h scan demo alerts", "quiet 90m release plan demo none");
    assertThat(loaded.problems())
        .extracting(ConfigProblem::message)
        .contains(
            "job \"Once\" of jobs.json not taken over: schedule.kind at: only repeating jobs"
                + " (cron, every) become schedules",
            "job \"Off\" of jobs.json not taken over: disabled",
            "job \"Hook\" of jobs.json not taken over: delivery.mode webhook: a schedule posts to"
                + " the alerts channel only",
            "job \"Tele\" of jobs.json not taken over: delivery.channel telegram: a schedule posts"
                + " to Discord's alerts channel only",
            "job \"hourly\" of jobs.json not taken over: a schedule is already named hourly")
        .anyMatch(m -> m.startsWith("job \"Seconds\" of jobs.json not taken over: cron: not a"));
  }

  @Test
  void aDisabledCronAndAnAbsentSectionTakeNothingOver() throws IOException {
    String jobs =
        "["
            + job(
                "Hourly",
                "{\"kind\": \"every\", \"everyMs\": 3600000}",
                "\"payload\": {\"message\": \"scan demo\"}")
            + "]";
    assertThat(load("{cron: {enabled: false, store: \"jobs.json\"}}", jobs).config().schedules())
        .isEmpty();
    assertThat(load("{}", jobs).config().schedules()).isEmpty();
    assertThat(load("{cron: {store: \"jobs.json\"}}", jobs).config().schedules()).hasSize(1);
  }

  @Test
  void aHeartbeatTargetOfAnotherChatIsRecordedNotPosted() throws IOException {
    Files.createDirectories(dir.resolve("ws"));
    Files.writeString(dir.resolve("ws").resolve("HEARTBEAT.md"), "scan demo\n");
    LoadedConfig loaded =
        load("{agents: {defaults: {workspace: \"ws\", heartbeat: {target: \"telegram\"}}}}", "[]");

    assertThat(loaded.config().schedules())
        .extracting(s -> s.name() + " " + s.every() + " " + s.target() + " " + s.post())
        .containsExactly("heartbeat-1 30m none changed");
    assertThat(loaded.problems())
        .extracting(ConfigProblem::message)
        .contains(
            "target telegram: the crew posts to Discord only; the heartbeat's results are"
                + " recorded, not posted");
    assertThat(
            load("{agents: {defaults: {workspace: \"ws\", heartbeat: {every: \"0m\"}}}}", "[]")
                .config()
                .schedules())
        .isEmpty();
  }

  @Test
  void aDiscordChannelIdInDeliveryToOrTheHeartbeatsToIsThatChannelsTarget() throws IOException {
    Files.createDirectories(dir.resolve("ws"));
    Files.writeString(dir.resolve("ws").resolve("HEARTBEAT.md"), "scan demo\n");
    String scan = "\"payload\": {\"kind\": \"agentTurn\", \"message\": \"scan demo\"}";
    String daily = "{\"kind\": \"cron\", \"expr\": \"0 7 * * *\"}";
    LoadedConfig loaded =
        load(
            "{agents: {defaults: {workspace: \"ws\", heartbeat: {target: \"discord\","
                + " to: \"channel:1200000000000000003\"}}}, cron: {store: \"jobs.json\"}}",
            "["
                + String.join(
                    ",",
                    job(
                        "To ops",
                        daily,
                        scan
                            + ", \"delivery\": {\"mode\": \"announce\", \"channel\":"
                            + " \"discord\", \"to\": \"channel:1200000000000000002\"}"),
                    job(
                        "To a person",
                        daily,
                        scan
                            + ", \"delivery\": {\"mode\": \"announce\", \"channel\":"
                            + " \"discord\", \"to\": \"user:1300000000000000001\"}"))
                + "]");

    assertThat(loaded.config().schedules())
        .extracting(s -> s.name() + " " + s.target())
        .containsExactly(
            "heartbeat-1 discord:1200000000000000003",
            "to-ops discord:1200000000000000002",
            "to-a-person alerts");
    assertThat(loaded.problems())
        .extracting(ConfigProblem::message)
        .contains(
            "to channel:1200000000000000003: the heartbeat's results go to Discord channel"
                + " 1200000000000000003",
            "job \"To ops\" of jobs.json taken over as schedule to-ops: scan demo, cron \"0 7 * *"
                + " *\" (UTC), posts always to discord:1200000000000000002");
  }
}
