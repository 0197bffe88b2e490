package dev.gitopscrew.gateway;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged gateway run as a real process, as {@code ./crew serve} runs it. */
final class GatewayProcess implements AutoCloseable {

  static final Path JAR = Path.of("target/gitops-crew-runner.jar");
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  final Process process;
  final Path log;
  final int port;

  private GatewayProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The JVM options ./crew starts the gateway with (its heap is 128 MiB). */
  static final List<String> CREW_JVM =
      List.of(
          "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxRAM=512m", "-Xmn32m");

  static GatewayProcess start(Path stateDir, Map<String, String> env, String... extraArgs)
      throws IOException {
    return start(stateDir, env, List.of(), extraArgs);
  }

  static GatewayProcess start(
      Path stateDir, Map<String, String> env, List<String> jvm, String... extraArgs)
      throws IOException {
    return start("java", stateDir, env, jvm, extraArgs);
  }

  /** As above, on the JVM {@code java} names (a path, or {@code java} from the PATH). */
  static GatewayProcess start(
      String java, Path stateDir, Map<String, String> env, List<String> jvm, String... extraArgs)
      throws IOException {
    int port = freePort();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(jvm);
    command.addAll(List.of("-jar", JAR.toString(), "serve"));
    command.addAll(List.of("--state-dir", stateDir.toString(), "--port", Integer.toString(port)));
    command.addAll(List.of(extraArgs));
    Path log = Files.createTempFile(stateDir.getParent(), "gateway", ".log");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("CREW_GATEWAY_TOKEN");
    pb.environment().remove("OPENCLAW_GATEWAY_TOKEN");
    pb.environment().remove("CREW_CONFIG");
    pb.environment().put("HOME", stateDir.getParent().toString());
    pb.environment().putAll(env);
    return new GatewayProcess(pb.start(), log, port);
  }

  /** Waits (bounded) for {@code /readyz} to answer 200; false if the process ended first. */
  boolean awaitReady() {
    try {
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .ignoreExceptionsInstanceOf(IOException.class) // not listening yet
          .until(() -> !process.isAlive() || get("/readyz", null).statusCode() == 200);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      return false;
    }
    return process.isAlive();
  }

  HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String json, String bearer)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (bearer != null) {
      request.header("Authorization", "Bearer " + bearer);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A POST of raw bytes with the given headers (a forge's webhook delivery). */
  HttpResponse<String> post(String path, byte[] body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** SIGTERM, then the exit status (bounded wait). */
  int terminate() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("gateway did not stop within 30 s of SIGTERM");
    }
    return process.exitValue();
  }

  String output() throws IOException {
    return Files.readString(log);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
