package dev.gitopscrew.roles.cluster;

import dev.gitopscrew.cluster.AuditedCluster;
import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.ClusterGuard;
import dev.gitopscrew.cluster.GuardedCluster;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Prerequisite;
import java.time.Duration;
import java.util.Optional;

/**
 * The cluster as the agents reach it: the guard (there even with no cluster, so a call outside the
 * rules is refused either way), the guarded cluster when one is configured, and the fix when not.
 *
 * @param refreshWait how long a force-sync waits for the ExternalSecret to refresh
 */
public record ClusterAccess(
    ClusterGuard guard,
    Optional<GuardedCluster> cluster,
    Prerequisite capability,
    Duration refreshWait) {

  public static ClusterAccess none(ClusterGuard guard, Prerequisite missing) {
    return new ClusterAccess(guard, Optional.empty(), missing, Duration.ofSeconds(30));
  }

  /** The session's cluster: guarded, its writes audited through the session's door. */
  public Cluster forSession(ActionContext context) {
    return forSession(context.effects());
  }

  public Cluster forSession(SideEffects effects) {
    GuardedCluster guarded =
        cluster.orElseThrow(() -> ActionFailedException.notConfigured(capability));
    return new AuditedCluster(guarded, effects);
  }
}
