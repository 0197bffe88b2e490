package dev.gitopscrew.incident.action;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.incident.IncidentException;

/** Small JSON merge patches, and how a step reports what it did. */
final class Patches {

  static final ObjectMapper JSON = new ObjectMapper();

  private Patches() {}

  /** {@code {"metadata": {"annotations": {key: value}}}}. */
  static JsonNode annotation(String key, String value) {
    ObjectNode patch = JSON.createObjectNode();
    patch.putObject("metadata").putObject("annotations").put(key, value);
    return patch;
  }

  /** Sends {@code patch} to the step's target, as a server-side dry run when the step is one. */
  static KubeObject apply(StepContext context, StepTarget target, JsonNode patch) {
    return context
        .cluster()
        .patch(target.type(), target.namespace(), target.name(), patch, context.dryRun());
  }

  static String did(StepContext context, String what, KubeObject result) {
    return context.dryRun()
        ? "dry run: the API server accepted " + what
        : what + " (" + result.describe() + ")";
  }

  static KubeObject existing(StepContext context, StepTarget target) {
    return context
        .cluster()
        .get(target.type(), target.namespace(), target.name())
        .orElseThrow(() -> new IncidentException("no " + target.describe()));
  }
}
