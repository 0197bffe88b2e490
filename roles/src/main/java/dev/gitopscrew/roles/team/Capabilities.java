package dev.gitopscrew.roles.team;

import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.roles.Capability;

/**
 * The capabilities the agents' actions are built on: the Git workflow, and whether a cluster and a
 * model are set up.
 */
public record Capabilities(Changes changes, Capability cluster, Capability models) {}
