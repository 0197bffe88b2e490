package dev.gitopscrew.bench.cli;

import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.bench.gateway.GatewayProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run cli}: the README's tour, each command run as a user runs it ({@code ./crew …},
 * the whole process), five times, each time on a fresh demo state directory, first with no gateway
 * and then through a gateway running on it. A command that exits otherwise than the tour says fails
 * the scenario: a fast refusal measures nothing. Prints each command's p50 in milliseconds ({@code
 * KEY_ms} without a gateway, {@code KEY_gw_ms} through one) and the p50 and max of all.
 */
public final class CliScenario implements Scenario {

  private static final int RUNS = 5;
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  /** One command of the tour: its key in the BENCH line, its words, the exit the tour expects. */
  record Step(String key, List<String> words, int exit, boolean stateDir) {
    static Step of(String key, int exit, String... words) {
      return new Step(key, List.of(words), exit, true);
    }
  }

  /** The README's tour, in its order, with the listing of approvals and one session's tree. */
  static List<Step> tour(Path replicas) {
    String image = "whoami=traefik/whoami:v1.10.4";
    return List.of(
        new Step("help", List.of("--help"), 0, false),
        new Step("version", List.of("--version"), 0, false),
        Step.of(
            "edit_dry_run",
            0,
            "edit",
            "--repo",
            "demo",
            "deployment/whoami",
            "--image",
            image,
            "--dry-run"),
        Step.of("edit", 0, "edit", "--repo", "demo", "deployment/whoami", "--image", image),
        Step.of("audit", 0, "audit", "--session", "3"),
        Step.of(
            "change",
            0,
            "change",
            "--repo",
            "demo",
            "--type",
            "fix",
            "--title",
            "Run two whoami replicas",
            "--file",
            "k8s/apps/whoami/replicas.yaml=" + replicas),
        Step.of("validate", 1, "validate", "demo", "--pr", "2"),
        Step.of("scan_dry_run", 0, "scan", "demo", "--dry-run"),
        Step.of("scan", 0, "scan", "demo"),
        Step.of("ask", 1, "ask", "restart deployment/homepage in apps"),
        new Step("help_requests", List.of("help", "requests"), 0, false),
        Step.of("kube_delete", 1, "kube", "delete", "deployment", "grafana", "-n", "monitoring"),
        Step.of("runbook_list", 0, "runbook", "list"),
        Step.of("incidents_list", 0, "incidents", "list"),
        Step.of("sessions_list", 0, "sessions", "list"),
        Step.of("sessions_show", 0, "sessions", "show", "3"),
        Step.of("approve_list", 0, "approve"),
        Step.of("forge_list", 0, "forge", "list"),
        Step.of("forge_merge", 0, "forge", "merge", "2"),
        Step.of("release_plan", 0, "release", "plan"),
        Step.of("release_cut", 0, "release", "cut", "--yes"));
  }

  @Override
  public String name() {
    return "cli";
  }

  @Override
  public void run(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("bench-cli");
    Path replicas = Files.writeString(dir.resolve("replicas.yaml"), "replicas: 2\n");
    List<Step> tour = tour(replicas);
    // once per build: ./crew builds if needed and archives its classes; not measured
    crew(List.of("--version"), dir.resolve("warm-up.log"));

    Map<String, List<Long>> times = new LinkedHashMap<>();
    for (boolean gateway : List.of(false, true)) {
      for (int run = 1; run <= RUNS; run++) {
        Path state = dir.resolve((gateway ? "gateway-" : "local-") + run);
        Process serve = gateway ? serve(state, dir.resolve("serve-" + run + ".log")) : null;
        try {
          for (Step step : tour) {
            String key = step.key() + (gateway ? "_gw" : "");
            long ms = timed(step, state, dir.resolve(key + "-" + run + ".log"));
            times.computeIfAbsent(key, k -> new ArrayList<>()).add(ms);
          }
        } finally {
          if (serve != null) {
            stop(serve);
          }
        }
        System.out.printf("%s run %d done%n", gateway ? "gateway" : "local", run);
      }
    }
    StringBuilder line = new StringBuilder("BENCH cli runs=" + RUNS);
    List<Long> p50s = new ArrayList<>();
    times.forEach(
        (key, ms) -> {
          long p50 = median(ms);
          p50s.add(p50);
          line.append(' ').append(key).append("_ms=").append(p50);
        });
    line.append(" p50_ms=").append(median(p50s));
    line.append(" max_ms=").append(p50s.stream().mapToLong(Long::longValue).max().orElse(0));
    System.out.println("logs in " + dir);
    System.out.println(line);
  }

  private static long timed(Step step, Path state, Path log) throws Exception {
    List<String> words = new ArrayList<>(step.words());
    if (step.stateDir()) {
      words.addAll(List.of("--state-dir", state.toString()));
    }
    long start = System.nanoTime();
    int exit = crew(words, log);
    long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
    if (exit != step.exit()) {
      throw new IllegalStateException(
          "crew "
              + String.join(" ", words)
              + " exited "
              + exit
              + ", the tour expects "
              + step.exit()
              + "; see "
              + log);
    }
    return ms;
  }

  private static int crew(List<String> words, Path log) throws Exception {
    List<String> command = new ArrayList<>(List.of("./crew"));
    command.addAll(words);
    Process p = start(command, log);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("crew " + words + " did not end within 5 minutes");
    }
    return p.exitValue();
  }

  private static Process serve(Path state, Path log) throws Exception {
    int port = GatewayProcess.freePort();
    Process p =
        start(
            List.of("./crew", "serve", "--state-dir", state.toString(), "--port", "" + port), log);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long until = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < until) {
      if (!p.isAlive()) {
        throw new IllegalStateException("crew serve exited with " + p.exitValue() + "; see " + log);
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
            && Files.isRegularFile(state.resolve("gateway.json"))) {
          return p;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    stop(p);
    throw new IllegalStateException("crew serve not ready within " + READY_WITHIN);
  }

  private static Process start(List<String> command, Path log) throws IOException {
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().remove("CREW_GATEWAY_TOKEN");
    builder.environment().remove("OPENCLAW_GATEWAY_TOKEN");
    builder.environment().remove("CREW_CONFIG");
    builder.environment().remove("KUBECONFIG");
    return builder.start();
  }

  private static void stop(Process p) throws InterruptedException {
    p.destroy();
    if (!p.waitFor(20, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }
}
