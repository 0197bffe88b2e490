package dev.gitopscrew.roles.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A finding about a missing field fires only on kinds where the field applies, as Polaris and
 * kube-linter do: no probes asked of what runs to completion, no pod settings asked of objects that
 * run no pod.
 */
class ApplicabilityTest {

  private static List<String> found(String yaml, int objects) {
    ScanReport report = Scanner.scan(ManifestTree.read(TreeFiles.of("x.yaml", yaml)), null);
    assertThat(report.unreadable()).isEmpty();
    assertThat(report.objects()).as("every object read").isEqualTo(objects);
    return report.findings().stream().map(f -> f.rule() + " " + f.object()).toList();
  }

  @Test
  void probesAreAskedOnlyOfWhatRunsUntilStopped() {
    String container =
        """
                - name: %s
                  image: nginx:1.27
        """;
    String yaml =
        """
        apiVersion: batch/v1
        kind: Job
        metadata: {name: migrate, namespace: web}
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
        %s---
        apiVersion: v1
        kind: Pod
        metadata: {name: once, namespace: web}
        spec:
          restartPolicy: OnFailure
          containers:
        %s---
        apiVersion: apps/v1
        kind: DaemonSet
        metadata: {name: agent, namespace: web}
        spec:
          template:
            spec:
              initContainers:
        %s      containers:
        %s"""
            .formatted(
                container.formatted("migrate"),
                container.formatted("once").replaceAll("(?m)^    ", ""),
                container.formatted("setup"),
                container.formatted("agent"));

    // their containers are read and judged, for what does apply
    assertThat(found(yaml, 3))
        .contains("run-as-root Job migrate", "run-as-root Pod once", "run-as-root DaemonSet agent");
    assertThat(found(yaml, 3).stream().filter(f -> f.contains("probe")))
        .containsExactlyInAnyOrder(
            "missing-liveness-probe DaemonSet agent", "missing-readiness-probe DaemonSet agent");
  }

  @Test
  void objectsThatRunNoPodAreAskedNoPodSetting() {
    String yaml =
        """
        apiVersion: v1
        kind: Service
        metadata: {name: web, namespace: default}
        spec:
          ports: [{port: 80}]
        ---
        apiVersion: v1
        kind: ServiceAccount
        metadata: {name: web, namespace: web}
        ---
        apiVersion: v1
        kind: ConfigMap
        metadata: {name: web, namespace: web}
        data: {LOG_LEVEL: info}
        ---
        apiVersion: example.com/v1
        kind: Rollout
        metadata: {name: not-argo, namespace: web}
        spec:
          template:
            spec:
              containers:
                - name: web
                  image: nginx
        """;

    assertThat(found(yaml, 4)).isEmpty();
  }
}
