package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew serve} started again and again while the machine is busy: every start reaches ready
 * and stops on SIGTERM. A start that hangs (a class-initialisation deadlock between the main thread
 * and the crew-start thread once hung about one start in thirty, for ever) fails with its thread
 * dump.
 */
class StartupLoopIT {

  // two gateways start at once in each round, one on a new state directory and one on the same
  // existing one, next to a process spinning a thread: 50 starts on a machine kept busy
  private static final int ROUNDS = 25;
  private static final Duration READY_WITHIN = Duration.ofSeconds(90);
  private static final Duration STOP_WITHIN = Duration.ofSeconds(30);

  @TempDir Path dir;

  @Test
  void fiftyStartsUnderLoadEachReachReadyAndStopOnSigterm() throws Exception {
    Map<String, String> env = Map.of("JAVA_TOOL_OPTIONS", String.join(" ", crewJvmOptions()));
    Path existing = dir.resolve("existing");
    Process busy = BusyMachine.start(1);
    try {
      for (int round = 1; round <= ROUNDS; round++) {
        try (GatewayProcess fresh = GatewayProcess.start(dir.resolve("fresh-" + round), env);
            GatewayProcess again = GatewayProcess.start(existing, env)) {
          awaitReady(fresh, "round " + round + ", new state directory");
          awaitReady(again, "round " + round + ", existing state directory");
          fresh.process.destroy();
          again.process.destroy();
          awaitStopped(fresh, "round " + round + ", new state directory");
          awaitStopped(again, "round " + round + ", existing state directory");
        }
      }
      assertThat(busy.isAlive()).as("the machine was kept busy throughout").isTrue();
    } finally {
      busy.destroyForcibly();
    }
    assertThat(existing.resolve("state"))
        .as("the existing state directory kept its store")
        .exists();
  }

  /**
   * The JVM as {@code ./crew serve} runs it: its options and a class archive of what a start loads,
   * made here by one start as {@code ./crew} makes it once per build.
   */
  private List<String> crewJvmOptions() throws Exception {
    List<String> jvm = GatewayProcess.CREW_JVM;
    Path archive = dir.resolve("crew.jsa");
    List<String> training = new ArrayList<>(jvm);
    training.addAll(
        List.of("-XX:ArchiveClassesAtExit=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    try (GatewayProcess gw =
        GatewayProcess.start(
            dir.resolve("training"), Map.of("JAVA_TOOL_OPTIONS", String.join(" ", training)))) {
      awaitReady(gw, "the class archive's training start");
      gw.process.destroy();
      awaitStopped(gw, "the class archive's training start");
    }
    List<String> options = new ArrayList<>(jvm);
    if (Files.isRegularFile(archive)) {
      options.addAll(
          List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"));
    }
    return options;
  }

  private static void awaitReady(GatewayProcess gw, String which) throws Exception {
    try {
      await()
          .atMost(READY_WITHIN)
          .pollInterval(Duration.ofMillis(50))
          .ignoreExceptions()
          .until(() -> !gw.process.isAlive() || gw.get("/readyz", null).statusCode() == 200);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          which
              + ": not ready within "
              + READY_WITHIN.toSeconds()
              + " s; log:\n"
              + gw.output()
              + "\nthread dump:\n"
              + threadDump(gw));
    }
    assertThat(gw.process.isAlive())
        .as("%s: exited with %s before it was ready; log:%n%s", which, exitOf(gw), gw.output())
        .isTrue();
  }

  private static void awaitStopped(GatewayProcess gw, String which) throws Exception {
    if (!gw.process.waitFor(STOP_WITHIN.toSeconds(), TimeUnit.SECONDS)) {
      throw new AssertionError(
          which
              + ": still running "
              + STOP_WITHIN.toSeconds()
              + " s after SIGTERM; thread dump:\n"
              + threadDump(gw));
    }
    assertThat(gw.process.exitValue())
        .as("%s: exit status after SIGTERM; log:%n%s", which, gw.output())
        .isIn(0, 143);
    assertThat(gw.output()).as("%s: log", which).contains("gateway stopped");
  }

  private static Object exitOf(GatewayProcess gw) {
    return gw.process.isAlive() ? "nothing" : gw.process.exitValue();
  }

  /** jstack's dump of the process, or the JVM's own (kill -3, into its log) without jstack. */
  private static String threadDump(GatewayProcess gw) throws Exception {
    Path jstack = Path.of(System.getProperty("java.home"), "bin", "jstack");
    String pid = Long.toString(gw.process.pid());
    if (Files.isExecutable(jstack)) {
      Process dump =
          new ProcessBuilder(List.of(jstack.toString(), pid)).redirectErrorStream(true).start();
      if (dump.waitFor(30, TimeUnit.SECONDS)) {
        return new String(dump.getInputStream().readAllBytes());
      }
      dump.destroyForcibly();
    }
    new ProcessBuilder("kill", "-3", pid).start().waitFor(10, TimeUnit.SECONDS);
    try {
      await().atMost(Duration.ofSeconds(10)).until(() -> gw.output().contains("Full thread dump"));
    } catch (ConditionTimeoutException e) {
      return "(no thread dump: neither jstack nor kill -3 gave one)";
    }
    return gw.output().substring(gw.output().indexOf("Full thread dump"));
  }
}
