package dev.gitopscrew.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The cluster as the crew uses it, with no client library's types: read objects, patch them, delete
 * a pod, read a container's log, and ask the API server whether a call is allowed. The Fabric8
 * adapter implements it; {@link GuardedCluster} puts the RBAC guard in front of every call.
 */
public interface Cluster {

  Optional<KubeObject> get(ResourceType type, String namespace, String name);

  /** Objects of a type in a namespace, or in every namespace when {@code namespace} is null. */
  List<KubeObject> list(ResourceType type, String namespace);

  /**
   * A JSON merge patch; with {@code dryRun} the API server validates and answers the result without
   * storing it.
   */
  KubeObject patch(
      ResourceType type, String namespace, String name, JsonNode mergePatch, boolean dryRun);

  /** Deletes an object at once (grace period 0), or only validates that it could. */
  void delete(ResourceType type, String namespace, String name, boolean dryRun);

  /** A container's log; {@code previous} reads the last terminated container's. */
  String log(String namespace, String pod, String container, boolean previous, int tailLines);

  /** The API server's SelfSubjectAccessReview of a call. */
  boolean accessAllowed(ApiCall call);
}
