package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run behind the start-up cache runs the README's tour: when a command of it stops
 * exiting as the tour says (renamed, refused, broken), the cache would silently miss what that
 * command loads, so the tour must keep working on a fresh demo, and show what the README says it
 * shows (DocsTest holds the README to the same tour).
 */
class StartupTrainingTest {

  @TempDir Path dir;

  @Test
  void everyCommandOfTheTrainingTourExitsAsTheTourSaysOnAFreshDemo() throws Exception {
    Map<String, String> printed = new HashMap<>();
    List<String> off =
        StartupTraining.train(
            List.of(dir.resolve("state")),
            Map.of("HOME", dir.toString()),
            (state, step, out) -> printed.put(step.key(), out));

    assertThat(off).isEmpty();
    // crew audit --session N right after the edit: the push, issue, comment and PR the edit made
    String image = "traefik/whoami:v1.10.4";
    String branch = "software-engineer/chore/1-set-image-of-whoami-to-traefik-whoami-v1";
    assertThat(printed.get("audit"))
        .as("the README's crew audit names the edit's session")
        .contains(" forge.issue.create demo issue \"Set image of whoami to " + image)
        .contains(" forge.comment.create demo#1 ok")
        .contains(" git.push demo:" + branch + " ok")
        .contains(" forge.pr.create demo " + branch + " -> main ok -> local://demo/pulls/2");
  }
}
