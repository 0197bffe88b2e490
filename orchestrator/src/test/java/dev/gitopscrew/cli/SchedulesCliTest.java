package dev.gitopscrew.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew schedules list|run|history} on a local state directory (no gateway, the embedded
 * store, where the command runs its sessions itself): a run is a session of origin (schedule, its
 * name), recorded as a manual slot, its result posted to the alerts webhook (a Discord double) as
 * its {@code post} says.
 */
class SchedulesCliTest {

  private static final String HOOK = "/api/webhooks/1180000000000000042/schedule-token";

  @TempDir Path dir;
  private WireMockServer discord;
  private Map<String, String> env;
  private Path config;

  @BeforeEach
  void start() throws IOException {
    discord = new WireMockServer(wireMockConfig().dynamicPort());
    discord.start();
    discord.stubFor(
        post(urlPathEqualTo(HOOK))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\": \"1190000000000000001\"}")));
    env = new HashMap<>();
    env.put("DISCORD_WEBHOOK_ALERTS", discord.baseUrl() + HOOK);
    config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            schedules:
              - name: weekly-scan
                cron: "0 7 * * 1"
                timezone: Europe/Paris
                request: scan demo
                post: changed
              - name: quiet-scan
                every: 1h
                request: scan demo
                target: none
              - name: ops-scan
                every: 1d
                request: scan demo
                target: webhook:ops
            """);
  }

  @AfterEach
  void stop() {
    discord.stop();
  }

  private CliRun crew(String... args) {
    return CliRun.withConfig(env, config, dir.resolve("state"), args);
  }

  @Test
  void doctorSaysWhenEachScheduleIsNextDueWhereItPostsAndWhichNamesAnUnknownRepository()
      throws IOException {
    Files.writeString(
        config,
        """
        schedules:
          - name: weekly-scan
            cron: "0 7 * * 1"
            request: scan demo
            post: changed
          - name: homelab-plan
            cron: "0 9 * * *"
            request: release plan homelab
            target: none
        """);
    CliRun doctor = crew("doctor");
    assertThat(doctor.out())
        .containsPattern(
            "schedule weekly-scan: configured \\(scan demo; next 20\\d\\d-\\d\\d-\\d\\dT07:00:00Z;"
                + " posts changed to [^)]*webhook")
        .contains(
            "schedule homelab-plan: BROKEN (release plan homelab; next ",
            "; posts always to nowhere (target: none); its request names repository homelab,"
                + " which is not configured) - fix: add it under git.repositories");
    assertThat(doctor.status()).as(doctor.all()).isEqualTo(1);
  }

  @Test
  void doctorSaysWhereEachTargetPostsAndWhichCannotBeReached() throws IOException {
    Files.writeString(
        config,
        """
        channels:
          discord:
            guilds:
              "1100000000000000001":
                channels:
                  "1200000000000000002": {allow: true}
        schedules:
          - name: to-ops
            every: 1h
            request: scan demo
            target: "discord:1200000000000000002"
          - name: to-elsewhere
            every: 1h
            request: scan demo
            target: "discord:1200000000000000999"
          - name: to-alerts-hook
            every: 1h
            request: scan demo
            target: webhook:alerts
          - name: to-daily-hook
            every: 1h
            request: scan demo
            target: webhook:daily
          - name: to-demo-issue
            every: 1h
            request: scan demo
            target: issue:demo
          - name: to-homelab-issue
            every: 1h
            request: scan demo
            target: issue:homelab
        """);
    CliRun doctor = crew("doctor");
    assertThat(doctor.out())
        .containsPattern(
            "schedule to-ops: configured \\(scan demo; next [^;]+; posts always to Discord channel"
                + " 1200000000000000002 \\(through the bot\\)\\)\n")
        .contains(
            "schedule to-elsewhere: BROKEN (scan demo; next ",
            "; posts always to Discord channel 1200000000000000999 (through the bot); channel"
                + " 1200000000000000999 is in no configured guild's channels) - fix: list it under"
                + " channels.discord.guilds.<guild id>.channels")
        .containsPattern(
            "schedule to-alerts-hook: configured \\(scan demo; next [^;]+; posts always to the"
                + " webhook DISCORD_WEBHOOK_ALERTS\\)\n")
        .contains(
            "schedule to-daily-hook: BROKEN (scan demo; next ",
            "; posts always to the webhook DISCORD_WEBHOOK_DAILY; DISCORD_WEBHOOK_DAILY is not set)"
                + " - fix: set DISCORD_WEBHOOK_DAILY to the Discord webhook's URL")
        .containsPattern(
            "schedule to-demo-issue: configured \\(scan demo; next [^;]+; posts always to the"
                + " issue \"Schedule to-demo-issue\" in repository demo\\)\n")
        .contains(
            "schedule to-homelab-issue: BROKEN (scan demo; next ",
            "; posts always to the issue \"Schedule to-homelab-issue\" in repository homelab; its"
                + " target names repository homelab, which is not configured) - fix: add it under"
                + " git.repositories (docs/forges.md), or post to an issue of one of [demo]")
        .doesNotContain(discord.baseUrl());
    assertThat(doctor.status()).as(doctor.all()).isEqualTo(1);
  }

  @Test
  void schedulesAreListedRunNowAndTheirHistoryShown() {
    CliRun list = crew("schedules", "list");
    assertThat(list.status()).as(list.all()).isZero();
    assertThat(list.out())
        .contains("weekly-scan: scan demo, cron \"0 7 * * 1\" (Europe/Paris); next ")
        .contains("posts changed to alerts; last: not run yet")
        .contains("quiet-scan: scan demo, every 1h; next ")
        .contains("posts always to none")
        .contains("ops-scan: scan demo, every 1d; next ")
        .contains("posts always to webhook:ops; last: not run yet");

    CliRun run = crew("schedules", "run", "weekly-scan");
    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out()).contains(" manual: succeeded session #1, posted");
    discord.verify(1, postRequestedFor(urlPathEqualTo(HOOK)));

    // the first run opened the findings issue and the hardening pull request; the second finds
    // them there: its result differs, and is posted
    CliRun second = crew("schedules", "run", "weekly-scan");
    assertThat(second.out()).contains(" manual: succeeded session #3, posted");
    discord.verify(2, postRequestedFor(urlPathEqualTo(HOOK)));

    CliRun third = crew("schedules", "run", "weekly-scan");
    assertThat(third.status()).as(third.all()).isZero();
    assertThat(third.out()).contains(" manual: succeeded session #").doesNotContain(", posted");
    discord.verify(2, postRequestedFor(urlPathEqualTo(HOOK)));

    CliRun history = crew("schedules", "history", "weekly-scan");
    assertThat(history.status()).isZero();
    assertThat(history.out().lines().filter(l -> l.startsWith("20")))
        .hasSize(3)
        .allMatch(l -> l.contains(" manual: succeeded"));
    assertThat(crew("schedules", "list").out())
        .contains("last: ")
        .doesNotContain("weekly-scan: scan demo, cron \"0 7 * * 1\" (Europe/Paris); next never");

    CliRun session = crew("sessions", "show", "1", "--json");
    assertThat(session.out())
        .contains("\"channel\" : \"schedule\"")
        .contains("\"requester\" : \"weekly-scan\"");
  }

  @Test
  void anUnknownScheduleIsAnErrorNamingTheList() {
    CliRun run = crew("schedules", "run", "nope");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err()).contains("no schedule nope (crew schedules list shows them)");
    assertThat(crew("schedules", "history", "nope").status()).isEqualTo(1);
  }

  @Test
  void configValidateNamesABadCronWithItsKeyAndLine() throws IOException {
    config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            schedules:
              - name: weekly-scan
                cron: "0 7 * *"
                request: scan demo
            """);
    CliRun validate = crew("config", "validate");
    assertThat(validate.status()).isEqualTo(2);
    assertThat(validate.err())
        .contains("crew.yaml:3: schedules[0].cron: not a five-field cron expression");
  }
}
