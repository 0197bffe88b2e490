package dev.gitopscrew.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A small tmpfs mounted by the test itself (it needs root), to fill a real disk. Where mounting is
 * not permitted the test fails on CI ({@code CI=true}) and is skipped elsewhere, with the reason
 * printed.
 */
public final class TmpfsMount implements AutoCloseable {

  private final Path dir;
  private final Path filler;

  private TmpfsMount(Path dir) {
    this.dir = dir;
    this.filler = dir.resolve("filler");
  }

  public static TmpfsMount mount(Path dir, String size) throws IOException, InterruptedException {
    Files.createDirectories(dir);
    String outcome = run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    if (outcome != null) {
      String reason = "cannot mount a tmpfs at " + dir + " (" + outcome + "); this test needs root";
      if ("true".equals(System.getenv("CI"))) {
        Assertions.fail(reason);
      }
      System.out.println("SKIPPED: " + reason);
      Assumptions.abort(reason);
    }
    return new TmpfsMount(dir);
  }

  /** Writes a file until the disk refuses more. */
  public void fill() throws IOException {
    byte[] block = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(filler)) {
      while (true) {
        out.write(block);
      }
    } catch (IOException full) {
      if (!String.valueOf(full.getMessage()).contains("No space left")) {
        throw full;
      }
    }
  }

  public long usableSpace() throws IOException {
    return Files.getFileStore(dir).getUsableSpace();
  }

  /** Deletes what {@link #fill} wrote. */
  public void free() throws IOException {
    Files.deleteIfExists(filler);
  }

  @Override
  public void close() throws IOException, InterruptedException {
    String outcome = run("umount", "-l", dir.toString());
    if (outcome != null) {
      throw new IOException("cannot unmount " + dir + ": " + outcome);
    }
  }

  /** Null when the command succeeded, else what it said. */
  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
    String said = new String(p.getInputStream().readAllBytes()).strip();
    if (!p.waitFor(30, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      return "timed out";
    }
    return p.exitValue() == 0 ? null : "exit " + p.exitValue() + ": " + said;
  }
}
