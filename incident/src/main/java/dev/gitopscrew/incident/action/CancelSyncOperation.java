package dev.gitopscrew.incident.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.incident.IncidentException;
import java.util.List;

/**
 * Cancels an Argo CD sync operation stuck running, as {@code argocd app terminate-op} does: the
 * operation's phase set to {@code Terminating}, which the application controller acts on.
 */
public final class CancelSyncOperation implements RunbookAction {

  @Override
  public String name() {
    return "cancel-sync";
  }

  @Override
  public List<String> kinds() {
    return List.of("application");
  }

  @Override
  public String run(StepTarget target, StepContext context) {
    KubeObject app = Patches.existing(context, target);
    String phase = app.text("/status/operationState/phase");
    if (app.body().at("/operation").isMissingNode() && !phase.equals("Running")) {
      throw new IncidentException(
          "no sync operation is running for "
              + target.describe()
              + (phase.isEmpty() ? "" : " (the last one is " + phase + ")")
              + "; nothing to cancel");
    }
    ObjectNode patch = Patches.JSON.createObjectNode();
    patch.putObject("status").putObject("operationState").put("phase", "Terminating");
    KubeObject result = Patches.apply(context, target, patch);
    return Patches.did(
        context,
        "cancelling the running sync of "
            + target.describe()
            + " (started "
            + app.text("/status/operationState/startedAt")
            + ")",
        result);
  }
}
