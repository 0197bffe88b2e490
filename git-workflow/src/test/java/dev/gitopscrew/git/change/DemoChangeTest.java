package dev.gitopscrew.git.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.local.InMemoryLocalForgeRecords;
import dev.gitopscrew.forge.local.LocalForge;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.testing.RecordedEffects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newcomer with no repository configured: the demo repository on the local forge, no token. */
class DemoChangeTest {

  final RecordedEffects effects = new RecordedEffects("devops-sre");

  @TempDir Path state;

  @Test
  void aChangeOnTheDemoRepositoryCanBeInspectedWithGitLog() throws Exception {
    InMemoryLocalForgeRecords records = new InMemoryLocalForgeRecords();
    ChangeOutcome outcome;
    try (ChangeWorkflow workflow = demo(records)) {
      assertThat(workflow.repositories()).containsOnly("demo");
      outcome = workflow.run(addReplica(), effects.door());
    }

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    String branch = ((ChangeOutcome.Completed) outcome).branch();
    assertThat(branch).isEqualTo("software-engineer/feat/1-add-a-whoami-replica");
    Process git =
        new ProcessBuilder(
                "git",
                "--git-dir",
                state.resolve("repositories/demo.git").toString(),
                "log",
                "-1",
                "--format=%an <%ae>%n%s",
                branch)
            .redirectErrorStream(true)
            .start();
    String log = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(git.waitFor()).isZero();
    assertThat(log)
        .isEqualTo(
            "software-engineer[bot] <software-engineer@gitops-crew.local>\n"
                + "feat: Add a whoami replica (#1) [software-engineer]\n");
    assertThat(records.issues("demo"))
        .singleElement()
        .extracting(i -> i.title())
        .isEqualTo("Add a whoami replica");
    assertThat(records.pullRequests("demo"))
        .singleElement()
        .satisfies(pr -> assertThat(pr.branch()).isEqualTo(branch));
    assertThat(outcome.describe())
        .contains("issue #1 local://demo/issues/1", "pull request #2 local://demo/pulls/2");
    String commit = ((ChangeOutcome.Completed) outcome).commit();
    assertThat(effects.records())
        .extracting(r -> r.kind() + " " + r.outcome() + " " + r.artifact())
        .containsExactly(
            "forge.issue.create ok local://demo/issues/1",
            "forge.comment.create ok local://demo/issues/1#comment-1",
            "git.push ok " + commit,
            "forge.pr.create ok local://demo/pulls/2");
  }

  @Test
  void aDryRunWritesNothingAndRecordsWhatItWouldDo() throws Exception {
    InMemoryLocalForgeRecords records = new InMemoryLocalForgeRecords();
    RecordedEffects dryRun = new RecordedEffects("software-engineer", true);
    ChangeOutcome outcome;
    try (ChangeWorkflow workflow = demo(records)) {
      outcome = workflow.run(addReplica(), dryRun.door());
    }

    assertThat(outcome).isInstanceOf(ChangeOutcome.Previewed.class);
    assertThat(outcome.describe())
        .startsWith("dry run, nothing written")
        .contains("create issue \"Add a whoami replica\"")
        .contains("push branch software-engineer/feat/<issue>-add-a-whoami-replica");
    assertThat(records.issues("demo")).isEmpty();
    assertThat(records.pullRequests("demo")).isEmpty();
    try (Git git = Git.open(state.resolve("repositories/demo.git").toFile())) {
      assertThat(git.branchList().call())
          .extracting(r -> r.getName())
          .containsExactly("refs/heads/main");
    }
    assertThat(dryRun.kinds())
        .containsExactly(
            "forge.issue.create previewed",
            "forge.comment.create previewed",
            "git.push previewed",
            "forge.pr.create previewed");
    assertThat(dryRun.records()).allSatisfy(r -> assertThat(r.dryRun()).isTrue());
  }

  private ChangeWorkflow demo(InMemoryLocalForgeRecords records) {
    return new ChangeWorkflow(
        Footprint.defaults(),
        new MirrorCache(state),
        Map.of(DemoRepository.NAME, DemoRepository.ensure(state)),
        spec -> new LocalForge(spec.name(), records),
        CreateOnce.withDefaultBackoff());
  }

  private static ChangeRequest addReplica() {
    return ChangeRequest.of(
        "demo",
        ChangeType.FEAT,
        "Add a whoami replica",
        null,
        null,
        Map.of("k8s/apps/whoami/replicas.yaml", "replicas: 2\n".getBytes(StandardCharsets.UTF_8)));
  }
}
