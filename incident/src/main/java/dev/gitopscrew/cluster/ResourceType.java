package dev.gitopscrew.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A kind of Kubernetes object the crew knows how to address: its API group and version, plural
 * resource, kind, and whether it lives in a namespace.
 */
public record ResourceType(
    String group, String version, String resource, String kind, boolean namespaced) {

  public static final ResourceType POD = new ResourceType("", "v1", "pods", "Pod", true);
  public static final ResourceType LEASE =
      new ResourceType("coordination.k8s.io", "v1", "leases", "Lease", true);
  public static final ResourceType EVENT = new ResourceType("", "v1", "events", "Event", true);
  public static final ResourceType DEPLOYMENT =
      new ResourceType("apps", "v1", "deployments", "Deployment", true);
  public static final ResourceType STATEFULSET =
      new ResourceType("apps", "v1", "statefulsets", "StatefulSet", true);
  public static final ResourceType APPLICATION =
      new ResourceType("argoproj.io", "v1alpha1", "applications", "Application", true);
  public static final ResourceType EXTERNAL_SECRET =
      new ResourceType("external-secrets.io", "v1", "externalsecrets", "ExternalSecret", true);

  /** Every type {@code crew kube} and the runbooks name, by plural, kind and short names. */
  public static final List<ResourceType> KNOWN =
      List.of(
          POD,
          EVENT,
          new ResourceType("", "v1", "services", "Service", true),
          new ResourceType("", "v1", "endpoints", "Endpoints", true),
          new ResourceType("", "v1", "namespaces", "Namespace", false),
          new ResourceType("", "v1", "nodes", "Node", false),
          new ResourceType("", "v1", "configmaps", "ConfigMap", true),
          new ResourceType("", "v1", "secrets", "Secret", true),
          new ResourceType("", "v1", "persistentvolumeclaims", "PersistentVolumeClaim", true),
          new ResourceType("", "v1", "serviceaccounts", "ServiceAccount", true),
          DEPLOYMENT,
          STATEFULSET,
          new ResourceType("apps", "v1", "daemonsets", "DaemonSet", true),
          new ResourceType("apps", "v1", "replicasets", "ReplicaSet", true),
          new ResourceType("batch", "v1", "jobs", "Job", true),
          new ResourceType("batch", "v1", "cronjobs", "CronJob", true),
          new ResourceType("networking.k8s.io", "v1", "ingresses", "Ingress", true),
          new ResourceType("networking.k8s.io", "v1", "networkpolicies", "NetworkPolicy", true),
          new ResourceType("rbac.authorization.k8s.io", "v1", "clusterroles", "ClusterRole", false),
          new ResourceType("rbac.authorization.k8s.io", "v1", "roles", "Role", true),
          LEASE,
          APPLICATION,
          new ResourceType("argoproj.io", "v1alpha1", "appprojects", "AppProject", true),
          EXTERNAL_SECRET,
          new ResourceType(
              "external-secrets.io", "v1", "clustersecretstores", "ClusterSecretStore", false),
          new ResourceType("external-secrets.io", "v1", "secretstores", "SecretStore", true));

  private static final java.util.Map<String, String> SHORT =
      java.util.Map.ofEntries(
          java.util.Map.entry("po", "pods"),
          java.util.Map.entry("svc", "services"),
          java.util.Map.entry("ns", "namespaces"),
          java.util.Map.entry("no", "nodes"),
          java.util.Map.entry("cm", "configmaps"),
          java.util.Map.entry("pvc", "persistentvolumeclaims"),
          java.util.Map.entry("sa", "serviceaccounts"),
          java.util.Map.entry("deploy", "deployments"),
          java.util.Map.entry("sts", "statefulsets"),
          java.util.Map.entry("ds", "daemonsets"),
          java.util.Map.entry("rs", "replicasets"),
          java.util.Map.entry("cj", "cronjobs"),
          java.util.Map.entry("ing", "ingresses"),
          java.util.Map.entry("netpol", "networkpolicies"),
          java.util.Map.entry("app", "applications"),
          java.util.Map.entry("es", "externalsecrets"),
          java.util.Map.entry("ev", "events"));

  /** The type a user names: plural, singular, kind or short name, case-insensitive. */
  public static Optional<ResourceType> named(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    String plural = SHORT.getOrDefault(n, n);
    return KNOWN.stream()
        .filter(
            t ->
                t.resource().equals(plural)
                    || t.kind().toLowerCase(Locale.ROOT).equals(n)
                    || (t.resource().endsWith("s")
                        && t.resource().substring(0, t.resource().length() - 1).equals(n)))
        .findFirst();
  }

  public String apiVersion() {
    return group.isEmpty() ? version : group + "/" + version;
  }

  /** {@code apps/deployments}, {@code pods}. */
  public String qualified() {
    return group.isEmpty() ? resource : group + "/" + resource;
  }
}
