package dev.gitopscrew.git.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.local.InMemoryLocalForgeRecords;
import dev.gitopscrew.forge.local.LocalForge;
import dev.gitopscrew.git.CommitInfo;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.RecordedEffects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rollback is a {@code git revert} of the bad merge, opened as a pull request. */
class RevertTest {

  static final String DEPLOYMENT = "k8s/apps/whoami/deployment.yaml";

  @TempDir Path tmp;
  Path bare;
  InMemoryLocalForgeRecords records = new InMemoryLocalForgeRecords();
  ChangeWorkflow workflow;
  ObjectId badMerge;
  String before;

  @BeforeEach
  void setUp() throws Exception {
    bare = tmp.resolve("remote/demo.git");
    DemoRepository.seedIfMissing(bare);
    before = BareRepos.read(bare, "main", DEPLOYMENT);
    RevCommit main = BareRepos.head(bare, "main");
    BareRepos.commit(bare, "main", Map.of("README.md", "an unrelated later change\n"), "docs");
    // the bad change, on a branch merged by a pull request
    try (var repo = BareRepos.open(bare)) {
      var update = repo.updateRef("refs/heads/feature");
      update.setNewObjectId(repo.resolve("refs/heads/main"));
      update.update();
    }
    BareRepos.commit(
        bare,
        "feature",
        Map.of(DEPLOYMENT, before.replace("traefik/whoami:v1.10.2", "traefik/whoami:v9-broken")),
        "Bump whoami");
    badMerge = BareRepos.merge(bare, "main", "feature", "Merge pull request #7 from feature");
    BareRepos.commit(bare, "main", Map.of("apps/other.yaml", "kind: ConfigMap\n"), "later work");
    assertThat(main).isNotNull();
    workflow =
        new ChangeWorkflow(
            Footprint.defaults(),
            new MirrorCache(tmp.resolve("state")),
            Map.of("demo", RepositorySpec.local("demo", bare.toUri().toString())),
            spec -> new LocalForge("demo", records),
            new CreateOnce(Duration.ofMillis(1)));
  }

  @AfterEach
  void tearDown() {
    workflow.close();
  }

  @Test
  void historyListsTheMergesThatTouchedAnAppsPathNewestFirst() {
    List<CommitInfo> history = workflow.history("demo", "k8s/apps/whoami", 10);
    assertThat(history)
        .first()
        .satisfies(
            c -> {
              assertThat(c.sha()).isEqualTo(badMerge.name());
              assertThat(c.merge()).isTrue();
              assertThat(c.subject()).isEqualTo("Merge pull request #7 from feature");
            });
    assertThat(workflow.history("demo", "", 2))
        .extracting(CommitInfo::subject)
        .containsExactly("later work", "Merge pull request #7 from feature");
  }

  @Test
  void aRevertPullRequestUndoesTheMergeAndKeepsLaterWork() throws Exception {
    RecordedEffects effects = new RecordedEffects("devops-sre");
    ChangeOutcome outcome =
        workflow.revert(
            new RevertRequest(
                "demo",
                badMerge.name().substring(0, 10),
                "Revert the whoami bump",
                null,
                "devops-sre",
                "whoami crash-loops since the bump"),
            effects.door());

    assertThat(outcome).as(outcome.describe()).isInstanceOf(ChangeOutcome.Completed.class);
    String branch = ((ChangeOutcome.Completed) outcome).branch();
    assertThat(branch).isEqualTo("devops-sre/fix/1-revert-the-whoami-bump");
    assertThat(BareRepos.read(bare, branch, DEPLOYMENT)).isEqualTo(before);
    assertThat(BareRepos.read(bare, branch, "apps/other.yaml")).isEqualTo("kind: ConfigMap\n");
    assertThat(BareRepos.read(bare, branch, "README.md")).isEqualTo("an unrelated later change\n");
    assertThat(BareRepos.read(bare, "main", DEPLOYMENT)).contains("v9-broken");
    assertThat(records.pullRequests("demo"))
        .singleElement()
        .satisfies(
            pr -> {
              assertThat(pr.labels()).contains("agent:devops-sre", "type:fix", "priority:high");
              assertThat(pr.body()).contains("`" + DEPLOYMENT + "`");
            });
    assertThat(effects.kinds()).contains("git.push ok", "forge.pr.create ok");
  }

  @Test
  void anUnknownCommitIsSaidSo() {
    ChangeOutcome outcome =
        workflow.revert(
            new RevertRequest("demo", "0000000", "Revert", null, "devops-sre", "x"),
            new RecordedEffects("devops-sre").door());
    assertThat(outcome).isEqualTo(new ChangeOutcome.Failed("revert", "no commit 0000000 in demo"));
  }
}
