package dev.gitopscrew.release;

import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.Release;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.Tags;
import java.util.List;

/**
 * What a cut works from: the plan, and the objects behind it (desired state next to the actual).
 *
 * @param previous the previous release's tag; null for the first release
 * @param tagged whether the tag exists on the default branch already
 * @param milestone the release's milestone; null when the cut creates it
 * @param release the forge's release for the tag (maybe a draft); null when there is none
 * @param nextMilestoneExists whether the milestone of the next release is known to exist
 */
record Situation(
    RepositorySpec spec,
    Forge forge,
    Tags tags,
    Plan plan,
    String previous,
    boolean tagged,
    Milestone milestone,
    List<Integer> orphans,
    Release release,
    List<ForgeItem> counted,
    boolean nextMilestoneExists) {

  /** The same situation with its plan worked out. */
  Situation withPlan(Plan plan) {
    return new Situation(
        spec,
        forge,
        tags,
        plan,
        previous,
        tagged,
        milestone,
        orphans,
        release,
        counted,
        nextMilestoneExists);
  }

  boolean keepsReleases() {
    return forge.releases().isPresent();
  }

  String version() {
    return plan.version();
  }

  /** The milestone of the release after this one: the next patch, renamed when it is cut. */
  String nextMilestone() {
    return Versions.tag(Versions.parse(version()).orElseThrow().nextPatch());
  }
}
