package dev.gitopscrew.forge;

import dev.gitopscrew.effect.EffectKind;
import java.util.List;
import java.util.Optional;

/**
 * The milestones and releases of a {@link DecoratedForge}, with the same {@link ForgeCalls} around
 * each call: milestone and release writes are audited, reads and the notes generator are not.
 */
final class DecoratedReleases implements MilestonesAndReleases {

  private final MilestonesAndReleases releases;
  private final ForgeCalls calls;

  DecoratedReleases(MilestonesAndReleases releases, ForgeCalls calls) {
    this.releases = releases;
    this.calls = calls;
  }

  @Override
  public List<ForgeItem> openItems(Milestone milestone) {
    return calls.call("openItems", () -> releases.openItems(milestone));
  }

  @Override
  public List<Milestone> milestones() {
    return calls.call("milestones", releases::milestones);
  }

  @Override
  public Milestone createMilestone(String title, String description) {
    return calls.write(
        "createMilestone",
        EffectKind.FORGE_MILESTONE,
        () -> " milestone " + title + " (create)",
        () -> releases.createMilestone(title, description),
        Milestone::url);
  }

  @Override
  public Milestone updateMilestone(
      Milestone milestone, String title, String description, boolean open) {
    String change =
        (milestone.title().equals(title) ? "" : "rename to " + title + ", ")
            + (open ? "open" : "close");
    return calls.write(
        "updateMilestone",
        EffectKind.FORGE_MILESTONE,
        () -> " milestone " + milestone.title() + " (" + change + ")",
        () -> releases.updateMilestone(milestone, title, description, open),
        Milestone::url);
  }

  @Override
  public void setMilestone(int number, Milestone milestone) {
    calls.write(
        "setMilestone",
        EffectKind.FORGE_MILESTONE,
        () -> "#" + number + " into milestone " + milestone.title(),
        () -> {
          releases.setMilestone(number, milestone);
          return number;
        },
        n -> "#" + n);
  }

  @Override
  public List<Release> latestReleases() {
    return calls.call("latestReleases", releases::latestReleases);
  }

  @Override
  public Release createRelease(NewRelease release) {
    return calls.write(
        "createRelease",
        EffectKind.FORGE_RELEASE,
        () -> " release " + release.tag() + " (publish)",
        () -> releases.createRelease(release),
        Release::url);
  }

  @Override
  public Release updateRelease(Release existing, NewRelease release) {
    return calls.write(
        "updateRelease",
        EffectKind.FORGE_RELEASE,
        () -> " release " + existing.tag() + (existing.draft() ? " (publish draft)" : " (update)"),
        () -> releases.updateRelease(existing, release),
        Release::url);
  }

  @Override
  public Optional<ReleaseNotes> generateNotes(String tag, String target, String previousTag) {
    return calls.call("generateNotes", () -> releases.generateNotes(tag, target, previousTag));
  }
}
