package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change → merge → release on the local forge from the command line alone, with no token. */
class ReleaseCommandTest {

  @TempDir Path dir;

  CliRun crew(String... args) {
    return CliRun.inStateDir(dir.resolve("state"), args);
  }

  CliRun change(String type, String title, String path, String content) throws IOException {
    Path file = Files.writeString(dir.resolve(path.replace('/', '_')), content);
    CliRun run =
        crew(
            "change",
            "--repo",
            "demo",
            "--type",
            type,
            "--title",
            title,
            "--file",
            path + "=" + file);
    assertThat(run.status()).as(run.all()).isZero();
    return run;
  }

  Repository bare() throws IOException {
    return new FileRepositoryBuilder()
        .setGitDir(dir.resolve("state/repositories/demo.git").toFile())
        .setBare()
        .build();
  }

  @Test
  void changeMergeAndReleaseFromTheCommandLineAndASecondCutChangesNothing() throws Exception {
    CliRun empty = crew("release", "plan");
    assertThat(empty.status()).as(empty.all()).isZero();
    assertThat(empty.out())
        .contains("nothing to release in demo")
        .contains("reason: no pull request has been merged into main yet");

    assertThat(
            change("feat", "Add a whoami probe", "k8s/apps/whoami/probe.yaml", "probe: http\n")
                .out())
        .contains("pull request #2 local://demo/pulls/2 (opened)");
    assertThat(
            change(
                    "fix",
                    "Run two whoami replicas",
                    "k8s/apps/whoami/replicas.yaml",
                    "replicas: 2\n")
                .out())
        .contains("pull request #4 local://demo/pulls/4 (opened)");
    CliRun merge2 = crew("forge", "merge", "2");
    assertThat(merge2.status()).as(merge2.all()).isZero();
    assertThat(merge2.out())
        .contains("Agent: homelab-admin")
        .contains(
            "pull request #2 of demo merged: software-engineer/feat/1-add-a-whoami-probe -> main")
        .contains("forge.pr.merge demo#2 software-engineer/feat/1-add-a-whoami-probe -> main ok");
    assertThat(crew("forge", "merge", "4", "--repo", "demo").status()).isZero();

    CliRun plan = crew("release", "plan");
    assertThat(plan.status()).as(plan.all()).isZero();
    assertThat(plan.out())
        .contains("release v0.1.0 of demo is ready to cut")
        .contains("reason: MINOR: #2 \"feat: Add a whoami probe\" is labelled type:feat")
        .contains("#2 feat: Add a whoami probe  - MINOR: labelled type:feat")
        .contains("#4 fix: Run two whoami replicas  - PATCH: no feat or breaking label")
        .contains("[todo] tag: tag ")
        .doesNotContain("Effects:");
    JsonNode data =
        new ObjectMapper().readTree(crew("release", "plan", "--json").out()).path("data");
    assertThat(data.path("version").asText()).isEqualTo("v0.1.0");
    assertThat(data.path("counted").findValuesAsText("number")).containsExactly("2", "4");

    CliRun cut = crew("release", "cut", "--yes");
    assertThat(cut.status()).as(cut.all()).isZero();
    assertThat(cut.out())
        .contains("release v0.1.0 of demo cut:")
        .contains("- milestone v0.1.0 created")
        .contains("- #2, #4 put in milestone v0.1.0")
        .contains("git.tag demo:v0.1.0 ok");

    String head;
    try (Repository repo = bare();
        RevWalk walk = new RevWalk(repo)) {
      RevCommit main = walk.parseCommit(repo.resolve("refs/heads/main"));
      head = main.name();
      assertThat(main.getFullMessage())
          .startsWith("Merge pull request #4 from software-engineer/fix/");
      Ref tag = repo.exactRef(Constants.R_TAGS + "v0.1.0");
      RevTag annotated = walk.parseTag(tag.getObjectId());
      assertThat(annotated.getTaggerIdent().getName()).isEqualTo("homelab-admin[bot]");
      assertThat(annotated.getTaggerIdent().getEmailAddress())
          .isEqualTo("homelab-admin@gitops-crew.local");
      assertThat(annotated.getObject().name()).isEqualTo(head);
      assertThat(annotated.getFullMessage()).startsWith("Release v0.1.0\n\n## What's changed\n");
    }

    CliRun again = crew("release", "cut", "--yes");
    assertThat(again.status()).as(again.all()).isZero();
    assertThat(again.out())
        .contains("nothing changed: no pull request merged into main since v0.1.0 (released)")
        .doesNotContain("Effects:");
    try (Repository repo = bare()) {
      assertThat(repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS))
          .extracting(Ref::getName)
          .containsExactly("refs/tags/v0.1.0");
    }
    assertThat(crew("forge", "list").out())
        .contains("#2 [merged] feat: Add a whoami probe")
        .contains("Milestones:\n  v0.1.0 (closed)\n  v0.1.1 (open)")
        .contains("Releases:\n  v0.1.0 v0.1.0");
  }

  @Test
  void aCutWaitsForAnApprovalShowingItsPlanAndRunsWhenApproved() throws Exception {
    change("fix", "Run two whoami replicas", "k8s/apps/whoami/replicas.yaml", "replicas: 2\n");
    assertThat(crew("forge", "merge", "2").status()).isZero();

    CliRun parked = crew("release", "cut");

    assertThat(parked.status()).as(parked.all()).isZero();
    assertThat(parked.out())
        .contains("a release cut tags the default branch of demo")
        .contains("dry run, nothing written; the cut would do the steps marked todo:")
        .contains("release v0.1.0 of demo is ready to cut");
    try (Repository repo = bare()) {
      assertThat(repo.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)).isEmpty();
    }
    Matcher id = Pattern.compile("crew approve (\\S+)`").matcher(parked.out());
    assertThat(id.find()).as(parked.out()).isTrue();

    CliRun approved = crew("approve", id.group(1));

    assertThat(approved.status()).as(approved.all()).isZero();
    assertThat(approved.out()).contains("release v0.1.0 of demo cut:");
    try (Repository repo = bare()) {
      assertThat(repo.exactRef(Constants.R_TAGS + "v0.1.0")).isNotNull();
    }
  }

  @Test
  void mergingAPullRequestThatIsNotThereFailsWithTheReason() {
    CliRun run = crew("forge", "merge", "7");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).contains("pull request #7 does not exist in demo");
    assertThat(crew("release", "plan", "--repo", "prod").out())
        .contains("no repository named 'prod' is configured; known: [demo]");
  }
}
