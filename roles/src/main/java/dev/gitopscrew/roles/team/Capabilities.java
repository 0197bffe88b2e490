package dev.gitopscrew.roles.team;

import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.release.Releases;
import dev.gitopscrew.roles.Capability;

/**
 * The capabilities the agents' actions are built on: the Git workflow, whether a cluster and a
 * model are set up, and releases.
 */
public record Capabilities(
    Changes changes, Capability cluster, Capability models, Releases releases) {}
