package dev.gitopscrew.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;

/**
 * The only way to the cluster: every call is checked against the guard's rules before anything is
 * sent, and refused with the missing rule named. A write is confirmed by the API server's own
 * access review, then sent as a server-side dry run, then for real.
 */
public final class GuardedCluster implements Cluster {

  private final Cluster cluster;
  private final ClusterGuard guard;

  public GuardedCluster(Cluster cluster, ClusterGuard guard) {
    this.cluster = cluster;
    this.guard = guard;
  }

  public ClusterGuard guard() {
    return guard;
  }

  @Override
  public Optional<KubeObject> get(ResourceType type, String namespace, String name) {
    guard.require(ApiCall.of("get", type, scope(type, namespace), name));
    return cluster.get(type, namespace, name);
  }

  @Override
  public List<KubeObject> list(ResourceType type, String namespace) {
    guard.require(ApiCall.of("list", type, scope(type, namespace), null));
    return cluster.list(type, namespace);
  }

  @Override
  public KubeObject patch(
      ResourceType type, String namespace, String name, JsonNode mergePatch, boolean dryRun) {
    ApiCall call = ApiCall.of("patch", type, scope(type, namespace), name);
    confirm(call);
    KubeObject checked = cluster.patch(type, namespace, name, mergePatch, true);
    return dryRun ? checked : cluster.patch(type, namespace, name, mergePatch, false);
  }

  @Override
  public void delete(ResourceType type, String namespace, String name, boolean dryRun) {
    ApiCall call = ApiCall.of("delete", type, scope(type, namespace), name);
    confirm(call);
    cluster.delete(type, namespace, name, true);
    if (!dryRun) {
      cluster.delete(type, namespace, name, false);
    }
  }

  @Override
  public String log(String namespace, String pod, String container, boolean previous, int tail) {
    guard.require(new ApiCall("get", "", "pods", "log", namespace, pod));
    return cluster.log(namespace, pod, container, previous, tail);
  }

  @Override
  public boolean accessAllowed(ApiCall call) {
    return guard.check(call).allowed() && cluster.accessAllowed(call);
  }

  /** The guard's rules, then the API server's access review: both must allow a write. */
  private void confirm(ApiCall call) {
    guard.require(call);
    if (!cluster.accessAllowed(call)) {
      throw new ClusterRefusedException(
          "refused by the API server: its access review does not allow "
              + call.describe()
              + " for "
              + guard.serviceAccount()
              + " (is deploy/k8s/rbac.yaml applied?)");
    }
  }

  private static String scope(ResourceType type, String namespace) {
    return type.namespaced() ? namespace : null;
  }
}
