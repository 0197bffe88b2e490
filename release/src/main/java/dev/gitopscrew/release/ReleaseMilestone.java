package dev.gitopscrew.release;

import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.MilestonesAndReleases;
import java.util.List;
import java.util.Optional;

/**
 * Which milestone a release is: the one named, the tag's (or the one an earlier cut renamed from
 * it), or the lowest open version among the pull requests' milestones.
 */
final class ReleaseMilestone {

  private ReleaseMilestone() {}

  /**
   * @param in the pull requests placed in the release
   * @param all the repository's milestones when already listed; null to list them only if needed
   * @return null when the cut creates the milestone
   */
  static Milestone of(
      List<ForgeItem> in,
      String named,
      TagHistory.Versioned tagged,
      MilestonesAndReleases releases,
      List<Milestone> all) {
    if (named != null) {
      List<Milestone> known = all;
      return ReleaseContent.titled(in, named)
          .or(() -> find(known != null ? known : releases.milestones(), named))
          .orElseThrow(
              () ->
                  new ReleaseException(
                      "no milestone named "
                          + named
                          + "; open milestones: "
                          + (known != null ? known : releases.milestones())
                              .stream()
                                  .filter(Milestone::open)
                                  .map(Milestone::title)
                                  .sorted()
                                  .toList()));
    }
    if (tagged != null) {
      return ReleaseContent.titled(in, tagged.name())
          .or(() -> ReleaseContent.lowestOpenVersion(in))
          .or(() -> find(all, tagged.name()))
          .orElse(null);
    }
    return ReleaseContent.lowestOpenVersion(in).orElse(null);
  }

  /** The milestone titled {@code title}, or renamed from it by an earlier cut. */
  private static Optional<Milestone> find(List<Milestone> milestones, String title) {
    if (milestones == null) {
      return Optional.empty();
    }
    return milestones.stream()
        .filter(m -> m.title().equals(title))
        .findFirst()
        .or(
            () ->
                milestones.stream()
                    .filter(m -> m.description().contains(CutSteps.renamedFrom(title)))
                    .findFirst());
  }
}
