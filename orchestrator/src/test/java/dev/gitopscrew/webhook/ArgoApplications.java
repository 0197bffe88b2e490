package dev.gitopscrew.webhook;

import dev.gitopscrew.incident.testing.ClusterFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;

/**
 * Argo CD Applications and their workloads in Fabric8's CRUD mock, as the incident tests of the
 * webhook need them: an Application in a given state, a crash-looping Deployment, a state change.
 */
public final class ArgoApplications {

  private final KubernetesClient client;
  private final String repoUrl;

  /**
   * A crew configuration whose runbook restarts a crash-looping application only once a person
   * approves, checking for recovery at once and never sweeping on its own.
   */
  public static final String APPROVED_RESTART =
      """
      incident:
        verifyWaitSeconds: 1
        sweepMinutes: 0
        runbooks:
          - name: restart-after-approval
            trigger: {events: [on-health-degraded], findings: [crash-loop]}
            steps:
              - action: restart
                target: "deployment/{app}"
                approval: true
      """;

  public ArgoApplications(KubernetesClient client, String repoUrl) {
    this.client = client;
    this.repoUrl = repoUrl;
  }

  public void application(String name, String health, String sync, String phase) {
    ClusterFixture.create(
        client,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: %s, namespace: argocd, generation: 4}
        spec:
          project: default
          source: {repoURL: "%s", path: k8s/apps/%s, targetRevision: main}
          destination: {server: "https://kubernetes.default.svc", namespace: apps}
          syncPolicy: {automated: {prune: true, selfHeal: true}}
        status:
          health: {status: %s}
          sync: {status: %s, revision: 9f2c1e7a4b}
          operationState:
            phase: %s
            message: successfully synced (all tasks run)
            startedAt: "2026-11-30T18:40:02Z"
            finishedAt: "2026-11-30T18:40:09Z"
            syncResult: {revision: 9f2c1e7a4b}
          resources:
            - {group: apps, version: v1, kind: Deployment, namespace: apps, name: %s, health: {status: %s}}
        """
            .formatted(name, repoUrl, name, health, sync, phase, name, health));
  }

  /** An Application still rolling out, alone in its namespace (nothing else there to verify). */
  void progressing(String name) {
    ClusterFixture.create(
        client,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: %s, namespace: argocd, generation: 1}
        spec:
          project: default
          source: {repoURL: "%s", path: k8s/apps/%s, targetRevision: main}
          destination: {server: "https://kubernetes.default.svc", namespace: %s}
        status:
          health: {status: Progressing}
          sync: {status: Synced, revision: 9f2c1e7a4b}
        """
            .formatted(name, repoUrl, name, name));
  }

  public void crashingWorkload(String name) {
    ClusterFixture.create(
        client,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: %s, namespace: apps, generation: 2}
        spec:
          replicas: 1
          selector: {matchLabels: {app: %s}}
          template:
            metadata: {labels: {app: %s}}
            spec: {containers: [{name: %s, image: "traefik/whoami:v1.10.2"}]}
        status: {observedGeneration: 2, replicas: 1, updatedReplicas: 1, availableReplicas: 0}
        """
            .formatted(name, name, name, name));
    ClusterFixture.create(
        client,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s-6d9f8b7c5d-x7k2q, namespace: apps, labels: {app: %s}}
        spec: {containers: [{name: %s, image: "traefik/whoami:v1.10.2"}]}
        status:
          phase: Running
          containerStatuses:
            - name: %s
              ready: false
              restartCount: 6
              state: {waiting: {reason: CrashLoopBackOff, message: "back-off 2m40s restarting"}}
              lastState: {terminated: {exitCode: 1, reason: Error}}
        """
            .formatted(name, name, name, name));
  }

  /** The Application reports Healthy and Synced, as Argo CD does once it has recovered. */
  void healthy(String name) {
    client
        .genericKubernetesResources(
            ClusterFixture.definition("argoproj.io/v1alpha1", "Application"))
        .inNamespace("argocd")
        .withName(name)
        .edit(
            a -> {
              a.setAdditionalProperty(
                  "status",
                  Map.of(
                      "health", Map.of("status", "Healthy"), "sync", Map.of("status", "Synced")));
              return a;
            });
  }

  /** When {@code name}'s Deployment was last restarted (its restartedAt annotation), or null. */
  String restartedAt(String name) {
    var annotations =
        client
            .apps()
            .deployments()
            .inNamespace("apps")
            .withName(name)
            .get()
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations();
    return annotations == null ? null : annotations.get("kubectl.kubernetes.io/restartedAt");
  }
}
