package dev.gitopscrew.incident.action;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.incident.IncidentException;
import java.util.List;
import java.util.Optional;

/** Sets a deployment's or statefulset's replica count; to zero needs an approval. */
public final class ScaleWorkload implements RunbookAction {

  @Override
  public String name() {
    return "scale";
  }

  @Override
  public List<String> kinds() {
    return List.of("deployment", "statefulset");
  }

  @Override
  public Optional<String> approvalNeeded(StepTarget target) {
    return target.replicas() != null && target.replicas() == 0
        ? Optional.of("scaling " + target.describe() + " to zero stops it")
        : Optional.empty();
  }

  @Override
  public String run(StepTarget target, StepContext context) {
    if (target.replicas() == null) {
      throw new IncidentException("scale needs a replica count");
    }
    int before = Patches.existing(context, target).body().at("/spec/replicas").asInt(1);
    ObjectNode patch = Patches.JSON.createObjectNode();
    patch.putObject("spec").put("replicas", target.replicas());
    KubeObject result = Patches.apply(context, target, patch);
    return Patches.did(
        context,
        "scaling " + target.describe() + " from " + before + " to " + target.replicas(),
        result);
  }
}
