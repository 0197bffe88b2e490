package dev.gitopscrew.assembly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Edit;
import dev.gitopscrew.request.EditOperation;
import dev.gitopscrew.request.ObjectRef;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.session.SessionRecord;
import dev.gitopscrew.session.SessionView;
import dev.gitopscrew.settings.CrewContext;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The crew as the composition root builds it: requests become stored, audited session trees. */
@org.junit.jupiter.api.Tag("store")
class CrewSessionsTest {

  private static final ChannelScope CLI = ChannelScope.unrestricted("the command line");
  private static final Origin ORIGIN = new Origin("cli", "alice");

  @TempDir Path dir;
  private Crew crew;

  @AfterEach
  void stop() {
    if (crew != null) {
      crew.close();
    }
  }

  private Crew start(String config) throws Exception {
    Optional<Path> file = Optional.empty();
    if (config != null) {
      file = Optional.of(Files.writeString(dir.resolve("crew.json"), config));
    }
    crew =
        Crew.open(
            CrewContext.load(
                file,
                Optional.of(dir.resolve("state")),
                dev.gitopscrew.store.TestStores.env(dir.resolve("state"))));
    return crew;
  }

  private RequestOutcome.Ran ask(String text) throws Exception {
    return (RequestOutcome.Ran)
        crew.runRequest().runText(text, Optional.empty(), CLI, ORIGIN, true);
  }

  @Test
  void anEditRunsAsATreeOfHomelabAdminAndSoftwareEngineerAndAuditsEveryWrite() throws Exception {
    start(null);
    RequestOutcome.Ran ran =
        (RequestOutcome.Ran)
            crew.runRequest()
                .run(
                    new Edit(
                        "demo",
                        ObjectRef.parse("deployment/whoami", null),
                        new EditOperation.Image("whoami", "traefik/whoami:v1.10.4"),
                        null,
                        null,
                        false),
                    Optional.empty(),
                    CLI,
                    ORIGIN,
                    true);

    assertThat(ran.succeeded()).as(ran.root().detail()).isTrue();
    assertThat(ran.tree())
        .extracting(v -> v.depth() + " " + v.agent() + " " + v.state())
        .containsExactly("0 homelab-admin succeeded", "1 software-engineer succeeded");
    assertThat(ran.tree()).extracting(SessionView::channel).containsOnly("cli");
    assertThat(ran.tree()).extracting(SessionView::requester).containsOnly("alice");

    List<AuditRecord> effects = crew.trail().ofSession(ran.rootId()).orElseThrow();
    long engineer = ran.tree().get(1).id();
    assertThat(effects)
        .extracting(r -> r.kind() + " " + r.outcome())
        .containsExactly(
            "forge.issue.create ok",
            "forge.comment.create ok",
            "git.push ok",
            "forge.pr.create ok");
    assertThat(effects)
        .allSatisfy(
            r -> {
              assertThat(r.requestId()).isEqualTo(ran.rootId());
              assertThat(r.sessionId()).isEqualTo(engineer);
              assertThat(r.agent()).isEqualTo("software-engineer");
              assertThat(r.channel()).isEqualTo("cli");
              assertThat(r.requester()).isEqualTo("alice");
              assertThat(r.dryRun()).isFalse();
            });
    String branch = "software-engineer/chore/1-set-image-of-whoami-to-traefik-whoami-v1";
    assertThat(effects.get(2).target()).isEqualTo("demo:" + branch);
    assertThat(effects.get(3).artifact()).isEqualTo("local://demo/pulls/2");

    try (Git git = Git.open(dir.resolve("state/repositories/demo.git").toFile())) {
      Repository repo = git.getRepository();
      assertThat(effects.get(2).artifact()).isEqualTo(repo.resolve("refs/heads/" + branch).name());
      ByteArrayOutputStream diff = new ByteArrayOutputStream();
      try (DiffFormatter format = new DiffFormatter(diff);
          RevWalk walk = new RevWalk(repo)) {
        format.setRepository(repo);
        format.format(
            walk.parseCommit(repo.resolve("refs/heads/main")).getTree(),
            walk.parseCommit(repo.resolve("refs/heads/" + branch)).getTree());
      }
      List<String> changed =
          diff.toString()
              .lines()
              .filter(l -> l.startsWith("+") || l.startsWith("-"))
              .collect(Collectors.toList());
      assertThat(changed)
          .containsExactly(
              "--- a/k8s/apps/whoami/deployment.yaml",
              "+++ b/k8s/apps/whoami/deployment.yaml",
              "-          image: traefik/whoami:v1.10.2",
              "+          image: traefik/whoami:v1.10.4");
    }
  }

  @Test
  void aRestartWithNoClusterFailsWithTheFixAndNothingSucceedsWithoutActing() throws Exception {
    start(null);
    RequestOutcome.Ran ran = ask("restart deployment/homepage in apps");

    assertThat(ran.succeeded()).isFalse();
    assertThat(ran.root().detail())
        .isEqualTo(
            "devops-sre failed: Kubernetes: not configured - set KUBECONFIG, or run in a cluster"
                + " with the service account of deploy/k8s/rbac.yaml (docs/cluster.md)");
    assertThat(crew.engine().list(true, 100))
        .extracting(SessionRecord::state)
        .containsOnly("failed");
  }

  @Test
  void aDrillDeliversEveryChildWithinTheChildrenLimitAndCountsThemByResult() throws Exception {
    start(null);
    RequestOutcome.Ran ran = ask("drill fanout 40 work 5");

    assertThat(ran.root().detail())
        .isEqualTo(
            "drill fanout 40: succeeded=34 failed=4 timed_out=2 cancelled=0 interrupted=0"
                + " (every child delivered)");
    List<SessionRecord> tree = crew.engine().tree(ran.rootId());
    assertThat(tree).allMatch(SessionRecord::isTerminal);
    assertThat(tree.stream().filter(s -> s.depth() == 1))
        .hasSize(8)
        .extracting(SessionRecord::state)
        .containsOnly("succeeded");
    Map<String, Long> leaves =
        tree.stream()
            .filter(s -> s.depth() == 2)
            .collect(Collectors.groupingBy(SessionRecord::state, Collectors.counting()));
    assertThat(leaves).isEqualTo(Map.of("succeeded", 34L, "failed", 4L, "timed_out", 2L));
  }

  @Test
  void aRequestTheOrchestratorMayNotHandOnIsRefusedWithTheLimitNamedBeforeAnythingRuns()
      throws Exception {
    start(
        """
        {"agents": {"list": [{"id": "homelab-admin",
                              "subagents": {"allowAgents": ["devops-sre"]}}]}}
        """);
    // the chain's hand-off link, in the words the session engine would refuse the spawn with
    RequestOutcome outcome =
        crew.runRequest()
            .runText("edit demo deployment/whoami replicas 2", Optional.empty(), CLI, ORIGIN, true);

    assertThat(outcome)
        .isEqualTo(
            new RequestOutcome.Refused(
                "subagents.allowAgents of homelab-admin does not include software-engineer"
                    + " [devops-sre]"));
    assertThat(crew.engine().list(false, 10)).isEmpty();
    assertThat(crew.audit().latest(10)).isEmpty();
  }

  @Test
  void aScanUnderAFolderRunsAsSecurityAnalystWritesNothingAndAnswersWithItsFindingsAsData()
      throws Exception {
    start(null);
    RequestOutcome.Ran ran = ask("scan demo k8s severity critical");

    assertThat(ran.succeeded()).as(ran.root().detail()).isTrue();
    assertThat(ran.root().instruction()).isEqualTo("scan demo under k8s (critical and above)");
    assertThat(ran.tree())
        .extracting(v -> v.depth() + " " + v.agent() + " " + v.state())
        .containsExactly("0 homelab-admin succeeded", "1 security-analyst succeeded");
    assertThat(ran.root().detail())
        .startsWith("security-analyst: Scanned demo under k8s at ")
        .contains(
            "\ncritical docker-socket k8s/apps/uptime-kuma/deployment.yaml:43 Deployment"
                + " uptime-kuma: volume docker mounts /var/run/docker.sock from the node")
        .contains(" below critical not shown\n")
        .endsWith("leaves it as it is");
    assertThat(ran.root().data().path("findings")).hasSize(1);
    assertThat(ran.root().data().path("findings").get(0).path("rule").asText())
        .isEqualTo("docker-socket");
    assertThat(crew.audit().latest(10)).isEmpty();
  }

  @Test
  void aScanOfTheWholeDemoOpensTheFindingsIssueAndTheHardeningPullRequestOnce() throws Exception {
    start(null);
    RequestOutcome.Ran first = ask("scan demo");
    RequestOutcome.Ran second = ask("scan demo");

    assertThat(first.succeeded()).as(first.root().detail()).isTrue();
    assertThat(first.root().detail())
        .contains(
            "\nhigh credentials-in-helm-values apps/grafana.yaml:17 Application grafana: Helm"
                + " value adminPassword is a literal credential")
        .contains("findings issue #1 local://demo/issues/1 (opened)")
        .contains("pull request #2 local://demo/pulls/2 (opened)")
        .doesNotContain("grafana-homelab-2024");
    assertThat(second.root().detail())
        .contains("findings issue #1 local://demo/issues/1 (unchanged)")
        .contains("pull request #2 local://demo/pulls/2 (updated)");
    assertThat(crew.forgeRecords().issues("demo")).hasSize(1);
    assertThat(crew.forgeRecords().pullRequests("demo")).hasSize(1);
    assertThat(first.root().data().path("issue").path("ref").path("number").asInt()).isEqualTo(1);
    assertThat(crew.trail().ofSession(first.rootId()).orElseThrow())
        .extracting(r -> r.kind() + " " + r.agent())
        .containsExactly(
            "forge.issue.create security-analyst",
            "forge.comment.create security-analyst",
            "git.push security-analyst",
            "forge.pr.create security-analyst");
  }

  @Test
  void aValidationOfTheEditsPullRequestFailsOnTheDeploymentsOwnFindingsAndSaysSo()
      throws Exception {
    start(null);
    ask("edit demo deployment/whoami image whoami=traefik/whoami:v1.10.4");

    RequestOutcome.Ran ran = ask("validate demo pr 2");

    assertThat(ran.succeeded()).isFalse();
    assertThat(ran.tree())
        .extracting(v -> v.depth() + " " + v.agent() + " " + v.state())
        .containsExactly("0 homelab-admin failed", "1 qa-tester failed");
    assertThat(ran.root().detail())
        .contains("; FAILED, 1 error, ")
        .contains(
            "\nerror scan k8s/apps/whoami/deployment.yaml:17 high privilege-escalation Deployment"
                + " whoami:")
        .endsWith("pull request #2 local://demo/pulls/2 (opened); comment opened, status failure");
    assertThat(crew.forgeRecords().comments("demo", 2))
        .singleElement()
        .satisfies(c -> assertThat(c.body()).startsWith("### Pre-merge validation: failed"));
  }
}
