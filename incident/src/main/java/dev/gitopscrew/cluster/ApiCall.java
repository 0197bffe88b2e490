package dev.gitopscrew.cluster;

import java.util.Objects;

/**
 * One Kubernetes API call as RBAC sees it.
 *
 * @param group the API group ({@code ""} for the core group)
 * @param resource the plural resource ({@code deployments})
 * @param subresource {@code scale}, {@code log}, ... or null
 * @param namespace the namespace, or null for a cluster-scoped resource or a call across all
 *     namespaces
 * @param name the object's name, or null (list, watch, create)
 */
public record ApiCall(
    String verb, String group, String resource, String subresource, String namespace, String name) {

  public ApiCall {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(resource, "resource");
  }

  public static ApiCall of(String verb, ResourceType type, String namespace, String name) {
    return new ApiCall(verb, type.group(), type.resource(), null, namespace, name);
  }

  /** {@code delete on apps/deployments in monitoring}. */
  public String describe() {
    String what =
        (group.isEmpty() ? "" : group + "/")
            + resource
            + (subresource == null ? "" : "/" + subresource);
    String where = namespace == null ? " cluster-wide" : " in namespace " + namespace;
    return verb + " on " + what + (name == null ? "" : " " + name) + where;
  }
}
