package dev.gitopscrew.incident.action;

import dev.gitopscrew.cluster.ResourceType;
import java.util.Objects;

/**
 * What a runbook action works on: an object of a known type in a namespace, and for a scale the
 * replica count wanted.
 */
public record StepTarget(ResourceType type, String namespace, String name, Integer replicas) {

  public StepTarget {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(name, "name");
  }

  /** {@code deployment/web in apps}. */
  public String describe() {
    return type.kind().toLowerCase(java.util.Locale.ROOT)
        + "/"
        + name
        + (namespace == null ? "" : " in " + namespace);
  }
}
