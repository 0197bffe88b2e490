package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run behind the start-up cache runs the README's tour: when a command of it stops
 * exiting as the tour says (renamed, refused, broken), the cache would silently miss what that
 * command loads, so the tour must keep working on a fresh demo.
 */
class StartupTrainingTest {

  @TempDir Path dir;

  @Test
  void everyCommandOfTheTrainingTourExitsAsTheTourSaysOnAFreshDemo() throws Exception {
    List<String> off =
        StartupTraining.train(List.of(dir.resolve("state")), Map.of("HOME", dir.toString()));

    assertThat(off).isEmpty();
  }
}
