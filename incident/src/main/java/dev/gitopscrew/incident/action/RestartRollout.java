package dev.gitopscrew.incident.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.cluster.KubeObject;
import java.util.List;

/**
 * A rollout restart as {@code kubectl rollout restart} does it: a new {@code
 * kubectl.kubernetes.io/restartedAt} annotation on the pod template, so the controller rolls every
 * pod.
 */
public final class RestartRollout implements RunbookAction {

  @Override
  public String name() {
    return "restart";
  }

  @Override
  public List<String> kinds() {
    return List.of("deployment", "statefulset", "daemonset");
  }

  @Override
  public String run(StepTarget target, StepContext context) {
    Patches.existing(context, target);
    String now = context.clock().instant().toString();
    ObjectNode patch = Patches.JSON.createObjectNode();
    patch
        .putObject("spec")
        .putObject("template")
        .putObject("metadata")
        .putObject("annotations")
        .put("kubectl.kubernetes.io/restartedAt", now);
    KubeObject result = Patches.apply(context, target, patch);
    return Patches.did(
        context, "the rollout restart of " + target.describe() + " at " + now, result);
  }
}
