package dev.gitopscrew.roles.cluster;

import dev.gitopscrew.request.Restart;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Capability;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/** devops-sre: a rollout restart of a deployment, statefulset or daemonset. */
public final class RestartRollout implements Action<Restart> {

  private final Capability cluster;

  public RestartRollout(Capability cluster) {
    this.cluster = cluster;
  }

  @Override
  public Class<Restart> handles() {
    return Restart.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.CLUSTER_RESTART);
  }

  @Override
  public String run(Restart request, ActionContext context) {
    cluster.require();
    throw ActionFailedException.notAvailable("rollout restart of " + request.workload().describe());
  }
}
