package dev.gitopscrew.testing;

import dev.gitopscrew.incident.testing.ClusterFixture;
import io.fabric8.kubernetes.client.KubernetesClient;

/** Argo CD Applications in Fabric8's CRUD mock, as a {@code drift} request reads them. */
public final class DriftApplications {

  private DriftApplications() {}

  /** Application {@code name} in namespace argocd, Synced, with this health (replaced if there). */
  public static void put(KubernetesClient client, String name, String health, String message) {
    client
        .genericKubernetesResources(
            ClusterFixture.definition("argoproj.io/v1alpha1", "Application"))
        .inNamespace("argocd")
        .withName(name)
        .delete();
    ClusterFixture.create(
        client,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: %s, namespace: argocd}
        spec:
          project: default
          source: {repoURL: "local://demo", path: k8s/apps/%s, targetRevision: main}
          destination: {server: "https://kubernetes.default.svc", namespace: apps}
        status:
          health: {status: %s, message: "%s"}
          sync: {status: Synced}
        """
            .formatted(name, name, health, message));
  }
}
