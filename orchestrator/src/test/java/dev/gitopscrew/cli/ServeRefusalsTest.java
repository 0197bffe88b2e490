package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code crew serve} refuses what cannot work before it starts anything: exit status 2, one line on
 * stderr naming the problem and the fix, no stack trace, nothing written.
 */
class ServeRefusalsTest {

  @TempDir Path dir;
  private final List<String> mounts = new ArrayList<>();

  @AfterEach
  void unmount() throws Exception {
    for (String mount : mounts) {
      new ProcessBuilder("umount", mount).inheritIO().start().waitFor();
    }
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--port|99999|port 99999 is out of range",
        "--port|-5|port -5 is out of range",
        "--port|0|port 0 is out of range",
        "--bind|''|the bind address is empty",
        "--bind|'  '|the bind address is empty"
      })
  void aPortOrAddressThatCannotBeListenedOnIsOneLine(String option, String value, String problem) {
    Path state = dir.resolve("state");
    CliRun run = serve(state, option, value);

    assertRefused(run, problem);
    assertThat(state).as("nothing written").doesNotExist();
  }

  @Test
  void aPortAnotherProgramListensOnIsOneLine() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      CliRun run = serve(dir.resolve("state"), "--port", Integer.toString(port));

      assertRefused(run, "port " + port + " is already in use");
      assertThat(run.err()).contains("--port");
    }
  }

  @Test
  void aReadOnlyStateDirectoryIsOneLine() throws Exception {
    Path state = readOnlyDirectory();
    CliRun run = serve(state, "--port", Integer.toString(freePort()));

    assertRefused(run, "cannot use the state directory " + state);
    assertThat(run.err()).contains("--state-dir");
    try (var files = Files.list(state)) {
      assertThat(files).as("nothing written").isEmpty();
    }
  }

  @Test
  void aStateDirectoryThatIsAFileIsOneLine() throws IOException {
    Path state = Files.writeString(dir.resolve("state"), "not a directory");
    CliRun run = serve(state, "--port", Integer.toString(freePort()));

    assertRefused(run, "cannot use the state directory " + state);
    assertThat(state).hasContent("not a directory");
  }

  private CliRun serve(Path state, String... args) {
    List<String> all = new ArrayList<>(List.of("serve", "--state-dir", state.toString()));
    all.addAll(List.of(args));
    return CliRun.of(Map.of("HOME", dir.toString()), all.toArray(String[]::new));
  }

  private static void assertRefused(CliRun run, String problem) {
    assertThat(run.status()).as("exit status; stderr: %s", run.err()).isEqualTo(2);
    assertThat(run.out()).isEmpty();
    assertThat(run.err().lines().toList())
        .as("exactly one line")
        .singleElement()
        .asString()
        .startsWith("error: " + problem)
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
  }

  /**
   * A directory the test user cannot write: as root (who writes through any mode bits) a read-only
   * tmpfs mounted here, as anyone else a directory without write permission.
   */
  private Path readOnlyDirectory() throws Exception {
    Path state = Files.createDirectories(dir.resolve("read-only"));
    if ("root".equals(System.getProperty("user.name"))) {
      Process mount =
          new ProcessBuilder("mount", "-t", "tmpfs", "-o", "ro,size=1m", "tmpfs", state.toString())
              .redirectErrorStream(true)
              .start();
      String said = new String(mount.getInputStream().readAllBytes());
      assertThat(mount.waitFor()).as("mount a read-only tmpfs: %s", said).isZero();
      mounts.add(state.toString());
    } else {
      Files.setPosixFilePermissions(state, PosixFilePermissions.fromString("r-xr-xr-x"));
    }
    assertThat(Files.isWritable(state)).as("%s is read-only", state).isFalse();
    return state;
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
