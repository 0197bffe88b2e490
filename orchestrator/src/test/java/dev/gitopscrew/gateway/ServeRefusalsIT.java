package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second {@code crew serve} next to a running gateway, as the packaged process: it stops at once
 * (exit 2) with one line saying what is taken and by which process, and the running one carries on.
 */
class ServeRefusalsIT {

  @TempDir Path dir;

  @Test
  void aSecondServeOnAStateDirectoryInUseNamesTheGatewayHoldingItAndLeavesItRunning()
      throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    try (GatewayProcess first = GatewayProcess.start(state, Map.of())) {
      assertThat(first.awaitReady()).as("ready; log:%n%s", first.output()).isTrue();

      Refused second =
          serve("--state-dir", state.toString(), "--port", Integer.toString(freePort()));

      assertThat(second.status()).as("exit status; stderr: %s", second.err()).isEqualTo(2);
      assertThat(second.oneLine())
          .startsWith("error: the state directory " + state + " is in use by a running gateway")
          .contains("pid " + first.process.pid())
          .contains("--state-dir");
      assertThat(first.get("/readyz", null).statusCode())
          .as("the first gateway still serves")
          .isEqualTo(200);
      assertThat(first.terminate()).isIn(0, 143);
    }
  }

  @Test
  void aSecondServeOnAPortAnotherProcessListensOnSaysSoInOneLine() throws Exception {
    try (GatewayProcess first =
        GatewayProcess.start(Files.createDirectories(dir.resolve("first")), Map.of())) {
      assertThat(first.awaitReady()).as("ready; log:%n%s", first.output()).isTrue();

      Refused second =
          serve(
              "--state-dir",
              dir.resolve("second").toString(),
              "--port",
              Integer.toString(first.port));

      assertThat(second.status()).as("exit status; stderr: %s", second.err()).isEqualTo(2);
      assertThat(second.oneLine())
          .startsWith("error: port " + first.port + " is already in use")
          .contains("--port");
      assertThat(first.get("/readyz", null).statusCode()).isEqualTo(200);
    }
  }

  private record Refused(int status, String out, String err) {
    /** The one line it said: stdout empty, stderr exactly one line, no stack trace. */
    String oneLine() {
      assertThat(out).as("stdout").isEmpty();
      assertThat(err).doesNotContain("Exception").doesNotContain("\tat ");
      List<String> lines = err.lines().toList();
      assertThat(lines).as("stderr").hasSize(1);
      return lines.get(0);
    }
  }

  /** {@code crew serve ARGS} as the packaged process, its streams apart; bounded wait. */
  private Refused serve(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("java", "-jar", GatewayProcess.JAR.toString(), "serve"));
    command.addAll(List.of(args));
    Path out = dir.resolve("serve.out");
    Path err = dir.resolve("serve.err");
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().remove("CREW_GATEWAY_TOKEN");
    pb.environment().remove("CREW_CONFIG");
    pb.environment().put("HOME", dir.toString());
    Process process = pb.start();
    // bounded well below the 60 s the store's lock once made a second serve wait in silence
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("a refused serve still ran after 30 s: " + Files.readString(err));
    }
    return new Refused(process.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
