package dev.gitopscrew.bench.gitflow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** The yardstick: the same Git steps with the {@code git} command line. */
final class GitCli {

  private final Path workTree;
  private final String authHeader;

  GitCli(Path workTree, String user, String password) {
    this.workTree = workTree;
    this.authHeader =
        "Authorization: Basic "
            + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  Path workTree() {
    return workTree;
  }

  void cloneFrom(String url) throws Exception {
    run(workTree.getParent(), "clone", "-q", url, workTree.getFileName().toString());
  }

  void run(String... args) throws Exception {
    run(workTree, args);
  }

  private void run(Path dir, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-c", "http.extraHeader=" + authHeader));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("git " + args[0] + " failed: " + out);
    }
  }
}
