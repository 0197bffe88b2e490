package dev.gitopscrew.git.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.local.InMemoryLocalForgeRecords;
import dev.gitopscrew.forge.local.LocalForge;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.GitCredentials;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.GitHttpServer;
import dev.gitopscrew.git.testing.RecordedEffects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole change workflow against a JGit HTTP server with basic auth, on the local forge. */
class LocalChangeWorkflowTest {

  final RecordedEffects effects = new RecordedEffects("devops-sre");

  private static final String TOKEN = "ghp_s3cr3tT0kenValue1234567890abcdef";
  private static final String DEPLOYMENT = "k8s/apps/whoami/deployment.yaml";

  @TempDir Path tmp;
  private GitHttpServer server;
  private Path bare;
  private InMemoryLocalForgeRecords records;
  private MirrorCache mirrors;
  private ChangeWorkflow workflow;

  @BeforeEach
  void start() throws Exception {
    bare = tmp.resolve("remote/demo.git");
    DemoRepository.seedIfMissing(bare);
    server = GitHttpServer.start(tmp.resolve("remote"), "x-access-token", TOKEN);
    records = new InMemoryLocalForgeRecords();
    mirrors = new MirrorCache(tmp.resolve("state"));
    workflow = workflow(GitCredentials.githubToken(TOKEN));
  }

  private ChangeWorkflow workflow(GitCredentials credentials) {
    RepositorySpec spec = RepositorySpec.local("demo", server.url("demo"));
    return new ChangeWorkflow(
        Footprint.defaults(),
        mirrors,
        Map.of("demo", spec),
        s -> new LocalForge("demo", records, credentials),
        new CreateOnce(Duration.ofMillis(1)));
  }

  @AfterEach
  void stop() throws Exception {
    mirrors.close();
    server.close();
  }

  private static ChangeRequest bump(String version, Integer issue) {
    return ChangeRequest.of(
        "demo",
        ChangeType.CHORE,
        "Bump whoami to " + version,
        issue,
        "devops-sre",
        Map.of(
            DEPLOYMENT,
            ("image: traefik/whoami:" + version + "\n").getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void aChangeLeavesEveryFootprintOfTheTable() throws Exception {
    ChangeOutcome outcome = workflow.run(bump("v1.10.3", null), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    ChangeOutcome.Completed done = (ChangeOutcome.Completed) outcome;
    assertThat(done.branch()).isEqualTo("devops-sre/chore/1-bump-whoami-to-v1-10-3");
    RevCommit commit = BareRepos.head(bare, done.branch());
    assertThat(commit.name()).isEqualTo(done.commit());
    assertThat(commit.getAuthorIdent().getName()).isEqualTo("devops-sre[bot]");
    assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("devops-sre@gitops-crew.local");
    assertThat(commit.getFullMessage())
        .isEqualTo("chore: Bump whoami to v1.10.3 (#1) [devops-sre]\n");
    assertThat(BareRepos.read(bare, done.branch(), DEPLOYMENT)).contains("v1.10.3");
    assertThat(BareRepos.read(bare, "main", DEPLOYMENT)).contains("v1.10.2");

    Issue issue = records.issue("demo", 1).orElseThrow();
    assertThat(issue.labels())
        .containsExactlyInAnyOrder(
            "agent:devops-sre", "type:chore", "priority:medium", "area:gitops");
    assertThat(issue.body()).endsWith("---\nAgent: devops-sre | GitOps Crew");
    assertThat(records.comments("demo", 1))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.body()).contains("Plan", DEPLOYMENT);
              assertThat(c.body()).endsWith("---\nAgent: devops-sre | GitOps Crew");
            });
    PullRequest pr = records.pullRequest("demo", done.pullRequest().number()).orElseThrow();
    assertThat(pr.branch()).isEqualTo(done.branch());
    assertThat(pr.baseBranch()).isEqualTo("main");
    assertThat(pr.body())
        .startsWith("Closes #1")
        .contains("## Test plan")
        .endsWith("---\nAgent: devops-sre | GitOps Crew");
    assertThat(pr.labels()).isEqualTo(issue.labels());
    assertThat(done.pullRequestCreated()).isTrue();
  }

  @Test
  void theSecondTaskFetchesIntoTheCachedCloneAndUpdatesTheSamePullRequest() throws Exception {
    ChangeOutcome.Completed first =
        (ChangeOutcome.Completed) workflow.run(bump("v1.10.3", null), effects.door());
    mirrors.close();
    mirrors = new MirrorCache(tmp.resolve("state"));
    ChangeWorkflow again = workflow(GitCredentials.githubToken(TOKEN));

    ChangeOutcome.Completed second =
        (ChangeOutcome.Completed)
            again.run(
                bump("v1.10.3", 1).withFile(DEPLOYMENT, "image: traefik/whoami:v1.10.4\n"),
                effects.door());

    assertThat(
            mirrors
                .open(RepositorySpec.local("demo", server.url("demo")), GitCredentials.none())
                .created())
        .isFalse();
    assertThat(second.branch()).isEqualTo(first.branch());
    assertThat(second.pullRequest()).isEqualTo(first.pullRequest());
    assertThat(second.pullRequestCreated()).isFalse();
    assertThat(records.pullRequests("demo")).hasSize(1);
    assertThat(records.issues("demo")).hasSize(1);
    assertThat(records.comments("demo", 1)).as("the plan comment is not repeated").hasSize(1);
    assertThat(BareRepos.head(bare, second.branch()).getParent(0).name()).isEqualTo(first.commit());
  }

  @Test
  void theDefaultBranchIsMergedIntoTheBranchBeforeThePush() throws Exception {
    ChangeOutcome.Completed first =
        (ChangeOutcome.Completed) workflow.run(bump("v1.10.3", null), effects.door());
    BareRepos.commit(
        bare,
        "main",
        Map.of("k8s/apps/homepage/service.yaml", "# changed by Ada\n"),
        "Tune homepage service");

    ChangeOutcome.Completed second =
        (ChangeOutcome.Completed)
            workflow.run(
                bump("v1.10.3", 1).withFile(DEPLOYMENT, "image: traefik/whoami:v1.10.4\n"),
                effects.door());

    RevCommit head = BareRepos.head(bare, second.branch());
    assertThat(head.getParentCount()).isEqualTo(2);
    assertThat(head.getParent(1)).isEqualTo(BareRepos.head(bare, "main"));
    assertThat(head.getFullMessage()).startsWith("Merge branch 'main' into " + first.branch());
    assertThat(head.getAuthorIdent().getName()).isEqualTo("devops-sre[bot]");
    assertThat(BareRepos.read(bare, second.branch(), "k8s/apps/homepage/service.yaml"))
        .isEqualTo("# changed by Ada\n");
    assertThat(BareRepos.read(bare, second.branch(), DEPLOYMENT)).contains("v1.10.4");
  }

  @Test
  void aConflictStopsThePushAndNamesTheFiles() throws Exception {
    ChangeOutcome.Completed first =
        (ChangeOutcome.Completed) workflow.run(bump("v1.10.3", null), effects.door());
    BareRepos.commit(
        bare,
        "main",
        Map.of(DEPLOYMENT, "image: traefik/whoami:v2.0.0\n"),
        "Ada bumps whoami herself");

    ChangeOutcome outcome =
        workflow.run(
            bump("v1.10.3", 1).withFile(DEPLOYMENT, "image: traefik/whoami:v1.10.4\n"),
            effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Conflicted.class);
    assertThat(((ChangeOutcome.Conflicted) outcome).files()).containsExactly(DEPLOYMENT);
    assertThat(outcome.describe()).contains(DEPLOYMENT);
    assertThat(BareRepos.head(bare, first.branch()).name()).isEqualTo(first.commit());
    assertThat(BareRepos.read(bare, "main", DEPLOYMENT)).contains("v2.0.0");
  }

  @Test
  void nothingIsEverPushedToTheDefaultBranch() throws Exception {
    RevCommit before = BareRepos.head(bare, "main");
    workflow.run(bump("v1.10.3", null), effects.door());
    workflow.run(bump("v1.10.5", null), effects.door());
    assertThat(BareRepos.head(bare, "main")).isEqualTo(before);
    assertThat(BareRepos.branches(bare)).hasSize(3);
  }

  @Test
  void theTokenNeverReachesCommitsOrFailures() throws Exception {
    workflow.run(bump("v1.10.3", null), effects.door());
    assertThat(BareRepos.allCommitText(bare)).doesNotContain(TOKEN);
    assertThat(java.nio.file.Files.readString(tmp.resolve("state/mirrors/demo.git/config")))
        .doesNotContain(TOKEN);

    String wrong = TOKEN + "-revoked";
    mirrors.close();
    mirrors = new MirrorCache(tmp.resolve("state2"));
    ChangeOutcome failed =
        workflow(GitCredentials.githubToken(wrong)).run(bump("v1.10.9", null), effects.door());

    assertThat(failed).isInstanceOf(ChangeOutcome.Failed.class);
    assertThat(failed.describe())
        .contains("commit failed")
        .contains("not authorized")
        .doesNotContain(TOKEN);
  }

  @Test
  void badUserTextIsRefusedBeforeAnythingIsWritten() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ChangeRequest.of(
                    "demo",
                    ChangeType.FIX,
                    "ok",
                    null,
                    "sre",
                    Map.of("../etc/passwd", new byte[0])))
        .hasMessageContaining("'..'");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                ChangeRequest.of(
                    "demo", ChangeType.FIX, "two\nlines", null, "sre", Map.of("a", new byte[0])))
        .hasMessageContaining("line break");
    assertThat(
            workflow.run(
                ChangeRequest.of("nope", ChangeType.FIX, "x", null, null, Map.of("a", new byte[1])),
                effects.door()))
        .isInstanceOf(ChangeOutcome.Failed.class);
    assertThat(records.issues("demo")).isEmpty();
  }

  @Test
  void theIssueAndPullRequestGoInTheLowestOpenReleaseMilestoneAndNoneWhenNoneIsOpen()
      throws Exception {
    ChangeOutcome none = workflow.run(bump("v1.10.3", null), effects.door());
    assertThat(none).isInstanceOf(ChangeOutcome.Completed.class);
    assertThat(records.issue("demo", 1).orElseThrow().milestone()).isNull();
    assertThat(
            records
                .pullRequest("demo", ((ChangeOutcome.Completed) none).pullRequest().number())
                .orElseThrow()
                .milestone())
        .isNull();

    records.createMilestone("demo", "v0.2.0", "");
    records.createMilestone("demo", "v0.10.0", "");
    records.createMilestone("demo", "v0.1.0", "");
    records.updateMilestone("demo", "v0.1.0", "v0.1.0", "", false);
    records.createMilestone("demo", "someday", "");

    ChangeOutcome.Completed done =
        (ChangeOutcome.Completed) workflow.run(bump("v1.10.4", null), effects.door());

    // v0.2.0: open and the lowest version (v0.1.0 is closed, v0.10.0 is higher, someday no
    // version), the milestone `crew release cut` cuts next
    assertThat(records.issue("demo", done.issue().number()).orElseThrow().milestone())
        .isEqualTo("v0.2.0");
    assertThat(records.pullRequest("demo", done.pullRequest().number()).orElseThrow().milestone())
        .isEqualTo("v0.2.0");
  }

  @Test
  void aClosedIssueIsReopenedWithACommentAndKeepsOneTypeLabel() throws Exception {
    Issue closed =
        records.insertIssue(
            "demo",
            new dev.gitopscrew.forge.NewIssue(
                "whoami is old", "Please bump it.", java.util.Set.of("type:fix", "bug")));
    records.closeIssue("demo", closed.number());

    ChangeOutcome outcome = workflow.run(bump("v1.10.3", closed.number()), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    Issue issue = records.issue("demo", closed.number()).orElseThrow();
    assertThat(issue.open()).isTrue();
    assertThat(issue.labels())
        .containsExactlyInAnyOrder(
            "bug", "agent:devops-sre", "type:chore", "priority:medium", "area:gitops");
    assertThat(records.comments("demo", closed.number()))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.body())
                    .startsWith("Picking up this issue.")
                    .contains(
                        "This issue was closed: reopened to work on it.",
                        "Its type label type:fix is replaced by type:chore"));
    assertThat(effects.kinds()).contains("forge.issue.reopen ok");
  }

  @Test
  void theRepositorysLabelSchemeAndTheRequestsLabelsReachTheIssueAndPullRequest() throws Exception {
    RepositorySpec spec = RepositorySpec.local("demo", server.url("demo"));
    ChangeWorkflow theirs =
        new ChangeWorkflow(
            new Footprint(
                null,
                "OpenClaw Homelab",
                new dev.gitopscrew.git.LabelScheme(
                    "kind/", "area:", "prio:", Map.of("*", "k8s", "security", "security"))),
            mirrors,
            Map.of("demo", spec),
            s -> new LocalForge("demo", records, GitCredentials.githubToken(TOKEN)),
            new CreateOnce(Duration.ofMillis(1)));
    ChangeRequest request =
        new ChangeRequest(
            "demo",
            ChangeType.FEAT,
            "Add a whoami probe",
            null,
            "devops-sre",
            Map.of(DEPLOYMENT, "probe: http\n".getBytes(StandardCharsets.UTF_8)),
            null,
            null,
            java.util.List.of("apps"),
            java.util.List.of("semver:breaking", "prio:high"));

    ChangeOutcome.Completed done = (ChangeOutcome.Completed) theirs.run(request, effects.door());

    java.util.Set<String> expected =
        java.util.Set.of(
            "agent:devops-sre", "kind/feat", "prio:high", "area:k8s", "semver:breaking");
    assertThat(records.issue("demo", done.issue().number()).orElseThrow().labels())
        .containsExactlyInAnyOrderElementsOf(expected);
    assertThat(records.pullRequest("demo", done.pullRequest().number()).orElseThrow().labels())
        .containsExactlyInAnyOrderElementsOf(expected);

    ChangeOutcome twoTypes =
        theirs.run(
            request.withLabels(java.util.List.of("kind/fix")).withFile(DEPLOYMENT, "x: 1\n"),
            effects.door());
    assertThat(twoTypes)
        .isInstanceOfSatisfying(
            ChangeOutcome.Failed.class,
            f -> assertThat(f.reason()).contains("kind/fix", "second type", "kind/feat"));
  }
}
