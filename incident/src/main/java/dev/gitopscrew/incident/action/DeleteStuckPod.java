package dev.gitopscrew.incident.action;

import java.util.List;
import java.util.Optional;

/**
 * Deletes a pod stuck terminating or on a lost node, at once (grace period 0); its controller
 * starts a new one. Always needs an approval.
 */
public final class DeleteStuckPod implements RunbookAction {

  @Override
  public String name() {
    return "delete-pod";
  }

  @Override
  public List<String> kinds() {
    return List.of("pod");
  }

  @Override
  public Optional<String> approvalNeeded(StepTarget target) {
    return Optional.of("deleting " + target.describe() + " kills its containers at once");
  }

  @Override
  public String run(StepTarget target, StepContext context) {
    var pod = Patches.existing(context, target);
    context.cluster().delete(target.type(), target.namespace(), target.name(), context.dryRun());
    String phase = pod.text("/status/phase");
    return context.dryRun()
        ? "dry run: the API server accepted deleting " + target.describe() + " (" + phase + ")"
        : "deleted " + target.describe() + " (it was " + phase + ")";
  }
}
