package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crew change} on the embedded default: the seeded demo repository on the local forge. */
class ChangeCommandTest {

  @TempDir Path dir;

  CliRun crew(String... args) {
    return CliRun.inStateDir(dir.resolve("state"), args);
  }

  @Test
  void labelAndBreakingReachTheIssueAnEditWouldOpen() {
    CliRun run =
        crew(
            "edit",
            "--repo",
            "demo",
            "deployment/whoami",
            "--replicas",
            "2",
            "--label",
            "priority:high",
            "--breaking",
            "--dry-run");
    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .contains(
            "create issue \"Set replicas to 2 on deployment/whoami\" labelled"
                + " [agent:software-engineer, type:chore, area:whoami, priority:high,"
                + " semver:breaking]");
  }

  @Test
  void aChangeMakesABranchACommitAnIssueAndAPullRequestAPersonCanInspect() throws IOException {
    Path file = Files.writeString(dir.resolve("whoami.yaml"), "replicas: 2\n");

    CliRun run =
        crew(
            "change",
            "--repo",
            "demo",
            "--type",
            "fix",
            "--title",
            "Run two whoami replicas",
            "--file",
            "k8s/apps/whoami/replicas.yaml=" + file);

    assertThat(run.status()).as(run.all()).isZero();
    String branch = "software-engineer/fix/1-run-two-whoami-replicas";
    assertThat(run.out())
        .contains("issue #1 local://demo/issues/1")
        .contains("branch " + branch)
        .contains("pull request #2 local://demo/pulls/2 (opened)");

    try (Git git = Git.open(dir.resolve("state/repositories/demo.git").toFile())) {
      Repository repo = git.getRepository();
      try (RevWalk walk = new RevWalk(repo)) {
        RevCommit commit = walk.parseCommit(repo.resolve("refs/heads/" + branch));
        assertThat(commit.getAuthorIdent().getName()).isEqualTo("software-engineer[bot]");
        assertThat(commit.getAuthorIdent().getEmailAddress())
            .isEqualTo("software-engineer@gitops-crew.local");
        assertThat(commit.getFullMessage())
            .startsWith("fix: Run two whoami replicas (#1) [software-engineer]");
        assertThat(commit.getParent(0)).isEqualTo(repo.resolve("refs/heads/main"));
      }
    }

    CliRun listed = crew("forge", "list");
    assertThat(listed.out())
        .contains(
            "#1 [open] Run two whoami replicas  [agent:software-engineer, area:gitops, priority:medium, type:fix]")
        .contains("#2 [open] fix: Run two whoami replicas  " + branch + " -> main");
  }

  @Test
  void runningTheSameChangeAgainUpdatesThePullRequestInsteadOfOpeningAnother() throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
    String[] change = {
      "change",
      "--repo",
      "demo",
      "--type",
      "docs",
      "--title",
      "Document a",
      "--file",
      "docs/a.yaml=" + file
    };
    assertThat(crew(change).out()).contains("(opened)");
    assertThat(crew(change).out()).contains("pull request #2").contains("(updated)");
    assertThat(crew("forge", "list", "--json").out())
        .containsOnlyOnce("\"branch\" : \"software-engineer/docs/1-document-a\"");
  }

  @Test
  void badInputIsRefusedWithAClearMessage() throws IOException {
    Path file = Files.writeString(dir.resolve("a.yaml"), "a: 1\n");
    CliRun badType =
        crew(
            "change", "--repo", "demo", "--type", "feature", "--title", "x", "--file", "a=" + file);
    assertThat(badType.status()).isEqualTo(2);
    assertThat(badType.err()).contains("feat");

    CliRun missingFile =
        crew(
            "change",
            "--repo",
            "demo",
            "--type",
            "fix",
            "--title",
            "x",
            "--file",
            "a=" + dir.resolve("nope"));
    assertThat(missingFile.status()).isEqualTo(2);
    assertThat(missingFile.err()).contains("cannot read");

    CliRun escape =
        crew(
            "change",
            "--repo",
            "demo",
            "--type",
            "fix",
            "--title",
            "x",
            "--file",
            "../etc/passwd=" + file);
    assertThat(escape.status()).isEqualTo(2);

    CliRun unknownRepo =
        crew("change", "--repo", "prod", "--type", "fix", "--title", "x", "--file", "a=" + file);
    assertThat(unknownRepo.status()).isEqualTo(1);
    assertThat(unknownRepo.out())
        .contains("software-engineer [failed]")
        .contains("no repository named 'prod'; configured: [demo]");

    CliRun unknownAgent =
        crew(
            "change",
            "--repo",
            "demo",
            "--type",
            "fix",
            "--title",
            "x",
            "--agent",
            "deutsch-tutor",
            "--file",
            "a=" + file);
    assertThat(unknownAgent.status()).isEqualTo(1);
    assertThat(unknownAgent.err()).contains("unknown agent 'deutsch-tutor'");

    CliRun wrongAgent =
        crew(
            "change",
            "--repo",
            "demo",
            "--type",
            "fix",
            "--title",
            "x",
            "--agent",
            "devops-sre",
            "--file",
            "a=" + file);
    assertThat(wrongAgent.status()).isEqualTo(1);
    assertThat(wrongAgent.err())
        .contains("is software-engineer's work; --agent devops-sre cannot take it");
  }
}
