package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import java.util.Objects;

/**
 * One runbook action on the cluster (devops-sre): a rollout restart, a scale, an ExternalSecret
 * force-sync, an Argo CD hard refresh or sync cancel, deleting a stuck pod.
 *
 * @param replicas the count for {@code scale}; null otherwise
 */
@JsonTypeName("action")
public record ClusterAction(String action, ObjectRef target, Integer replicas, boolean dryRun)
    implements Request, DryRunnable {

  public static final List<String> ACTIONS =
      List.of("restart", "scale", "force-sync", "hard-refresh", "cancel-sync", "delete-pod");

  public ClusterAction {
    if (!ACTIONS.contains(action)) {
      throw new BadRequestException(
          "unknown action '" + action + "'; one of " + String.join(", ", ACTIONS));
    }
    Objects.requireNonNull(target, "target");
    if (action.equals("scale") == (replicas == null)) {
      throw new BadRequestException(
          action.equals("scale")
              ? "scale needs a replica count (--replicas N)"
              : action + " takes no replica count");
    }
    if (replicas != null) {
      Names.number("replicas", replicas, 0, 9999);
    }
  }

  @Override
  public String describe() {
    return action
        + " "
        + target.describe()
        + (replicas == null ? "" : " to " + replicas)
        + (dryRun ? " (dry run)" : "");
  }

  @Override
  public ClusterAction withDryRun() {
    return new ClusterAction(action, target, replicas, true);
  }
}
