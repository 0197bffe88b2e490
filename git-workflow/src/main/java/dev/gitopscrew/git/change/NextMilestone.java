package dev.gitopscrew.git.change;

import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.Milestones;
import dev.gitopscrew.forge.MilestonesAndReleases;
import dev.gitopscrew.git.RepositorySpec;
import java.util.Optional;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * The milestone the next release cuts (the lowest open {@code vMAJOR.MINOR.PATCH}, as {@code crew
 * release} picks it), read once and only when an issue needs one; none on a forge without
 * milestones (Azure DevOps), none when no such milestone is open. A forge that cannot list them
 * leaves the change without a milestone rather than failing it.
 */
final class NextMilestone implements Supplier<Optional<Milestone>> {

  private static final Logger LOG = Logger.getLogger(NextMilestone.class);

  private final Forge forge;
  private final RepositorySpec spec;
  private Optional<Milestone> read;

  NextMilestone(Forge forge, RepositorySpec spec) {
    this.forge = forge;
    this.spec = spec;
  }

  @Override
  public Optional<Milestone> get() {
    if (read == null) {
      read = Optional.empty();
      Optional<MilestonesAndReleases> releases = forge.releases();
      if (releases.isPresent()) {
        try {
          read = Milestones.nextRelease(releases.get().milestones());
        } catch (ForgeException e) {
          LOG.warnf(
              "change on %s: milestones not read, so none is set: %s", spec.name(), e.getMessage());
        }
      }
    }
    return read;
  }

  /** GitHub's number of the issue's milestone when it is the one read here, else 0. */
  int numberOf(Issue issue) {
    if (issue.milestone() == null) {
      return 0;
    }
    return get().filter(m -> m.title().equals(issue.milestone())).map(Milestone::number).orElse(0);
  }
}
