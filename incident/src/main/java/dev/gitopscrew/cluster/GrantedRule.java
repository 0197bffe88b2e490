package dev.gitopscrew.cluster;

import java.util.Set;

/**
 * One RBAC rule as bound to the bot: what it allows and where.
 *
 * @param from the role that holds it ({@code ClusterRole gitops-crew})
 * @param namespace where it applies, or null for every namespace and cluster-scoped resources
 */
public record GrantedRule(
    String from,
    String namespace,
    Set<String> apiGroups,
    Set<String> resources,
    Set<String> verbs,
    Set<String> resourceNames) {

  public GrantedRule {
    apiGroups = Set.copyOf(apiGroups);
    resources = Set.copyOf(resources);
    verbs = Set.copyOf(verbs);
    resourceNames = Set.copyOf(resourceNames);
  }

  /** Whether this rule allows the call, by the matching Kubernetes' RBAC authorizer does. */
  boolean allows(ApiCall call, boolean namespaced) {
    if (namespace != null && (!namespaced || !namespace.equals(call.namespace()))) {
      return false;
    }
    if (!verbs.contains("*") && !verbs.contains(call.verb())) {
      return false;
    }
    if (!apiGroups.contains("*") && !apiGroups.contains(call.group())) {
      return false;
    }
    if (!resourceMatches(call)) {
      return false;
    }
    return resourceNames.isEmpty() || (call.name() != null && resourceNames.contains(call.name()));
  }

  private boolean resourceMatches(ApiCall call) {
    if (resources.contains("*")) {
      return true;
    }
    if (call.subresource() == null) {
      return resources.contains(call.resource());
    }
    return resources.contains(call.resource() + "/" + call.subresource())
        || resources.contains("*/" + call.subresource());
  }

  public String describe() {
    return from
        + (namespace == null ? " (cluster-wide)" : " (namespace " + namespace + ")")
        + ": "
        + verbs.stream().sorted().toList()
        + " on "
        + apiGroups.stream().sorted().map(g -> g.isEmpty() ? "core" : g).toList()
        + " "
        + resources.stream().sorted().toList()
        + (resourceNames.isEmpty() ? "" : " named " + resourceNames.stream().sorted().toList());
  }
}
