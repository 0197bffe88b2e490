package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.cli.CrewCli;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway's schedules: {@code /api/schedules} lists them, and {@code crew schedules} acts
 * through it while it runs (the store stays with the gateway).
 */
class SchedulesGatewayIT {

  static final String TOKEN = "crew_gw_1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6e";

  @TempDir Path dir;

  @Test
  void theApiListsSchedulesAndTheCliRunsThemThroughIt() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    Path config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            schedules:
              - name: weekly-scan
                cron: "0 7 * * 1"
                request: scan demo
                target: none
            """);
    try (GatewayProcess gw =
        GatewayProcess.start(
            state, Map.of("CREW_GATEWAY_TOKEN", TOKEN), "--config", config.toString())) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();
      assertThat(gw.output()).contains("schedules: 1 configured");
      var listed = gw.get("/api/schedules", TOKEN);
      assertThat(listed.statusCode()).isEqualTo(200);
      assertThat(listed.body())
          .contains("\"name\":\"weekly-scan\"")
          .contains("\"when\":\"cron \\\"0 7 * * 1\\\" (UTC)\"")
          .contains("\"last\":null");
      assertThat(gw.get("/api/schedules/nope/history", TOKEN).statusCode()).isEqualTo(404);

      Map<String, String> env = Map.of("CREW_GATEWAY_TOKEN", TOKEN, "HOME", dir.toString());
      String[] run = crew(env, state, config, "schedules", "run", "weekly-scan");
      assertThat(run[0]).as(run[1]).isEqualTo("0");
      assertThat(run[1]).contains(" manual: succeeded session #1 — security-analyst: Scanned demo");

      String history = gw.get("/api/schedules/weekly-scan/history", TOKEN).body();
      assertThat(history).contains("\"kind\":\"manual\"").contains("\"outcome\":\"succeeded\"");
      String[] list = crew(env, state, config, "schedules", "list");
      assertThat(list[0]).as(list[1]).isEqualTo("0");
      assertThat(list[1]).contains("weekly-scan: scan demo").contains("last: ").contains("manual");
      assertThat(gw.get("/api/sessions/1", TOKEN).body())
          .contains("\"channel\":\"schedule\"")
          .contains("\"requester\":\"weekly-scan\"");
    }
  }

  private static String[] crew(Map<String, String> env, Path state, Path config, String... args) {
    String[] all = new String[args.length + 4];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--state-dir";
    all[args.length + 1] = state.toString();
    all[args.length + 2] = "--config";
    all[args.length + 3] = config.toString();
    StringWriter out = new StringWriter();
    int status = CrewCli.run(all, env, new PrintWriter(out), new PrintWriter(out));
    return new String[] {Integer.toString(status), out.toString()};
  }
}
