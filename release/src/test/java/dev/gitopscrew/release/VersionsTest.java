package dev.gitopscrew.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.semver4j.Semver;

/** The version rules: the bump of the labels, the 0.x policy and the first release. */
class VersionsTest {

  private static String next(String previous, Bump bump, ReleasePolicy policy) {
    return Versions.tag(
        Versions.next(
                previous == null ? null : Versions.parse(previous).orElseThrow(), bump, policy)
            .version());
  }

  @Test
  void theLabelsAskForTheHighestBump() {
    assertThat(Bump.of(Set.of("type:fix"))).isEqualTo(Bump.PATCH);
    assertThat(Bump.of(Set.of("type:chore", "area:gitops"))).isEqualTo(Bump.PATCH);
    assertThat(Bump.of(Set.of())).isEqualTo(Bump.PATCH);
    assertThat(Bump.of(Set.of("type:fix", "type:feat"))).isEqualTo(Bump.MINOR);
    assertThat(Bump.of(Set.of("type:feat", "semver:breaking"))).isEqualTo(Bump.MAJOR);
    assertThat(Bump.of(Set.of("Type:Feat"))).isEqualTo(Bump.MINOR);
  }

  @Test
  void fromOneOnwardsEachBumpIsItsOwnPart() {
    ReleasePolicy p = ReleasePolicy.defaults();
    assertThat(next("v1.4.2", Bump.PATCH, p)).isEqualTo("v1.4.3");
    assertThat(next("v1.4.2", Bump.MINOR, p)).isEqualTo("v1.5.0");
    assertThat(next("v1.4.2", Bump.MAJOR, p)).isEqualTo("v2.0.0");
  }

  @Test
  void belowOneABreakingChangeBumpsTheMinorUnlessThePolicySaysMajor() {
    assertThat(next("v0.3.1", Bump.MAJOR, ReleasePolicy.defaults())).isEqualTo("v0.4.0");
    assertThat(
            Versions.next(
                    Versions.parse("v0.3.1").orElseThrow(), Bump.MAJOR, ReleasePolicy.defaults())
                .rule())
        .isEqualTo("below 1.0.0 a breaking change bumps the minor (release.breakingBelowOne)");
    assertThat(next("v0.3.1", Bump.MAJOR, new ReleasePolicy("v0.1.0", true))).isEqualTo("v1.0.0");
  }

  @Test
  void theFirstReleaseIsNeverBelowTheConfiguredFirstVersion() {
    ReleasePolicy p = ReleasePolicy.defaults();
    assertThat(next(null, Bump.PATCH, p)).isEqualTo("v0.1.0");
    assertThat(next(null, Bump.MINOR, p)).isEqualTo("v0.1.0");
    assertThat(next(null, Bump.MAJOR, p)).isEqualTo("v0.1.0");
    assertThat(next(null, Bump.MAJOR, new ReleasePolicy("v0.1.0", true))).isEqualTo("v1.0.0");
    assertThat(next(null, Bump.PATCH, new ReleasePolicy("v1.0.0", false))).isEqualTo("v1.0.0");
    assertThat(next(null, Bump.MINOR, new ReleasePolicy("v0.0.1", false))).isEqualTo("v0.1.0");
  }

  @Test
  void onlyPlainVersionTagsAreReleases() {
    assertThat(Versions.parse("v1.2.3")).contains(Semver.parse("1.2.3"));
    assertThat(Versions.parse("1.2.3")).isEmpty();
    assertThat(Versions.parse("v1.2")).isEmpty();
    assertThat(Versions.parse("v1.0.0-rc.1")).isEmpty();
    assertThat(Versions.parse("v01.2.3")).isEmpty();
    assertThat(Versions.parse("release-1")).isEmpty();
    assertThatThrownBy(() -> new ReleasePolicy("1.0", false))
        .hasMessage("release.firstVersion must look like v1.2.3, got '1.0'");
  }
}
