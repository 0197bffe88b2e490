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
 * With a gateway running on a state directory, the CLI acts through its API: the store stays with
 * the gateway, and what the CLI starts is visible there.
 */
class GatewayCommandsIT {

  static final String TOKEN = "crew_gw_0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";

  @TempDir Path dir;

  @Test
  void askChangeAndSessionsGoThroughTheRunningGateway() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    try (GatewayProcess gw = GatewayProcess.start(state, Map.of("CREW_GATEWAY_TOKEN", TOKEN))) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();
      Map<String, String> env = Map.of("CREW_GATEWAY_TOKEN", TOKEN, "HOME", dir.toString());

      String[] ask = crew(env, state, "ask", "restart deployment/homepage in apps");
      assertThat(ask[0]).as(ask[1]).isEqualTo("1");
      assertThat(ask[1])
          .contains("Agent: devops-sre")
          .contains(
              "#2 devops-sre [failed] restart deployment/homepage in apps: Kubernetes: not"
                  + " configured - set KUBECONFIG");
      assertThat(gw.get("/api/sessions", TOKEN).body())
          .contains("restart deployment/homepage in apps");

      String[] edit =
          crew(
              env,
              state,
              "edit",
              "--repo",
              "demo",
              "deployment/whoami",
              "--image",
              "whoami=traefik/whoami:v1.10.4");
      assertThat(edit[0]).as(edit[1]).isEqualTo("0");
      assertThat(edit[1])
          .contains("#4 software-engineer [succeeded]")
          .contains("+          image: traefik/whoami:v1.10.4");
      String audit = gw.get("/api/audit?session=3", TOKEN).body();
      assertThat(audit)
          .contains("\"kind\":\"forge.issue.create\"")
          .contains("\"kind\":\"forge.comment.create\"")
          .contains("\"kind\":\"git.push\"")
          .contains("\"artifact\":\"local://demo/pulls/2\"")
          .contains("\"channel\":\"cli\"")
          .contains("\"requester\":\"cli:");
      String[] cliAudit = crew(env, state, "audit", "--session", "3");
      assertThat(cliAudit[1]).contains("git.push demo:software-engineer/chore/1-");

      Path file = Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
      String[] change =
          crew(
              env,
              state,
              "change",
              "--repo",
              "demo",
              "--type",
              "chore",
              "--title",
              "Add a",
              "--file",
              "a.yaml=" + file);
      assertThat(change[0]).as(change[1]).isEqualTo("0");
      assertThat(change[1]).contains("branch software-engineer/chore/3-add-a").contains("(opened)");
      assertThat(gw.get("/api/forge/demo", TOKEN).body()).contains("\"title\":\"Add a\"");

      // merge and release through the gateway's API: the store keeps one owner
      String[] merge = crew(env, state, "forge", "merge", "2");
      assertThat(merge[0]).as(merge[1]).isEqualTo("0");
      String[] cut = crew(env, state, "release", "cut", "--yes", "--json");
      assertThat(cut[0]).as(cut[1]).isEqualTo("0");
      assertThat(cut[1]).contains("\"version\" : \"v0.1.0\"").contains("\"kind\" : \"git.tag\"");
      assertThat(gw.get("/api/forge/demo", TOKEN).body())
          .contains("\"tag\":\"v0.1.0\"")
          .contains("{\"title\":\"v0.1.1\",\"open\":true");

      String[] list = crew(env, state, "sessions", "list");
      assertThat(list[1])
          .contains("#3 homelab-admin [succeeded]")
          .contains("#1 homelab-admin [failed]");

      // another --config than the gateway's: said once, and the gateway still answers
      Path other = Files.writeString(dir.resolve("other.json"), "{}");
      String[] elsewhere = crew(env, state, "sessions", "list", "--config", other.toString());
      assertThat(elsewhere[0]).as(elsewhere[1]).isEqualTo("0");
      assertThat(elsewhere[1])
          .contains(
              "note: the gateway running on this state directory ("
                  + "http://127.0.0.1:"
                  + gw.port
                  + ") uses its embedded defaults (no configuration file); "
                  + other.toRealPath()
                  + " is not the one it runs with")
          .contains("#3 homelab-admin [succeeded]");

      String[] withoutToken = crew(Map.of("HOME", dir.toString()), state, "sessions", "list");
      assertThat(withoutToken[0]).isEqualTo("1");
      assertThat(withoutToken[1]).contains("missing or wrong bearer token").doesNotContain(TOKEN);

      assertThat(gw.post("/api/requests", "{\"text\": \"verify homepage\"}", null).statusCode())
          .isEqualTo(401);
      var accepted =
          gw.post("/api/requests", "{\"text\": \"verify homepage\", \"wait\": false}", TOKEN);
      assertThat(accepted.statusCode()).isEqualTo(202);
      assertThat(accepted.body()).contains("\"rootId\"");
      assertThat(gw.post("/api/requests", "{\"text\": \"\"}", TOKEN).statusCode()).isEqualTo(400);
      var notJson = gw.post("/api/requests", "{not json", TOKEN);
      assertThat(notJson.statusCode()).isEqualTo(400);
      assertThat(notJson.body()).contains("malformed JSON").contains("line 1, column");
      var mistyped = gw.post("/api/requests", "{\"text\": 42}", TOKEN);
      assertThat(mistyped.statusCode()).isEqualTo(400);
      assertThat(mistyped.body()).contains("malformed JSON").contains("text");
      var typed =
          gw.post(
              "/api/requests", "{\"request\": {\"kind\": \"verify\", \"application\": 7}}", TOKEN);
      assertThat(typed.statusCode()).isEqualTo(400);
      assertThat(typed.body())
          .contains("application must be a string, got 7")
          .doesNotContain("java.lang");

      var scan =
          gw.post(
              "/api/requests",
              "{\"request\": {\"kind\": \"scan\", \"repository\": \"demo\", \"path\": \"k8s\","
                  + " \"severity\": \"critical\"}}",
              TOKEN);
      assertThat(scan.statusCode()).as(scan.body()).isEqualTo(200);
      assertThat(scan.body())
          .contains("\"agent\":\"security-analyst\"")
          .contains("\"rule\":\"docker-socket\"")
          .contains("\"path\":\"k8s/apps/uptime-kuma/deployment.yaml\"");
      String[] cliScan =
          crew(env, state, "scan", "demo", "--path", "k8s", "--severity", "critical");
      assertThat(cliScan[0]).as(cliScan[1]).isEqualTo("0");
      assertThat(cliScan[1])
          .contains("critical docker-socket k8s/apps/uptime-kuma/deployment.yaml:43");

      gw.terminate();
      assertThat(gw.output()).doesNotContain(TOKEN).contains("repositories: demo");
    }
  }

  /** Runs one CLI command in this JVM; returns {exit status, everything printed}. */
  private static String[] crew(Map<String, String> env, Path state, String... args) {
    String[] all = new String[args.length + 2];
    System.arraycopy(args, 0, all, 0, args.length);
    all[args.length] = "--state-dir";
    all[args.length + 1] = state.toString();
    StringWriter out = new StringWriter();
    int status = CrewCli.run(all, env, new PrintWriter(out), new PrintWriter(out));
    return new String[] {Integer.toString(status), out.toString()};
  }
}
