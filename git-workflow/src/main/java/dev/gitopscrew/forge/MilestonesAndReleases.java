package dev.gitopscrew.forge;

import java.util.List;
import java.util.Optional;

/**
 * Milestones and releases, a capability a forge offers or not ({@link Forge#releases()}): GitHub
 * and the local forge keep them; on Azure DevOps a release is only its annotated tag.
 */
public interface MilestonesAndReleases {

  /** The open issues and pull requests of a milestone. */
  List<ForgeItem> openItems(Milestone milestone);

  /** Every milestone, open and closed. */
  List<Milestone> milestones();

  /** Creates an open milestone; when one of that title exists already it is returned instead. */
  Milestone createMilestone(String title, String description);

  /** Sets a milestone's title, description and state in one write. */
  Milestone updateMilestone(Milestone milestone, String title, String description, boolean open);

  /** Puts an issue or pull request in a milestone. */
  void setMilestone(int number, Milestone milestone);

  /** The newest releases (at least the 100 newest), drafts included, newest first. */
  List<Release> latestReleases();

  /**
   * Publishes a release, marked latest when asked; when the forge already has one for the tag (a
   * 422 {@code already_exists} on GitHub), that one is found and updated instead.
   */
  Release createRelease(NewRelease release);

  /** Replaces a release's name and notes and publishes it: a draft stops being one. */
  Release updateRelease(Release existing, NewRelease release);

  /**
   * Notes the forge writes for a tag (GitHub's {@code releases/generate-notes}, which writes
   * nothing); empty when the forge writes none.
   *
   * @param target the commit, needed while the tag does not exist yet
   * @param previousTag the tag the notes start from; null for the first release
   */
  Optional<ReleaseNotes> generateNotes(String tag, String target, String previousTag);
}
