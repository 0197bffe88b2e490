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
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An OpenClaw configuration as it is: its heartbeat keys with the workspace's {@code HEARTBEAT.md},
 * and its cron store, read into schedules that {@code crew config validate} and {@code crew
 * schedules list} show; what is not taken over is listed with the reason.
 */
class OpenClawSchedulesCliTest {

  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void write() throws IOException {
    Path workspace = Files.createDirectories(dir.resolve("workspace"));
    Files.writeString(
        workspace.resolve("HEARTBEAT.md"),
        """
        # Heartbeat checklist

        - scan demo
        - release plan demo
        - verify whoami in homelab
        - Check whether anything in the cluster looks off
        """);
    Files.writeString(
        dir.resolve("jobs.json"),
        """
        {
          "version": 1,
          "jobs": [
            {
              "id": "job-1",
              "name": "Morning scan",
              "enabled": true,
              "schedule": { "kind": "cron", "expr": "0 7 * * *", "tz": "Europe/Paris" },
              "sessionTarget": "isolated",
              "payload": { "kind": "agentTurn", "message": "scan demo" },
              "delivery": { "mode": "announce", "channel": "discord" }
            },
            {
              "id": "job-2",
              "name": "Morning brief",
              "schedule": { "kind": "cron", "expr": "0 7 * * *" },
              "sessionTarget": "isolated",
              "payload": { "kind": "agentTurn", "message": "Summarize overnight updates." }
            }
          ]
        }
        """);
    config =
        Files.writeString(
            dir.resolve("openclaw.json"),
            """
            {
              agents: {
                defaults: {
                  workspace: "%s",
                  userTimezone: "Europe/Paris",
                  heartbeat: {
                    every: "30m",
                    target: "last",
                    activeHours: { start: "08:00", end: "23:00" },
                    prompt: "Read HEARTBEAT.md if it exists.",
                  },
                },
              },
              cron: { store: "jobs.json", maxConcurrentRuns: 1 },
            }
            """
                .formatted(workspace));
  }

  private CliRun crew(String... args) {
    return CliRun.withConfig(Map.of(), config, dir.resolve("state"), args);
  }

  @Test
  void theHeartbeatBecomesOneScheduleWithThreeChecksAndOneNote() {
    CliRun validate = crew("config", "validate");

    assertThat(validate.status()).as(validate.all()).isZero();
    assertThat(validate.out())
        .contains(
            "agents.defaults.heartbeat: heartbeat schedule every 30m within 08:00-23:00, posts"
                + " changed to alerts, from "
                + dir.resolve("workspace").resolve("HEARTBEAT.md")
                + ": 3 checks (heartbeat-1: scan demo; heartbeat-2: release plan demo;"
                + " heartbeat-3: verify whoami in homelab), 1 note: line 6 \"Check whether anything"
                + " in the cluster looks off\" (not a request")
        .contains("agents.defaults.heartbeat.target: target last: the heartbeat's results go to")
        .contains("agents.defaults.heartbeat.prompt: OpenClaw key not used by GitOps Crew")
        .doesNotContain("agents.defaults.heartbeat: OpenClaw key not used");

    CliRun list = crew("schedules", "list");
    assertThat(list.status()).as(list.all()).isZero();
    assertThat(list.out())
        .contains("heartbeat-1: scan demo, every 30m within 08:00-23:00 Europe/Paris; next ")
        .contains("heartbeat-2: release plan demo, every 30m")
        .contains("heartbeat-3: verify whoami in homelab, every 30m")
        .contains("posts changed to alerts")
        .doesNotContain("heartbeat-4");
  }

  @Test
  void aCronJobWhoseMessageIsARequestIsTakenOverAndTheOtherListedWithItsReason() {
    CliRun validate = crew("config", "validate");

    assertThat(validate.status()).as(validate.all()).isZero();
    assertThat(validate.out())
        .contains(
            "cron: job \"Morning scan\" of jobs.json taken over as schedule morning-scan: scan"
                + " demo, cron \"0 7 * * *\" (Europe/Paris), posts always to alerts")
        .contains(
            "cron: job \"Morning brief\" of jobs.json not taken over: its message is not a"
                + " request")
        .contains("cron.maxConcurrentRuns: OpenClaw key not used by GitOps Crew");

    CliRun list = crew("schedules", "list");
    assertThat(list.out())
        .contains("morning-scan: scan demo, cron \"0 7 * * *\" (Europe/Paris); next ")
        .doesNotContain("morning-brief");
  }

  @Test
  void withAModelTheFreeTextLineIsAHeartbeatCheckTheModelAnswers() throws IOException {
    WireMockServer model = new WireMockServer(wireMockConfig().dynamicPort());
    model.start();
    try {
      model.stubFor(
          post("/v1/chat/completions")
              .willReturn(
                  aResponse()
                      .withHeader("Content-Type", "application/json")
                      .withBody(
                          """
                          {"id":"chatcmpl-7","object":"chat.completion","created":1765094400,
                           "model":"qwen3:8b","choices":[{"index":0,"message":{"role":"assistant",
                           "content":"Nothing looks off: every application is Healthy."},
                           "finish_reason":"stop"}],
                           "usage":{"prompt_tokens":850,"completion_tokens":11,
                           "total_tokens":861}}
                          """)));
      String withModel =
          Files.readString(config)
              .replaceFirst("defaults: \\{", "defaults: {\n      model: \"ollama/qwen3:8b\",")
              .replaceFirst(
                  "cron: \\{",
                  "models: { providers: { ollama: { baseUrl: \""
                      + model.baseUrl()
                      + "/v1\" } } },\n  cron: {");
      Files.writeString(config, withModel);

      CliRun validate = crew("config", "validate");
      assertThat(validate.status()).as(validate.all()).isZero();
      assertThat(validate.out())
          .contains(
              ": 4 checks (heartbeat-1: scan demo; heartbeat-2: release plan demo; heartbeat-3:"
                  + " verify whoami in homelab; heartbeat-4: Check whether anything in the cluster"
                  + " looks off), 0 notes")
          .contains(
              "cron: job \"Morning brief\" of jobs.json taken over as schedule morning-brief:"
                  + " Summarize overnight updates.");

      CliRun run = crew("schedules", "run", "heartbeat-4");
      assertThat(run.status()).as(run.all()).isZero();
      assertThat(run.out()).contains(" manual: succeeded session #");
      assertThat(crew("schedules", "history", "heartbeat-4").out())
          .contains("Nothing looks off: every application is Healthy.");
      assertThat(
              model.findAll(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))).stream()
                  .map(r -> r.getBodyAsString()))
          .anyMatch(body -> body.contains("Check whether anything in the cluster looks off"));
    } finally {
      model.stop();
    }
  }
}
