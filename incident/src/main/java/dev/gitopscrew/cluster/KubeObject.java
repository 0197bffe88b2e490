package dev.gitopscrew.cluster;

import com.fasterxml.jackson.databind.JsonNode;

/** A Kubernetes object as the crew reads it: where it is, its version, and the whole object. */
public record KubeObject(
    ResourceType type, String namespace, String name, String resourceVersion, JsonNode body) {

  /** A field by JSON pointer ({@code /status/health/status}); missing fields read as "". */
  public String text(String pointer) {
    return body.at(pointer).asText("");
  }

  /** {@code deployment/web in apps@12345}. */
  public String describe() {
    return type.kind().toLowerCase(java.util.Locale.ROOT)
        + "/"
        + name
        + (namespace == null ? "" : " in " + namespace)
        + (resourceVersion == null ? "" : "@" + resourceVersion);
  }
}
