package dev.gitopscrew.incident.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.incident.AppStatus;
import dev.gitopscrew.incident.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class RunbooksTest {

  static AppStatus app(String health, String sync) {
    return new AppStatus(
        "grafana", "argocd", health, "", sync, "monitoring", "", "", "", "", "", List.of());
  }

  static Finding finding(String pattern) {
    return new Finding(pattern, "pod/x in monitoring", "saw", "");
  }

  @Test
  void theBuiltInsLoadAndPickTheRunbookForWhatTriageFound() {
    List<Runbook> builtIn = Runbooks.builtIn();
    assertThat(builtIn)
        .extracting(Runbook::name)
        .containsExactly(
            "refresh-out-of-sync",
            "unstick-sync",
            "resync-secret",
            "restart-crash-loop",
            "rollback-bad-merge");

    assertThat(
            Runbooks.matching(
                builtIn,
                "on-health-degraded",
                app("Degraded", "Synced"),
                List.of(finding("crash-loop"))))
        .map(Runbook::name)
        .contains("restart-crash-loop");
    assertThat(
            Runbooks.matching(
                builtIn, "sweep", app("Degraded", "Synced"), List.of(finding("config-error"))))
        .map(Runbook::name)
        .contains("resync-secret");
    assertThat(
            Runbooks.matching(
                builtIn,
                "on-health-degraded",
                app("Degraded", "Synced"),
                List.of(finding("image-pull"))))
        .map(Runbook::name)
        .contains("rollback-bad-merge");
    assertThat(Runbooks.matching(builtIn, "sweep", app("Healthy", "OutOfSync"), List.of()))
        .map(Runbook::name)
        .contains("refresh-out-of-sync");
    assertThat(
            Runbooks.matching(
                builtIn,
                "on-health-degraded",
                app("Degraded", "Synced"),
                List.of(finding("unschedulable"))))
        .isEmpty();
  }

  @Test
  void disruptiveStepsNeedAnApproval() {
    Map<String, Runbook> byName = new java.util.HashMap<>();
    Runbooks.builtIn().forEach(r -> byName.put(r.name(), r));
    assertThat(byName.get("rollback-bad-merge").approvalNeeded("whoami"))
        .contains("runbook rollback-bad-merge rolls back a merge by a revert pull request");
    assertThat(byName.get("restart-crash-loop").approvalNeeded("whoami")).isEmpty();
    assertThat(byName.get("restart-crash-loop").steps().get(0).targetFor("grafana", "monitoring"))
        .isEqualTo("deployment/grafana");
  }

  @Test
  void anOperatorsRunbookIsCheckedAsItIsRead() {
    Object ok =
        new Yaml()
            .load(
                """
                - name: drain-worker
                  description: Park the batch worker during maintenance.
                  trigger: {events: [on-sync-succeeded]}
                  steps:
                    - {action: scale, target: "deployment/{app}-worker", replicas: 0}
                    - {action: restart, target: "deployment/{app}", approval: true}
                - name: careful-restart
                  description: Restart, once a person agrees.
                  trigger: {events: [on-health-degraded]}
                  steps:
                    - {action: restart, target: "deployment/{app}", approval: true}
                """);
    Runbook drain = Runbooks.parse("crew.yaml", ok).get(0);
    assertThat(Runbooks.parse("crew.yaml", ok).get(1).approvalNeeded("grafana"))
        .contains("runbook careful-restart marks restart deployment/grafana for approval");
    assertThat(drain.source()).isEqualTo("crew.yaml");
    // the approver reads the application's own objects, not the runbook's placeholders
    assertThat(drain.approvalNeeded("batch"))
        .contains("runbook drain-worker scales deployment/batch-worker to zero");

    assertThatThrownBy(
            () ->
                Runbooks.parse(
                    "crew.yaml",
                    new Yaml().load("- {name: x, steps: [{action: reboot, target: pod/x}]}")))
        .hasMessage(
            "runbooks[0].steps[0].action 'reboot' is not one of restart, scale, force-sync,"
                + " hard-refresh, cancel-sync, delete-pod, rollback");
    assertThatThrownBy(
            () ->
                Runbooks.parse(
                    "crew.yaml",
                    new Yaml().load("- {name: x, steps: [{action: scale, target: deployment/x}]}")))
        .hasMessage("runbooks[0].steps[0]: scale needs a whole-number replicas");
    assertThatThrownBy(() -> Runbooks.parse("crew.yaml", new Yaml().load("- {name: x}")))
        .hasMessage("runbooks[0] (x) needs steps");
    assertThatThrownBy(
            () -> Runbooks.parse("crew.yaml", new Yaml().load("- {name: Bad Name, steps: []}")))
        .hasMessageContaining("must be lower-case words with dashes");
  }
}
