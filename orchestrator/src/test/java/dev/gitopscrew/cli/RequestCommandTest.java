package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.catalogue.RequestKind;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew request KIND}, {@code crew help requests} and shell completion, from the catalogue.
 */
class RequestCommandTest {

  @TempDir Path dir;

  private CliRun crew(String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 2);
    all[args.length] = "--state-dir";
    all[args.length + 1] = dir.toString();
    return CliRun.of(Map.of(), all);
  }

  @Test
  void helpRequestsPrintsEveryKindWithAnExample() {
    CliRun help = CliRun.of(Map.of(), "help", "requests");
    assertThat(help.status()).as(help.all()).isZero();
    for (RequestKind kind : RequestCatalogue.standard().offeredAt(Door.COMMAND_LINE)) {
      assertThat(help.out()).contains(kind.synopsis()).contains("e.g. " + kind.example());
    }
    CliRun bare = CliRun.of(Map.of(), "request");
    assertThat(bare.out()).contains("restart WORKLOAD [in NAMESPACE] [dry-run]");
  }

  @Test
  void aKindsFieldsAreTypedOptionsWithTheirHelp() {
    CliRun help = CliRun.of(Map.of(), "request", "scale", "--help");
    assertThat(help.status()).as(help.all()).isZero();
    assertThat(help.out())
        .contains("Scale a deployment or statefulset.")
        .contains("Owner: devops-sre; waits for an approval when it scales to zero.")
        .contains("--replicas=N")
        .contains("--workload=WORKLOAD")
        .contains("--dry-run");

    CliRun wrong = crew("request", "scale", "--workload", "deployment/web", "--replicas", "two");
    assertThat(wrong.status()).isEqualTo(CrewCli.USAGE);
    assertThat(wrong.err()).contains("'two' is not an int");

    CliRun range = crew("request", "scale", "--workload", "deployment/web", "--replicas", "10000");
    assertThat(range.status()).isEqualTo(CrewCli.USAGE);
    assertThat(range.err()).contains("replicas must be a number from 0 to 9999, got 10000");
  }

  @Test
  void aRequestRunsEndToEndLikeAnyOtherDoor() {
    CliRun scan = crew("request", "scan", "--repository", "demo", "--path", "k8s", "--dry-run");
    assertThat(scan.status()).as(scan.all()).isZero();
    assertThat(scan.out())
        .contains("Agent: security-analyst")
        .contains("[succeeded] scan demo under k8s (dry run)");
  }

  @Test
  void shellCompletionKnowsEveryKindAndItsOptions() {
    CliRun completion = CliRun.of(Map.of(), "generate-completion");
    assertThat(completion.status()).as(completion.all()).isZero();
    assertThat(completion.out())
        .contains("release-plan")
        .contains("--pull-request")
        .contains("--show-suppressed");
  }
}
