package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crew commands started together on one state directory with no gateway, each a process of its own
 * as a person's terminals would run them: the embedded store has one user at a time, so they take
 * turns, and all of them succeed on an intact store.
 */
class CliTurnsIT {

  @TempDir Path dir;

  private Process crew(Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of("java", "-jar", GatewayProcess.JAR.toString()));
    command.addAll(List.of(args));
    command.addAll(List.of("--state-dir", dir.resolve("state").toString()));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().remove("CREW_CONFIG");
    pb.environment().put("HOME", dir.toString());
    return pb.start();
  }

  @Test
  void twoAsksAndAListStartedTogetherAllSucceed() throws Exception {
    // the store exists before the race, as it does for anyone who has run the crew once
    Process first = crew(dir.resolve("0.log"), "sessions", "list");
    assertThat(first.waitFor(60, TimeUnit.SECONDS)).isTrue();

    List<Process> processes = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    String[][] commands = {
      {"ask", "drill fanout 40"}, {"ask", "drill fanout 40"}, {"sessions", "list"}
    };
    for (int i = 0; i < commands.length; i++) {
      logs.add(dir.resolve((i + 1) + ".log"));
      processes.add(crew(logs.get(i), commands[i]));
    }
    for (int i = 0; i < processes.size(); i++) {
      assertThat(processes.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
      String out = Files.readString(logs.get(i));
      assertThat(processes.get(i).exitValue()).as(out).isZero();
      assertThat(out).doesNotContain("in use by another process");
    }

    // each ask printed its own tree: the drill's root and every child delivered
    for (int i = 0; i < 2; i++) {
      assertThat(Files.readString(logs.get(i)))
          .contains("homelab-admin [succeeded] drill fanout 40")
          .contains("(every child delivered)");
    }
    // the list ran in its turn (before, between or after the asks); afterwards both are there
    Process last = crew(dir.resolve("last.log"), "sessions", "list");
    assertThat(last.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(dir.resolve("last.log")).split("drill fanout 40", -1)).hasSize(3);
  }
}
