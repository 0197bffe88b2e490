package dev.gitopscrew.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.git.testing.RecordedEffects;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A cut interrupted at each of its steps (the write refused, or made with its answer lost) and run
 * again ends in the same state as a cut that was never interrupted: one tag, one release, one
 * milestone of each title.
 */
class ReleaseRerunTest {

  @TempDir Path dir;

  /** v0.1.0 released; a feat and a fix in milestone v0.1.1, and docs merged with no milestone. */
  static void withMilestone(GitHubRelease repo) throws Exception {
    repo.released("v0.1.0");
    int next = repo.github.milestoneTitled("v0.1.1").number;
    repo.merged(11, "feat: homepage widgets", next, "type:feat");
    repo.merged(12, "fix: whoami port", next, "type:fix");
    repo.merged(13, "docs: the release flow", null, "type:docs");
  }

  /** A first release of two pull requests merged with no milestone at all. */
  static void withoutMilestone(GitHubRelease repo) throws Exception {
    repo.merged(1, "fix: whoami port", null, "type:fix");
    repo.merged(2, "feat: homepage widgets", null, "type:feat");
  }

  interface Setup {
    void on(GitHubRelease repo) throws Exception;
  }

  static Stream<Arguments> interruptions() {
    Setup a = ReleaseRerunTest::withMilestone;
    Setup b = ReleaseRerunTest::withoutMilestone;
    return Stream.of(
        Arguments.of("assign, refused", a, "PATCH", "/issues/\\d+", FakeGitHub.Fault.BEFORE),
        Arguments.of("assign, answer lost", a, "PATCH", "/issues/\\d+", FakeGitHub.Fault.AFTER),
        Arguments.of(
            "close after the tag, refused",
            a,
            "PATCH",
            "/milestones/\\d+",
            FakeGitHub.Fault.BEFORE),
        Arguments.of("close, answer lost", a, "PATCH", "/milestones/\\d+", FakeGitHub.Fault.AFTER),
        Arguments.of("next milestone, refused", a, "POST", "/milestones", FakeGitHub.Fault.BEFORE),
        Arguments.of(
            "next milestone, answer lost", a, "POST", "/milestones", FakeGitHub.Fault.AFTER),
        Arguments.of(
            "notes, refused", a, "POST", "/releases/generate-notes", FakeGitHub.Fault.BEFORE),
        Arguments.of("release, refused", a, "POST", "/releases", FakeGitHub.Fault.BEFORE),
        Arguments.of("release, answer lost", a, "POST", "/releases", FakeGitHub.Fault.AFTER),
        Arguments.of(
            "notes, answer lost", a, "POST", "/releases/generate-notes", FakeGitHub.Fault.AFTER),
        Arguments.of(
            "create milestone, refused", b, "POST", "/milestones", FakeGitHub.Fault.BEFORE),
        Arguments.of(
            "create milestone, answer lost", b, "POST", "/milestones", FakeGitHub.Fault.AFTER));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("interruptions")
  void aCutInterruptedThereAndRunAgainEndsAsAnUninterruptedCut(
      String step, Setup setup, String method, String path, FakeGitHub.Fault fault)
      throws Exception {
    String expected;
    try (GitHubRelease straight = new GitHubRelease(dir.resolve("straight"))) {
      setup.on(straight);
      straight.cut(new RecordedEffects("homelab-admin"));
      expected = straight.state();
    }

    try (GitHubRelease repo = new GitHubRelease(dir.resolve("interrupted"))) {
      setup.on(repo);
      RecordedEffects effects = new RecordedEffects("homelab-admin", false, GitHubRelease.TOKEN);
      repo.github.failNext(method, path, fault);

      assertThatThrownBy(() -> repo.cut(effects))
          .isInstanceOf(ReleaseException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain(GitHubRelease.TOKEN));
      CutResult rerun = repo.cut(effects);

      assertThat(repo.state()).isEqualTo(expected);
      assertThat(repo.github.releasesWithoutTag).isEmpty();
      assertThat(effects.kinds()).filteredOn("git.tag ok"::equals).hasSize(1);
      assertThat(repo.cut(effects).changes()).as("a third run after " + rerun.describe()).isEmpty();
    }
  }
}
