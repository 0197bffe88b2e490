package dev.gitopscrew.incident.action;

import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.incident.IncidentException;
import java.time.Instant;
import java.util.List;

/**
 * Forces an ExternalSecret to sync now, as External Secrets Operator documents: a new {@code
 * force-sync} annotation, then a wait for a newer {@code status.refreshTime}.
 */
public final class ForceSyncExternalSecret implements RunbookAction {

  @Override
  public String name() {
    return "force-sync";
  }

  @Override
  public List<String> kinds() {
    return List.of("externalsecret");
  }

  @Override
  public String run(StepTarget target, StepContext context) throws InterruptedException {
    String before = Patches.existing(context, target).text("/status/refreshTime");
    String stamp = String.valueOf(context.clock().instant().getEpochSecond());
    KubeObject result = Patches.apply(context, target, Patches.annotation("force-sync", stamp));
    if (context.dryRun()) {
      return Patches.did(context, "the force-sync of " + target.describe(), result);
    }
    Instant until = context.clock().instant().plus(context.refreshWait());
    while (true) {
      String now = Patches.existing(context, target).text("/status/refreshTime");
      if (!now.isEmpty() && !now.equals(before)) {
        return "force-synced "
            + target.describe()
            + ": refreshTime "
            + (before.isEmpty() ? "(none)" : before)
            + " -> "
            + now;
      }
      if (!context.clock().instant().isBefore(until)) {
        throw new IncidentException(
            "annotated "
                + target.describe()
                + " with force-sync="
                + stamp
                + ", but its refreshTime did not change within "
                + context.refreshWait().toSeconds()
                + " s (still "
                + (before.isEmpty() ? "unset" : before)
                + "): check the SecretStore and the operator's logs");
      }
      Thread.sleep(Math.min(1000, Math.max(50, context.refreshWait().toMillis() / 20)));
    }
  }
}
