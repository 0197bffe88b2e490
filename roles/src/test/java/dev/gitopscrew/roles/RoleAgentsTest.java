package dev.gitopscrew.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RoleAgentsTest {

  private final FakeSubagents.Shared tree = new FakeSubagents.Shared();
  private final RoleWorkforce workforce = new RoleWorkforce();

  private String ask(String text) throws Exception {
    return FakeSubagents.ask(tree, text);
  }

  @Test
  void aRestartGoesToDevopsSreWhichReportsWhatItWouldDoHonestly() throws Exception {
    assertThat(ask("restart deployment/grafana in monitoring"))
        .isEqualTo(
            "devops-sre: planned: rollout restart deployment/grafana in namespace monitoring"
                + " (cluster capability not yet connected)");
    assertThat(tree.spawns)
        .containsExactly("1 devops-sre: restart deployment/grafana in monitoring");
  }

  @Test
  void aChangeGoesToTheSoftwareEngineer() throws Exception {
    assertThat(ask("change homelab raise grafana memory to 512Mi"))
        .startsWith("software-engineer: planned: issue, branch, commit and pull request on homelab")
        .endsWith("(git workflow capability not yet connected)");
  }

  @Test
  void aScanRunsItsTwoAuditsAsLeafWorkersAtDepthTwo() throws Exception {
    String result = ask("scan homelab k8s/apps");

    assertThat(tree.spawns)
        .containsExactly(
            "1 security-analyst: scan homelab k8s/apps",
            "2 security-analyst: audit manifests of homelab under k8s/apps",
            "2 security-analyst: audit RBAC rules of homelab under k8s/apps");
    assertThat(result)
        .isEqualTo(
            "security-analyst: scan of homelab under k8s/apps: planned: audit manifests of homelab"
                + " under k8s/apps (leaf capability not yet connected); planned: audit RBAC rules of"
                + " homelab under k8s/apps (leaf capability not yet connected)");
  }

  @Test
  void aVerificationRunsItsChecksAsLeafWorkersAndDoesThemInlineWhenRefused() throws Exception {
    tree.refuseAtDepth.put(2, "maxChildrenPerAgent 1 reached");

    String result = ask("verify grafana");

    assertThat(tree.spawns).containsExactly("1 qa-tester: verify grafana");
    assertThat(result)
        .startsWith("qa-tester: verification of grafana: planned: check Argo CD health")
        .contains("[done inline: maxChildrenPerAgent 1 reached]");
  }

  @Test
  void aValidationGoesToTheQaTester() throws Exception {
    assertThat(ask("validate homelab pr 42"))
        .startsWith("qa-tester: planned: pre-merge validation of homelab pull request #42");
  }

  @Test
  void aReleaseIsHandledByHomelabAdminItselfWithoutSpawning() throws Exception {
    assertThat(ask("release plan homelab v1.4"))
        .isEqualTo(
            "planned: release plan for homelab milestone v1.4 (release capability not yet"
                + " connected)");
    assertThat(tree.spawns).isEmpty();
  }

  @Test
  void aChildThatDidNotSucceedFailsTheRequestWithItsResult() {
    tree.forcedResults.put("devops-sre", new SessionResult.TimedOut(Duration.ofSeconds(600)));

    assertThatThrownBy(() -> ask("scale deployment/grafana to 0 in monitoring"))
        .hasMessage("devops-sre timed out after 600000 ms");
  }

  @Test
  void aRefusedSpawnFailsTheRequestWithTheReason() {
    tree.refuseAtDepth.put(
        1, "tools.agentToAgent is disabled: homelab-admin cannot spawn qa-tester");

    assertThatThrownBy(() -> ask("verify grafana"))
        .hasMessage(
            "cannot hand verify to qa-tester: tools.agentToAgent is disabled: homelab-admin cannot"
                + " spawn qa-tester");
  }

  @Test
  void aRoleAgentRefusesARequestRoutedElsewhere() {
    Work sre = workforce.workFor("devops-sre", 1).orElseThrow();

    assertThatThrownBy(
            () ->
                sre.perform(
                    new Assignment(1, 1, new Task("devops-sre", "scan homelab")),
                    new FakeSubagents(1, tree)))
        .isInstanceOf(BadRequestException.class)
        .hasMessage("devops-sre does not take scan requests; they go to security-analyst");
  }

  @Test
  void theWorkforceHasTheOrchestratorAtDepthZeroRolesAtOneAndLeavesAtTwo() {
    assertThat(workforce.workFor("homelab-admin", 0)).get().isInstanceOf(HomelabAdmin.class);
    assertThat(workforce.workFor("devops-sre", 0)).isEmpty();
    assertThat(workforce.workFor("qa-tester", 1)).get().isInstanceOf(QaTester.class);
    assertThat(workforce.workFor("qa-tester", 2)).get().isInstanceOf(LeafWorker.class);
    assertThat(workforce.workFor("language-tutor", 1)).isEmpty();
  }
}
