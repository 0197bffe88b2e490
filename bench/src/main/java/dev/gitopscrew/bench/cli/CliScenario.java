package dev.gitopscrew.bench.cli;

import dev.gitopscrew.bench.CrewProcesses;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.cli.ReadmeTour;
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

  @Override
  public String name() {
    return "cli";
  }

  @Override
  public void run(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("bench-cli");
    Path replicas = Files.writeString(dir.resolve("replicas.yaml"), "replicas: 2\n");
    List<ReadmeTour.Step> tour = ReadmeTour.steps(replicas);
    // once per build: ./crew builds if needed and makes its start-up caches; not measured
    crew(
        List.of("runbook", "list", "--state-dir", dir.resolve("warm-up").toString()),
        dir.resolve("warm-up.log"));

    Map<String, List<Long>> times = new LinkedHashMap<>();
    for (boolean gateway : List.of(false, true)) {
      for (int run = 1; run <= RUNS; run++) {
        Path state = dir.resolve((gateway ? "gateway-" : "local-") + run);
        Process serve =
            gateway ? CrewProcesses.serve(state, dir.resolve("serve-" + run + ".log")) : null;
        try {
          for (ReadmeTour.Step step : tour) {
            String key = step.key() + (gateway ? "_gw" : "");
            long ms = timed(step, state, dir.resolve(key + "-" + run + ".log"));
            times.computeIfAbsent(key, k -> new ArrayList<>()).add(ms);
          }
        } finally {
          if (serve != null) {
            CrewProcesses.stop(serve);
          }
        }
        System.out.printf("%s run %d done%n", gateway ? "gateway" : "local", run);
      }
    }
    StringBuilder line = new StringBuilder("BENCH cli runs=" + RUNS);
    List<Long> p50s = new ArrayList<>();
    times.forEach(
        (key, ms) -> {
          long p50 = CrewProcesses.median(ms);
          p50s.add(p50);
          line.append(' ').append(key).append("_ms=").append(p50);
        });
    line.append(" p50_ms=").append(CrewProcesses.median(p50s));
    line.append(" max_ms=").append(p50s.stream().mapToLong(Long::longValue).max().orElse(0));
    System.out.println("logs in " + dir);
    System.out.println(line);
  }

  private static long timed(ReadmeTour.Step step, Path state, Path log) throws Exception {
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
    Process p = CrewProcesses.start(command, log);
    if (!p.waitFor(5, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("crew " + words + " did not end within 5 minutes");
    }
    return p.exitValue();
  }
}
