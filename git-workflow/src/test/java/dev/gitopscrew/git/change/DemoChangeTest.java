package dev.gitopscrew.git.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.forge.local.InMemoryLocalForgeRecords;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.Footprint;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A newcomer with no repository configured: the demo repository on the local forge, no token. */
class DemoChangeTest {

  @TempDir Path state;

  @Test
  void aChangeOnTheDemoRepositoryCanBeInspectedWithGitLog() throws Exception {
    InMemoryLocalForgeRecords records = new InMemoryLocalForgeRecords();
    ChangeOutcome outcome;
    try (ChangeWorkflow workflow =
        ChangeWorkflow.forConfiguration(
            state, Footprint.defaults(), Map.of(), name -> null, records)) {
      assertThat(workflow.repositories()).containsOnlyKeys("demo");
      outcome =
          workflow.run(
              ChangeRequest.of(
                  "demo",
                  ChangeType.FEAT,
                  "Add a whoami replica",
                  null,
                  null,
                  Map.of(
                      "k8s/apps/whoami/replicas.yaml",
                      "replicas: 2\n".getBytes(StandardCharsets.UTF_8))));
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
  }

  @Test
  void aMissingTokenIsAClearFailureBeforeAnythingIsWritten() {
    var spec =
        new dev.gitopscrew.git.RepositorySpec(
            "homelab",
            dev.gitopscrew.git.ForgeKind.GITHUB,
            "https://github.com/owner/homelab.git",
            null,
            null,
            null,
            null);
    try (ChangeWorkflow workflow =
        ChangeWorkflow.forConfiguration(
            state,
            Footprint.defaults(),
            Map.of("homelab", spec),
            name -> null,
            new InMemoryLocalForgeRecords())) {
      ChangeOutcome outcome =
          workflow.run(
              ChangeRequest.of(
                  "homelab",
                  ChangeType.FIX,
                  "Fix probe",
                  null,
                  null,
                  Map.of("a.yaml", new byte[] {1})));
      assertThat(outcome)
          .isEqualTo(
              new ChangeOutcome.Failed(
                  "forge", "repository homelab is on github: set GITHUB_TOKEN"));
    }
    assertThat(state.resolve("mirrors")).doesNotExist();
  }
}
