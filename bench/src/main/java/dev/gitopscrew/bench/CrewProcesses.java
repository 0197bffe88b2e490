package dev.gitopscrew.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./crew} as a user runs it, for the scenarios that time it: a clean environment (no token,
 * no configuration file of the machine's), a log per process, a gateway started and awaited, and
 * every wait bounded.
 */
public final class CrewProcesses {

  private static final Duration READY_WITHIN = Duration.ofSeconds(60);

  private CrewProcesses() {}

  /** Starts {@code command} with its output appended to {@code log}. */
  public static Process start(List<String> command, Path log) throws IOException {
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

  /**
   * {@code ./crew serve} on {@code state} and a free port, once it answers and CLIs can find it.
   */
  public static Process serve(Path state, Path log) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Process process =
        start(
            List.of("./crew", "serve", "--state-dir", state.toString(), "--port", "" + port), log);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/readyz"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long until = System.nanoTime() + READY_WITHIN.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "crew serve exited with " + process.exitValue() + ": " + Files.readString(log));
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200
            && Files.isRegularFile(state.resolve("gateway.json"))) {
          return process;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(20);
    }
    stop(process);
    throw new IllegalStateException("crew serve was not ready within " + READY_WITHIN);
  }

  /** SIGTERM, then SIGKILL if it has not stopped within 20 s. */
  public static void stop(Process process) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  public static long median(List<Long> values) {
    return values.stream().sorted().toList().get(values.size() / 2);
  }
}
