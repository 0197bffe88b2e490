package dev.gitopscrew.bench.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The real gateway as a separate process ({@code ./crew serve}, as a user starts it) on a state
 * directory and a port, with its JSON API. Every wait is bounded.
 */
public final class GatewayProcess implements AutoCloseable {

  static final Path JAR = Path.of("orchestrator/target/gitops-crew-runner.jar");
  private static final Duration READY_WITHIN = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final String base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private GatewayProcess(Process process, int port) {
    this.process = process;
    this.base = "http://127.0.0.1:" + port;
  }

  /** Starts the gateway with an empty configuration and no API token, logging to {@code log}. */
  public static GatewayProcess start(Path stateDir, Path config, int port, Path log)
      throws IOException {
    return start(stateDir, config, port, log, java.util.Map.of());
  }

  /** As above, with variables added to the gateway's environment ({@code env}). */
  public static GatewayProcess start(
      Path stateDir, Path config, int port, Path log, java.util.Map<String, String> env)
      throws IOException {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(
          "no gateway jar at "
              + JAR.toAbsolutePath()
              + "; build it with: ./mvnw -B -q -DskipTests package -pl orchestrator -am");
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                // as a user starts it: ./crew's JVM, its options and its start-up cache
                List.of(
                    "./crew",
                    "serve",
                    "--config",
                    config.toString(),
                    "--state-dir",
                    stateDir.toString(),
                    "--port",
                    Integer.toString(port)))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().remove("CREW_GATEWAY_TOKEN");
    builder.environment().remove("OPENCLAW_GATEWAY_TOKEN");
    builder.environment().putAll(env);
    return new GatewayProcess(builder.start(), port);
  }

  /**
   * A gateway in {@code dir} ({@code state/}, {@code crew.yaml}, {@code gateway.log}) that verifies
   * after one second and never sweeps on its own, so what a scenario sends is all it works on.
   */
  public static GatewayProcess startQuiet(Path dir, java.util.Map<String, String> env)
      throws IOException {
    Path config =
        Files.writeString(
            dir.resolve("crew.yaml"), "incident:\n  verifyWaitSeconds: 1\n  sweepMinutes: 0\n");
    return start(dir.resolve("state"), config, freePort(), dir.resolve("gateway.log"), env);
  }

  public static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  public long pid() {
    return process.pid();
  }

  /** Waits until {@code /readyz} answers 200; returns how long that took. */
  public Duration awaitReady() throws InterruptedException {
    long start = System.nanoTime();
    long until = start + READY_WITHIN.toNanos();
    while (System.nanoTime() < until) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the gateway exited with " + process.exitValue());
      }
      try {
        if (send(HttpRequest.newBuilder(URI.create(base + "/readyz")).GET()).statusCode() == 200) {
          return Duration.ofNanos(System.nanoTime() - start);
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the gateway was not ready within " + READY_WITHIN);
  }

  /** {@code POST /api/requests} without waiting; returns the root session id. */
  public long submit(String text) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(java.util.Map.of("text", text, "wait", false));
    HttpResponse<String> response =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/requests"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    if (response.statusCode() != 202) {
      throw new IllegalStateException(
          "POST /api/requests answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body()).path("rootId").asLong();
  }

  /** {@code GET /api/sessions/{id}}: the session tree, root first. */
  public JsonNode tree(long rootId) throws IOException, InterruptedException {
    HttpResponse<String> response =
        send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + rootId)).GET());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET /api/sessions/"
              + rootId
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    return JSON.readTree(response.body()).path("tree");
  }

  /** {@code GET path}: the JSON answer of an endpoint that answers 200. */
  public JsonNode getJson(String path) throws IOException, InterruptedException {
    HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "GET " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** The gateway's address, for clients of its own. */
  public String baseUrl() {
    return base;
  }

  /** SIGKILL: nothing in the gateway gets to run. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the gateway " + process.pid() + " survived SIGKILL");
    }
  }

  /** SIGTERM, then SIGKILL should it not stop within 20 s. */
  @Override
  public void close() throws InterruptedException {
    if (!process.isAlive()) {
      return;
    }
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return http.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
