package dev.gitopscrew.roles.verify;

import dev.gitopscrew.request.Verify;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.cluster.ClusterAccess;
import java.util.Optional;

/** qa-tester: post-merge and post-rollback verification of an Argo CD application. */
public final class VerifyDeployment implements Action<Verify> {

  private final ClusterAccess cluster;

  public VerifyDeployment(ClusterAccess cluster) {
    this.cluster = cluster;
  }

  @Override
  public Class<Verify> handles() {
    return Verify.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.VERIFY_DEPLOYMENT);
  }

  @Override
  public String run(Verify request, ActionContext context) {
    cluster.capability().require();
    throw ActionFailedException.notAvailable("verification of " + request.application());
  }
}
