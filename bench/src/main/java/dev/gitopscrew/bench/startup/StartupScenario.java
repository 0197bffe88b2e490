package dev.gitopscrew.bench.startup;

import dev.gitopscrew.bench.CrewProcesses;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.bench.gateway.DrillTree;
import dev.gitopscrew.bench.gateway.GatewayProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code bench/run startup}: {@code ./crew serve} on a fresh state directory and the empty Quarkus
 * REST application of {@code bench/floor} (the same JDK, the one {@code JAVA_HOME} names, and the
 * same JVM options), started five times each in turn; each run is timed from the process start to
 * {@code /readyz} answering 200, and the crew's resident memory is read then. {@code cli_ms} is
 * {@code ./crew sessions list} (the whole process, as a user runs it) on a state directory holding
 * over 1,000 sessions, with no gateway running. What happens once per build (the build itself, the
 * class archive) is done before the runs.
 */
public final class StartupScenario implements Scenario {

  private static final int RUNS = 5;
  private static final Path FLOOR = Path.of("bench/floor/target/quarkus-app/quarkus-run.jar");
  private static final List<String> JVM =
      List.of(
          "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xss512k", "-XX:MaxRAM=512m", "-Xmn32m");
  private static final Duration WITHIN = Duration.ofSeconds(60);

  @Override
  public String name() {
    return "startup";
  }

  @Override
  public void run(String[] args) throws Exception {
    if (!Files.isRegularFile(FLOOR)) {
      throw new IllegalStateException("no floor application at " + FLOOR + "; run bench/run");
    }
    Path dir = Files.createTempDirectory("bench-startup");
    // once per build: ./crew builds if needed and archives its classes; not measured
    runCli(dir.resolve("warm-up"));
    Path sessions = dir.resolve("sessions");
    int stored = seed(sessions);

    List<Long> ready = new ArrayList<>();
    List<Long> floor = new ArrayList<>();
    List<Long> rss = new ArrayList<>();
    String java = "java";
    for (int run = 1; run <= RUNS; run++) {
      int port = GatewayProcess.freePort();
      Process crew =
          CrewProcesses.start(
              List.of(
                  "./crew",
                  "serve",
                  "--state-dir",
                  dir.resolve("fresh-" + run).toString(),
                  "--port",
                  Integer.toString(port)),
              dir.resolve("crew-" + run + ".log"));
      ready.add(awaitReady(crew, port));
      rss.add(rssMib(crew.pid()));
      // ./crew execs the JVM it chose, so both sides start on the same JDK
      java = crew.info().command().orElse(java);
      CrewProcesses.stop(crew);

      floor.add(floorReady(java, dir.resolve("floor-" + run + ".log")));
      System.out.printf(
          "run %d: crew ready in %d ms (%d MiB), empty Quarkus app in %d ms%n",
          run, ready.get(run - 1), rss.get(run - 1), floor.get(run - 1));
    }
    List<Long> cli = new ArrayList<>();
    for (int run = 1; run <= RUNS; run++) {
      cli.add(runCli(sessions));
    }
    System.out.println(
        "crew sessions list on " + stored + " sessions: " + cli + " ms; logs in " + dir);
    long readyP50 = CrewProcesses.median(ready);
    long floorP50 = CrewProcesses.median(floor);
    System.out.printf(
        "BENCH startup jdk=%d runs=%d ready_ms_p50=%d floor_ms_p50=%d ratio=%.2f rss_mib_p50=%d"
            + " cli_ms_p50=%d%n",
        feature(java),
        RUNS,
        readyP50,
        floorP50,
        (double) readyP50 / floorP50,
        CrewProcesses.median(rss),
        CrewProcesses.median(cli));
  }

  /** The empty Quarkus application started on {@code java}: milliseconds until it is ready. */
  private long floorReady(String java, Path log) throws Exception {
    int port = GatewayProcess.freePort();
    List<String> command = new ArrayList<>(List.of(java));
    command.addAll(JVM);
    command.addAll(List.of("-Dquarkus.http.port=" + port, "-jar", FLOOR.toString()));
    Process empty = CrewProcesses.start(command, log);
    long ms = awaitReady(empty, port);
    CrewProcesses.stop(empty);
    return ms;
  }

  /** A state directory with a finished drill of 1,000 leaves (over 1,000 sessions). */
  private int seed(Path stateDir) throws Exception {
    Files.createDirectories(stateDir);
    Path config = Files.writeString(stateDir.getParent().resolve("crew.json"), "{}");
    try (GatewayProcess gateway =
        GatewayProcess.start(
            stateDir,
            config,
            GatewayProcess.freePort(),
            stateDir.getParent().resolve("seed.log"))) {
      gateway.awaitReady();
      long root = gateway.submit("drill fanout 1000");
      long until = System.nanoTime() + Duration.ofMinutes(5).toNanos();
      while (System.nanoTime() < until) {
        var tree = gateway.tree(root);
        if (!DrillTree.active(tree.get(0))) {
          return tree.size();
        }
        Thread.sleep(200);
      }
      throw new IllegalStateException("the seeding drill did not end within 5 minutes");
    }
  }

  private long runCli(Path stateDir) throws Exception {
    long start = System.nanoTime();
    Process p =
        CrewProcesses.start(
            List.of("./crew", "sessions", "list", "--state-dir", stateDir.toString()),
            Files.createTempFile("cli", ".log"));
    if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("crew sessions list failed");
    }
    return Duration.ofNanos(System.nanoTime() - start).toMillis();
  }

  /**
   * Milliseconds from now (just after the start) until {@code /readyz} answers 200. Each look is a
   * plain socket and one HTTP/1.0 request: the JDK's {@code HttpClient} polling every 10 ms spent
   * the bench's own JVM's CPU (its selector thread, a refused connection's exceptions), on the two
   * cores the timed process needed.
   */
  private static long awaitReady(Process process, int port) throws Exception {
    long start = System.nanoTime();
    while (System.nanoTime() - start < WITHIN.toNanos()) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the process exited with " + process.exitValue());
      }
      if (answers200(port)) {
        return Duration.ofNanos(System.nanoTime() - start).toMillis();
      }
      Thread.sleep(10);
    }
    throw new IllegalStateException("not ready within " + WITHIN);
  }

  private static boolean answers200(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2_000);
      socket.setSoTimeout(2_000);
      socket
          .getOutputStream()
          .write(
              "GET /readyz HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      byte[] status = socket.getInputStream().readNBytes(12); // "HTTP/1.1 200"
      return new String(status, StandardCharsets.US_ASCII).endsWith(" 200");
    } catch (IOException notYet) {
      return false; // not listening yet
    }
  }

  /**
   * The feature release of the JDK holding {@code java} ({@code bin/java}), from its release file.
   */
  private static int feature(String java) throws IOException {
    Path release = Path.of(java).toAbsolutePath().getParent().getParent().resolve("release");
    if (!Files.isRegularFile(release)) {
      return -1; // not a JDK's layout: the line says jdk=-1 rather than failing the run
    }
    for (String line : Files.readAllLines(release)) {
      if (line.startsWith("JAVA_VERSION=")) {
        return Integer.parseInt(line.replaceAll("^JAVA_VERSION=\"(\\d+).*", "$1"));
      }
    }
    return -1;
  }

  private static long rssMib(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
      }
    }
    return -1;
  }
}
