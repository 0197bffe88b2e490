package dev.gitopscrew.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The training run behind the command line's start-up cache ({@code ./crew} makes it once per
 * build, docs/operations.md#start-up): the commands people type, run in this one process so that
 * the JVM records every class they load (a class archive on JDK 17, the ahead-of-time cache on JDK
 * 25). Reads and requests go once through the gateway running on {@code GATEWAY_STATE_DIR} (the
 * thin client) and once on {@code LOCAL_STATE_DIR} with no gateway (the store and the crew in this
 * process); the local one is a scratch demo, written to freely.
 *
 * <p>Usage: {@code StartupTraining GATEWAY_STATE_DIR LOCAL_STATE_DIR}. Prints one line per command
 * that did not exit as the tour expects, and always exits 0: a weaker cache is no failure.
 */
public final class StartupTraining {

  static {
    // as CrewMain does: the commands run here as they run from it
    System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
  }

  private StartupTraining() {}

  public static void main(String... args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: StartupTraining GATEWAY_STATE_DIR LOCAL_STATE_DIR");
      System.exit(2);
    }
    train(List.of(Path.of(args[0]), Path.of(args[1])), System.getenv())
        .forEach(line -> System.err.println("training: " + line));
    System.exit(0);
  }

  /** Runs the tour on each state directory; returns the commands that did not exit as expected. */
  static List<String> train(List<Path> stateDirs, Map<String, String> env) throws Exception {
    return train(stateDirs, env, (stateDir, step, out) -> {});
  }

  /** What one command of the tour printed on its standard output. */
  @FunctionalInterface
  interface Printed {
    void accept(Path stateDir, ReadmeTour.Step step, String out);
  }

  /** As above, handing {@code printed} what each command printed. */
  static List<String> train(List<Path> stateDirs, Map<String, String> env, Printed printed)
      throws Exception {
    Path replicas = Files.createTempFile("crew-training", ".yaml");
    Files.writeString(replicas, "replicas: 2\n");
    List<String> off = new ArrayList<>();
    try {
      for (Path stateDir : stateDirs) {
        for (ReadmeTour.Step step : ReadmeTour.steps(replicas)) {
          List<String> words = new ArrayList<>(step.words());
          if (step.stateDir()) {
            words.addAll(List.of("--state-dir", stateDir.toString()));
          }
          printed.accept(stateDir, step, run(words, step.exit(), env, off));
        }
      }
    } finally {
      Files.deleteIfExists(replicas);
    }
    return off;
  }

  private static String run(
      List<String> words, int expected, Map<String, String> env, List<String> off) {
    StringWriter out = new StringWriter();
    PrintWriter none = new PrintWriter(Writer.nullWriter());
    int status = CrewCli.run(words.toArray(String[]::new), env, new PrintWriter(out), none);
    if (status != expected) {
      off.add("crew " + String.join(" ", words) + " exited " + status + ", expected " + expected);
    }
    return out.toString();
  }
}
