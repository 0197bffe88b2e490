package dev.gitopscrew.incident.action;

import dev.gitopscrew.cluster.KubeObject;
import java.util.List;

/** An Argo CD hard refresh: the {@code argocd.argoproj.io/refresh: hard} annotation. */
public final class HardRefreshApplication implements RunbookAction {

  @Override
  public String name() {
    return "hard-refresh";
  }

  @Override
  public List<String> kinds() {
    return List.of("application");
  }

  @Override
  public String run(StepTarget target, StepContext context) {
    Patches.existing(context, target);
    KubeObject result =
        Patches.apply(context, target, Patches.annotation("argocd.argoproj.io/refresh", "hard"));
    return Patches.did(context, "a hard refresh of " + target.describe(), result);
  }
}
