package dev.gitopscrew.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.request.Change;
import dev.gitopscrew.request.ReleaseDue;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code release due}: merged work on the local forge that no release has shipped is reported once
 * it has waited the days asked, in words that stay the same from one day to the next.
 */
class ReleaseDueTest {

  /** The agents' clock: now, or as many days later as the test says. */
  static final class Later extends Clock {
    volatile Duration ahead = Duration.ZERO;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(ahead);
    }
  }

  @TempDir Path state;
  private final Later clock = new Later();
  private TestCrew crew;
  private FakeSubagents.Shared tree;

  @BeforeEach
  void start() {
    crew = new TestCrew(state, clock);
    tree = crew.tree();
  }

  @AfterEach
  void stop() {
    crew.close();
  }

  @Test
  void nothingMergedIsNothingDue() throws Exception {
    assertThat(ask("release due demo"))
        .isEqualTo("no merged work has waited 7 days or more for a release in demo");
    assertThat(ask("release due"))
        .isEqualTo("no merged work has waited 7 days or more for a release");
  }

  @Test
  void mergedWorkIsDueOnceItWaitedTheDaysAskedAndReadsTheSameEachDayAfter() throws Exception {
    mergeAChange();
    String merged = LocalDate.now(ZoneOffset.UTC).toString();

    assertThat(ask("release due demo after 7"))
        .as("merged today: it waits, it is not due")
        .isEqualTo("no merged work has waited 7 days or more for a release in demo");

    clock.ahead = Duration.ofDays(8);
    String due = ask("release due demo after 7");
    assertThat(due)
        .isEqualTo(
            "1 repository has merged work waiting 7 days or more for a release:\n"
                + "- demo: 1 pull request merged and never released, the first on "
                + merged
                + " (#2); next release v0.1.0");

    clock.ahead = Duration.ofDays(9);
    assertThat(ask("release due demo after 7")).as("a day later, word for word").isEqualTo(due);
    assertThat(ask("release-due demo")).as("its id spelled as one word").isEqualTo(due);
  }

  @Test
  void aRepositoryThatIsNotConfiguredFailsWithTheReason() {
    assertThatThrownBy(() -> FakeSubagents.ask(tree, new ReleaseDue("homelab", 7)))
        .isInstanceOf(ActionFailedException.class)
        .hasMessageContaining("homelab");
  }

  private void mergeAChange() throws Exception {
    FakeSubagents.ask(
        tree,
        new Change(
            "demo",
            ChangeType.FEAT,
            "Add a whoami probe",
            null,
            Map.of("k8s/apps/whoami/probe.yaml", "probe: http\n".getBytes(StandardCharsets.UTF_8)),
            null,
            false));
    assertThat(ask("merge demo#2")).startsWith("pull request #2 of demo merged");
  }

  private String ask(String line) throws Exception {
    return FakeSubagents.ask(tree, RequestCatalogue.standard().parse(line, Door.SCHEDULE, false));
  }
}
