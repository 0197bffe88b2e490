package dev.gitopscrew.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.request.Change;
import dev.gitopscrew.request.ClusterAction;
import dev.gitopscrew.request.Drill;
import dev.gitopscrew.request.DrillLeaf;
import dev.gitopscrew.request.Edit;
import dev.gitopscrew.request.EditOperation;
import dev.gitopscrew.request.Merge;
import dev.gitopscrew.request.ObjectRef;
import dev.gitopscrew.request.ReleaseCut;
import dev.gitopscrew.request.ReleasePlan;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.team.Team;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.AwaitingApproval;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Requests through homelab-admin to the agent that owns them, and what that agent really does. */
class AgentWorkforceTest {

  @TempDir Path state;
  TestCrew crew;
  FakeSubagents.Shared tree;

  @BeforeEach
  void start() {
    crew = new TestCrew(state);
    tree = crew.tree();
  }

  @AfterEach
  void stop() {
    crew.close();
  }

  @Test
  void everyRequestKindButTheLeafPartsHasExactlyOneOwner() {
    Routing routing = Team.routing(TestCrew.services(crew.changes, crew.releases));
    Map<Class<?>, KnownAgent> owners = routing.owners();
    for (Class<?> kind : Request.class.getPermittedSubclasses()) {
      if (kind.isInterface()) {
        continue; // Request.Contributed: kinds from outside, each with its own owner
      }
      if (kind == DrillLeaf.class) {
        assertThat(owners).doesNotContainKey(kind);
        assertThat(routing.leaf(new DrillLeaf(0, "ok"))).isPresent();
      } else {
        assertThat(owners).as(kind.getSimpleName()).containsKey(kind);
      }
    }
    assertThat(owners)
        .containsEntry(ClusterAction.class, KnownAgent.DEVOPS_SRE)
        .containsEntry(Change.class, KnownAgent.SOFTWARE_ENGINEER)
        .containsEntry(Edit.class, KnownAgent.SOFTWARE_ENGINEER)
        .containsEntry(Drill.class, KnownAgent.HOMELAB_ADMIN)
        .containsEntry(ReleasePlan.class, KnownAgent.HOMELAB_ADMIN)
        .containsEntry(ReleaseCut.class, KnownAgent.HOMELAB_ADMIN)
        .containsEntry(Merge.class, KnownAgent.HOMELAB_ADMIN);
  }

  @Test
  void aRestartWithNoClusterFailsWithTheFixAndDoesNothing() {
    assertThatThrownBy(
            () ->
                FakeSubagents.ask(
                    tree,
                    new ClusterAction(
                        "restart", new ObjectRef("deployment", "homepage", "apps"), null, false)))
        .isInstanceOf(ActionFailedException.class)
        .hasMessage("devops-sre failed: Kubernetes: not configured - set KUBECONFIG");
    assertThat(tree.spawns).containsExactly("1 devops-sre: restart deployment/homepage in apps");
    assertThat(crew.audit.records()).isEmpty();
  }

  @Test
  void aReleasePlanOfARepositoryWithNothingMergedSaysSoAndSucceeds() throws Exception {
    String plan =
        FakeSubagents.ask(
            tree, RequestCatalogue.standard().parse("release plan demo", Door.ASK, false));

    assertThat(plan)
        .isEqualTo(
            "nothing to release in demo\n"
                + "  reason: no pull request has been merged into main yet");
    assertThat(crew.audit.records()).isEmpty();
  }

  @Test
  void aScanOfTheDemoIsSecurityAnalystsWorkAndKeepsOneIssueAndOneHardeningPullRequest()
      throws Exception {
    String result =
        FakeSubagents.ask(tree, RequestCatalogue.standard().parse("scan demo", Door.ASK, false));

    assertThat(result)
        .startsWith("security-analyst: Scanned demo at ")
        .contains("\ncritical docker-socket k8s/apps/uptime-kuma/deployment.yaml:")
        .contains("\nfindings issue #1 local://demo/issues/1 (opened)\n")
        .contains("branch security-analyst/security/1-harden-pod-security-contexts\n");
    assertThat(tree.spawns).containsExactly("1 security-analyst: scan demo");
    assertThat(crew.forge.issues("demo")).hasSize(1);
    assertThat(crew.forge.pullRequests("demo"))
        .singleElement()
        .satisfies(pr -> assertThat(pr.labels()).contains("type:security", "area:security"));
    assertThat(crew.audit.records())
        .extracting(r -> r.kind() + " " + r.agent())
        .contains("forge.issue.create security-analyst", "forge.pr.create security-analyst");
  }

  @Test
  void aValidationOfAPullRequestThatDoesNotExistFailsAndWritesNothing() {
    assertThatThrownBy(
            () ->
                FakeSubagents.ask(
                    tree, RequestCatalogue.standard().parse("validate demo pr 2", Door.ASK, false)))
        .isInstanceOf(ActionFailedException.class)
        .hasMessage(
            "qa-tester failed: pull request #2 does not exist in demo; nothing was validated");
    assertThat(crew.audit.records()).isEmpty();
  }

  @Test
  void aReleaseCutWaitsForAnApprovalShowingItsPlanThenTagsAsHomelabAdmin() throws Exception {
    String change =
        FakeSubagents.ask(
            tree,
            new Change(
                "demo",
                ChangeType.FEAT,
                "Add a whoami probe",
                null,
                Map.of(
                    "k8s/apps/whoami/probe.yaml", "probe: http\n".getBytes(StandardCharsets.UTF_8)),
                null,
                false));
    assertThat(change).contains("pull request #2 local://demo/pulls/2 (opened)");
    assertThat(
            FakeSubagents.ask(
                tree, RequestCatalogue.standard().parse("merge demo#2", Door.ASK, false)))
        .startsWith(
            "pull request #2 of demo merged: software-engineer/feat/1-add-a-whoami-probe -> main"
                + " by merge commit ");
    assertThat(FakeSubagents.ask(tree, new Merge("demo", 2)))
        .startsWith("pull request #2 of demo was merged already (");
    ReleaseCut cut = new ReleaseCut("demo", null, false);

    assertThatThrownBy(() -> FakeSubagents.ask(tree, cut))
        .isInstanceOfSatisfying(
            AwaitingApproval.class,
            wait -> {
              assertThat(wait.reason())
                  .isEqualTo(
                      "a release cut tags the default branch of demo, publishes the release and"
                          + " closes its milestone");
              assertThat(wait.preview())
                  .startsWith(
                      "dry run, nothing written; the cut would do the steps marked todo:\n"
                          + "release v0.1.0 of demo is ready to cut\n"
                          + "  reason: MINOR: #2 \"feat: Add a whoami probe\" is labelled type:feat");
            });
    assertThat(crew.forge.releases("demo")).isEmpty();

    Work admin = crew.workforce.workFor("homelab-admin", 0).orElseThrow();
    String done =
        admin.perform(
            new Assignment(
                8, 8, 0, new Task("homelab-admin", cut).approvedBy("bob"), FakeSubagents.ORIGIN),
            new FakeSubagents(0, tree));

    assertThat(done).startsWith("release v0.1.0 of demo cut:\n- milestone v0.1.0 created");
    assertThat(crew.forge.releases("demo")).extracting(r -> r.tag()).containsExactly("v0.1.0");
    assertThat(crew.audit.records())
        .filteredOn(r -> r.kind().equals("git.tag"))
        .extracting(r -> r.outcome() + " " + r.agent() + " dry run " + r.dryRun())
        .containsExactly("previewed homelab-admin dry run true", "ok homelab-admin dry run false");
  }

  @Test
  void aChangeRunsTheGitWorkflowAsSoftwareEngineerAndAuditsEveryWrite() throws Exception {
    String result =
        FakeSubagents.ask(
            tree,
            new Change(
                "demo",
                ChangeType.FIX,
                "Run two whoami replicas",
                null,
                Map.of(
                    "k8s/apps/whoami/replicas.yaml",
                    "replicas: 2\n".getBytes(StandardCharsets.UTF_8)),
                null,
                false));

    assertThat(result)
        .startsWith("software-engineer: issue #1 local://demo/issues/1")
        .contains("branch software-engineer/fix/1-run-two-whoami-replicas")
        .contains("pull request #2 local://demo/pulls/2 (opened)");
    assertThat(crew.audit.records())
        .extracting(r -> r.kind() + " " + r.agent() + " " + r.requestId() + " " + r.channel())
        .containsExactly(
            "forge.issue.create software-engineer 100 test",
            "forge.comment.create software-engineer 100 test",
            "git.push software-engineer 100 test",
            "forge.pr.create software-engineer 100 test");
  }

  @Test
  void anEditOfTheDemoRepositoryOpensAPullRequestForExactlyTheImageLine() throws Exception {
    String result =
        FakeSubagents.ask(
            tree,
            new Edit(
                "demo",
                ObjectRef.parse("deployment/whoami", null),
                new EditOperation.Image("whoami", "traefik/whoami:v1.10.4"),
                null,
                null,
                false));

    assertThat(result)
        .contains(
            "k8s/apps/whoami/deployment.yaml:1 Deployment whoami: image traefik/whoami:v1.10.2 ->"
                + " traefik/whoami:v1.10.4")
        .contains(
            "-          image: traefik/whoami:v1.10.2\n+          image: traefik/whoami:v1.10.4")
        .contains("branch software-engineer/chore/1-set-image-of-whoami-to-traefik-whoami-v1\n");
    assertThat(crew.forge.pullRequests("demo"))
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.labels())
                  .contains("agent:software-engineer", "type:chore", "area:whoami");
              assertThat(pr.body()).contains("```diff");
            });
  }

  @Test
  void anEditAndAChangeCarryTheirLabelsOntoTheIssueAndPullRequest() throws Exception {
    FakeSubagents.ask(
        tree,
        new Edit(
            "demo",
            ObjectRef.parse("deployment/whoami", null),
            new EditOperation.Image("whoami", "traefik/whoami:v2.0.0"),
            null,
            null,
            false,
            java.util.List.of("semver:breaking", "priority:high")));
    FakeSubagents.ask(
        tree,
        new Change(
            "demo",
            ChangeType.FEAT,
            "Add a whoami probe",
            null,
            Map.of("k8s/apps/whoami/probe.yaml", "probe: http\n".getBytes(StandardCharsets.UTF_8)),
            null,
            false,
            java.util.List.of("semver:breaking")));

    assertThat(crew.forge.pullRequests("demo"))
        .hasSize(2)
        .allSatisfy(pr -> assertThat(pr.labels()).contains("semver:breaking"));
    assertThat(crew.forge.issues("demo"))
        .hasSize(2)
        .allSatisfy(issue -> assertThat(issue.labels()).contains("semver:breaking"));
    // the edit's priority label replaces the default one: one priority
    assertThat(crew.forge.issues("demo").get(0).labels())
        .contains("priority:high")
        .doesNotContain("priority:medium");
  }

  @Test
  void aDryRunEditShowsTheDiffAndWritesNothing() throws Exception {
    String result =
        FakeSubagents.ask(
            tree,
            new Edit(
                "demo",
                ObjectRef.parse("deployment/whoami", "whoami"),
                new EditOperation.Replicas(3),
                null,
                null,
                true));

    assertThat(result)
        .contains("+  replicas: 3")
        .contains("dry run, nothing written; it would:")
        .contains("create issue \"Set replicas to 3 on deployment/whoami\"");
    assertThat(crew.forge.issues("demo")).isEmpty();
    assertThat(crew.audit.records())
        .allSatisfy(r -> assertThat(r.outcome()).isEqualTo("previewed"))
        .hasSize(4);
  }

  /** Scaling to zero needs an approval: homelab-admin shows its dry run and waits. */
  @Test
  void aStepThatNeedsApprovalRunsAsADryRunAndTheRootWaitsWithItsResult() throws Exception {
    Action<ClusterAction> scale =
        new Action<>() {
          public Class<ClusterAction> handles() {
            return ClusterAction.class;
          }

          public java.util.Optional<Tool> tool() {
            return java.util.Optional.of(Tool.CLUSTER_SCALE);
          }

          public java.util.Optional<String> approvalNeeded(ClusterAction r) {
            return r.replicas() == 0
                ? java.util.Optional.of("scaling to zero stops the workload")
                : java.util.Optional.empty();
          }

          public String run(ClusterAction r, ActionContext context) {
            return (r.isDryRun() ? "dry run: would scale " : "scaled ")
                + r.target().describe()
                + " to "
                + r.replicas();
          }
        };
    AgentWorkforce workforce =
        new AgentWorkforce(
            new Routing(List.of(new RoleAgent(KnownAgent.DEVOPS_SRE, List.of(scale))), List.of()),
            crew.audit,
            dev.gitopscrew.effect.Redactor.none(),
            java.time.Clock.systemUTC());
    FakeSubagents.Shared shared = new FakeSubagents.Shared(workforce);
    ClusterAction toZero =
        new ClusterAction("scale", new ObjectRef("deployment", "web", "apps"), 0, false);

    assertThatThrownBy(() -> FakeSubagents.ask(shared, toZero))
        .isInstanceOfSatisfying(
            AwaitingApproval.class,
            wait -> {
              assertThat(wait.reason()).isEqualTo("scaling to zero stops the workload");
              assertThat(wait.preview())
                  .isEqualTo("devops-sre: dry run: would scale deployment/web in apps to 0");
            });
    assertThat(shared.spawns)
        .containsExactly("1 devops-sre: scale deployment/web in apps to 0 (dry run)");

    Work admin = workforce.workFor("homelab-admin", 0).orElseThrow();
    String approved =
        admin.perform(
            new Assignment(
                7, 7, 0, new Task("homelab-admin", toZero).approvedBy("bob"), FakeSubagents.ORIGIN),
            new FakeSubagents(0, shared));
    assertThat(approved).isEqualTo("devops-sre: scaled deployment/web in apps to 0");
    assertThat(
            FakeSubagents.ask(
                shared,
                new ClusterAction("scale", new ObjectRef("deployment", "web", "apps"), 2, false)))
        .isEqualTo("devops-sre: scaled deployment/web in apps to 2");
  }

  @Test
  void aRoleRefusesAKindItDoesNotOwn() {
    var work = crew.workforce.workFor("qa-tester", 1).orElseThrow();
    assertThatThrownBy(
            () ->
                work.perform(
                    new dev.gitopscrew.roles.work.Assignment(
                        5,
                        5,
                        1,
                        new dev.gitopscrew.roles.work.Task(
                            "qa-tester",
                            new ClusterAction(
                                "restart", new ObjectRef("deployment", "web", null), null, false)),
                        FakeSubagents.ORIGIN),
                    new FakeSubagents(1, tree)))
        .hasMessage("qa-tester does not take ClusterAction requests; they go to devops-sre");
  }

  @Test
  void anUnknownAgentHasNoWork() {
    assertThat(crew.workforce.workFor("cursor-agent", 1)).isEmpty();
    assertThat(crew.workforce.workFor("devops-sre", 0)).isEmpty();
    assertThat(Arrays.stream(KnownAgent.values()).map(a -> crew.workforce.workFor(a.id(), 1)))
        .allMatch(java.util.Optional::isPresent);
  }
}
