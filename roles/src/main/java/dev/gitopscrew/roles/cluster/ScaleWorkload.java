package dev.gitopscrew.roles.cluster;

import dev.gitopscrew.request.Scale;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Capability;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/** devops-sre: sets the replica count of a workload. */
public final class ScaleWorkload implements Action<Scale> {

  private final Capability cluster;

  public ScaleWorkload(Capability cluster) {
    this.cluster = cluster;
  }

  @Override
  public Class<Scale> handles() {
    return Scale.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.CLUSTER_SCALE);
  }

  @Override
  public String run(Scale request, ActionContext context) {
    cluster.require();
    throw ActionFailedException.notAvailable("scaling " + request.workload().describe());
  }
}
