package dev.gitopscrew.gateway;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A second process that keeps the machine busy: threads that spin until it is killed. Run through
 * {@link #start}, which starts it as a child JVM.
 */
final class BusyMachine {

  private BusyMachine() {}

  /** A child JVM spinning {@code threads} threads; the caller destroys it. */
  static Process start(int threads) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-Xmx32m",
            "-cp",
            Path.of("target/test-classes").toString(),
            BusyMachine.class.getName(),
            Integer.toString(threads))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  public static void main(String[] args) {
    for (int i = 0; i < Integer.parseInt(args[0]); i++) {
      new Thread(BusyMachine::spin, "spin-" + i).start();
    }
  }

  private static void spin() {
    long x = 0;
    while (!Thread.currentThread().isInterrupted()) {
      x = x * 6364136223846793005L + 1442695040888963407L;
    }
    System.out.println(x);
  }
}
