package dev.gitopscrew.roles.cluster;

import dev.gitopscrew.cluster.ApiCall;
import dev.gitopscrew.cluster.ClusterCallException;
import dev.gitopscrew.cluster.ClusterRefusedException;
import dev.gitopscrew.cluster.ResourceType;
import dev.gitopscrew.incident.IncidentException;
import dev.gitopscrew.incident.action.RunbookAction;
import dev.gitopscrew.incident.action.RunbookActions;
import dev.gitopscrew.incident.action.StepContext;
import dev.gitopscrew.incident.action.StepTarget;
import dev.gitopscrew.request.ClusterAction;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

/**
 * devops-sre: one runbook action on the cluster. The guard is asked first (with or without a
 * cluster), the step's own class does the work, and disruptive steps wait for an approval.
 */
public final class RunClusterAction implements Action<ClusterAction> {

  private final ClusterAccess access;
  private final Clock clock;

  public RunClusterAction(ClusterAccess access, Clock clock) {
    this.access = access;
    this.clock = clock;
  }

  @Override
  public Class<ClusterAction> handles() {
    return ClusterAction.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.CLUSTER_RESTART);
  }

  /** A disruptive step the rules allow waits for an approval; one they refuse fails at once. */
  @Override
  public Optional<String> approvalNeeded(ClusterAction request) {
    StepTarget target = target(request);
    return access.guard().check(call(request, target)).allowed()
        ? step(request).approvalNeeded(target)
        : Optional.empty();
  }

  private static ApiCall call(ClusterAction request, StepTarget target) {
    String verb = request.action().equals("delete-pod") ? "delete" : "patch";
    return ApiCall.of(verb, target.type(), target.namespace(), target.name());
  }

  @Override
  public String run(ClusterAction request, ActionContext context) throws InterruptedException {
    RunbookAction step = step(request);
    StepTarget target = target(request);
    try {
      access.guard().require(call(request, target));
      return step.run(
          target,
          new StepContext(
              access.forSession(context), request.isDryRun(), clock, access.refreshWait()));
    } catch (ClusterRefusedException | ClusterCallException | IncidentException e) {
      throw new ActionFailedException(e.getMessage());
    }
  }

  @Override
  public Optional<Tool> toolFor(ClusterAction request) {
    return Optional.of(toolOf(request));
  }

  /** The tool the permission chain must grant for this action. */
  static Tool toolOf(ClusterAction request) {
    return switch (request.action()) {
      case "scale" -> Tool.CLUSTER_SCALE;
      case "delete-pod" -> Tool.CLUSTER_DELETE_POD;
      case "force-sync" -> Tool.SECRET_FORCE_SYNC;
      case "hard-refresh" -> Tool.ARGOCD_REFRESH;
      case "cancel-sync" -> Tool.ARGOCD_CANCEL_SYNC;
      default -> Tool.CLUSTER_RESTART;
    };
  }

  private static RunbookAction step(ClusterAction request) {
    return RunbookActions.named(request.action()).orElseThrow();
  }

  static StepTarget target(ClusterAction request) {
    RunbookAction step = step(request);
    String kind = request.target().kind();
    ResourceType type =
        ResourceType.named(kind)
            .filter(t -> step.kinds().contains(t.kind().toLowerCase(Locale.ROOT)))
            .orElseThrow(
                () ->
                    new ActionFailedException(
                        request.action()
                            + " works on "
                            + String.join(", ", step.kinds())
                            + ", not "
                            + kind));
    String namespace =
        request.target().namespace() != null
            ? request.target().namespace()
            : type.equals(ResourceType.APPLICATION) ? "argocd" : "default";
    return new StepTarget(type, namespace, request.target().name(), request.replicas());
  }
}
