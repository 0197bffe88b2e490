package dev.gitopscrew.forge;

import dev.gitopscrew.git.GitCredentials;
import java.util.Optional;

/**
 * The port every forge adapter (GitHub, Azure DevOps, local) implements: the issue and pull request
 * side of a change, and the capabilities only some forges offer, each an {@link Optional} a caller
 * asks for rather than a method that may not be called. Git itself (branches, commits, pushes) goes
 * through {@code Mirror}.
 *
 * <p>Creates are not retried here: the caller looks up what a failed attempt may have made first
 * (see {@link CreateOnce}), so no adapter ever makes a duplicate.
 */
public interface Forge extends Issues, PullRequests {

  /**
   * Whether the forge user {@code login} may push to this repository (write, maintain or admin on
   * GitHub). A forge that cannot say answers false; the configuration then lists who may.
   */
  boolean canPush(String login);

  /** How Git authenticates its pushes to this forge. */
  GitCredentials gitCredentials();

  /**
   * Milestones and releases, when this forge keeps them (GitHub, local); empty on Azure DevOps,
   * where a release is only its annotated tag.
   */
  Optional<MilestonesAndReleases> releases();

  /** The merge button of the local forge; empty on a hosted forge, where people merge. */
  Optional<LocalMerges> localMerges();
}
