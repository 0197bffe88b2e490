package dev.gitopscrew.incident;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.cluster.ClusterGuard;
import dev.gitopscrew.cluster.GuardedCluster;
import dev.gitopscrew.cluster.fabric8.Fabric8Cluster;
import dev.gitopscrew.incident.testing.ClusterFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each triage pattern against Fabric8's mock API server in CRUD mode, with the status objects the
 * kubelet and controllers write (the previous-container log is a stub: CRUD mode has no logs).
 */
@EnableKubernetesMockClient(crud = true)
class TriageTest {

  static final Instant NOW = Instant.parse("2026-11-30T19:00:00Z");

  KubernetesMockServer server;
  KubernetesClient client;
  Triager triage;

  @BeforeEach
  void setUp() {
    triage = new Triager(new GuardedCluster(new Fabric8Cluster(client), ClusterGuard.packaged()));
    ClusterFixture.create(
        client,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: grafana, namespace: argocd}
        spec:
          source: {repoURL: "https://github.com/owner/homelab.git", path: k8s/apps/grafana}
          destination: {namespace: monitoring}
        status:
          health: {status: Degraded, message: "Deployment grafana has not progressed"}
          sync: {status: Synced}
          operationState: {phase: Failed, message: "one or more objects failed to apply"}
        """);
  }

  private void pod(String name, String status) {
    ClusterFixture.create(
        client,
        """
        apiVersion: v1
        kind: Pod
        metadata: {name: %s, namespace: monitoring}
        status:
        %s
        """
            .formatted(name, status.indent(2)));
  }

  @Test
  void eachPatternIsRecognisedWithWhatItSawAndTheLikelyCause() {
    server
        .expect()
        .get()
        .withPath(
            "/api/v1/namespaces/monitoring/pods/crash-0/log?pretty=false&container=grafana&previous=true&tailLines=20")
        .andReturn(200, "starting grafana\nerror: open /etc/grafana/grafana.ini: no such file\n")
        .always();
    pod(
        "crash-0",
        """
        phase: Running
        containerStatuses:
          - name: grafana
            restartCount: 7
            state: {waiting: {reason: CrashLoopBackOff}}
            lastState: {terminated: {reason: Error, exitCode: 1}}
        """);
    pod(
        "oom-0",
        """
        phase: Running
        containerStatuses:
          - name: grafana
            restartCount: 3
            state: {running: {}}
            lastState: {terminated: {reason: OOMKilled, exitCode: 137}}
        """);
    pod(
        "pull-0",
        """
        phase: Pending
        containerStatuses:
          - name: grafana
            image: grafana/grafana:99.0.0
            state: {waiting: {reason: ImagePullBackOff, message: "manifest unknown"}}
        """);
    pod(
        "config-0",
        """
        phase: Pending
        containerStatuses:
          - name: grafana
            state: {waiting: {reason: CreateContainerConfigError, message: "secret \\"grafana-admin\\" not found"}}
        """);
    pod(
        "pending-0",
        """
        phase: Pending
        conditions:
          - {type: PodScheduled, status: "False", reason: Unschedulable, message: "0/3 nodes are available: 3 Insufficient memory."}
        """);
    ClusterFixture.create(
        client,
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: grafana, namespace: monitoring}
        spec: {replicas: 1}
        status:
          conditions:
            - {type: Progressing, status: "False", reason: ProgressDeadlineExceeded, message: "ReplicaSet grafana-7d9f has timed out progressing."}
        """);
    ClusterFixture.create(
        client,
        """
        apiVersion: v1
        kind: Event
        metadata: {name: grafana.1, namespace: monitoring}
        type: Warning
        reason: BackOff
        count: 12
        message: Back-off restarting failed container grafana
        lastTimestamp: "2026-11-30T18:55:00Z"
        involvedObject: {kind: Pod, name: crash-0}
        """);
    ClusterFixture.create(
        client,
        """
        apiVersion: v1
        kind: Event
        metadata: {name: grafana.0, namespace: monitoring}
        type: Warning
        reason: FailedMount
        message: an old one
        lastTimestamp: "2026-11-29T10:00:00Z"
        involvedObject: {kind: Pod, name: old-0}
        """);

    TriageReport report = triage.triage("grafana", "argocd", NOW);

    assertThat(report.app().health()).isEqualTo("Degraded");
    assertThat(report.app().destinationNamespace()).isEqualTo("monitoring");
    assertThat(report.findings())
        .extracting(Finding::pattern, Finding::object)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("app-degraded", "application/grafana"),
            org.assertj.core.groups.Tuple.tuple("sync-failed", "application/grafana"),
            org.assertj.core.groups.Tuple.tuple("crash-loop", "pod/crash-0 in monitoring"),
            org.assertj.core.groups.Tuple.tuple("oom-killed", "pod/oom-0 in monitoring"),
            org.assertj.core.groups.Tuple.tuple("image-pull", "pod/pull-0 in monitoring"),
            org.assertj.core.groups.Tuple.tuple("config-error", "pod/config-0 in monitoring"),
            org.assertj.core.groups.Tuple.tuple("unschedulable", "pod/pending-0 in monitoring"),
            org.assertj.core.groups.Tuple.tuple(
                "progress-deadline", "deployment/grafana in monitoring"),
            org.assertj.core.groups.Tuple.tuple("warning-event", "pod/crash-0 in monitoring"));
    String text = report.describe();
    assertThat(text)
        .contains("container grafana is in CrashLoopBackOff (exit code 1, restarts 7)")
        .contains("error: open /etc/grafana/grafana.ini: no such file")
        .contains(
            "container grafana was OOMKilled (restarts 3) - likely its memory limit is below what it needs")
        .contains(
            "cannot pull grafana/grafana:99.0.0: manifest unknown - likely the tag does not exist")
        .contains("secret \"grafana-admin\" not found - likely a Secret or ConfigMap")
        .contains("0/3 nodes are available: 3 Insufficient memory.")
        .contains("BackOff (x12): Back-off restarting failed container grafana")
        .doesNotContain("an old one");
  }

  @Test
  void aHealthyApplicationHasNothingToReport() {
    ClusterFixture.create(
        client,
        """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: homepage, namespace: argocd}
        spec: {destination: {namespace: apps}}
        status: {health: {status: Healthy}, sync: {status: Synced}}
        """);
    TriageReport report = triage.triage("homepage", "argocd", NOW);
    assertThat(report.findings()).isEmpty();
    assertThat(report.describe())
        .isEqualTo(
            "application homepage: health Healthy, sync Synced, namespace apps\n"
                + "no unhealthy pods, stuck rollouts or recent warnings");
  }
}
