package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code crew ask} and {@code crew sessions} without a gateway: the state directory's store. */
class AskAndSessionsTest {

  @TempDir Path dir;

  CliRun crew(String... args) {
    return CliRun.inStateDir(dir.resolve("state"), args);
  }

  @Test
  void askRoutesARestartToDevopsSreAndPrintsTheTree() {
    CliRun run = crew("ask", "restart deployment/homepage in apps");

    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .startsWith("Agent: devops-sre")
        .containsPattern(
            "(?m)^#1 homelab-admin \\[succeeded\\] restart deployment/homepage in apps")
        .containsPattern(
            "(?m)^  #2 devops-sre \\[succeeded\\] .*rollout restart deployment/homepage in namespace apps");
  }

  @Test
  void aScanFansOutToLeafWorkersAtDepthTwo() {
    CliRun run = crew("ask", "scan demo", "--json");
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("\"agent\" : \"security-analyst\"").contains("\"depth\" : 2");
  }

  @Test
  void sessionsPersistAcrossCommandsAndCanBeShown() {
    crew("ask", "verify homepage");

    CliRun list = crew("sessions", "list");
    assertThat(list.out()).contains("#1 homelab-admin [succeeded] verify homepage");
    CliRun show = crew("sessions", "show", "3");
    assertThat(show.status()).isZero();
    assertThat(show.out()).startsWith("#1 homelab-admin").contains("    #3 qa-tester");
    assertThat(crew("sessions", "show", "99").status()).isEqualTo(1);
    assertThat(crew("sessions", "cancel", "1").out()).contains("had already ended");
    assertThat(crew("sessions", "cancel", "99").status()).isEqualTo(1);
  }

  @Test
  void anUnknownRequestIsBadUsage() {
    CliRun run = crew("ask", "make it faster");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("unknown request 'make'").contains("restart, scale, change");
  }

  @Test
  void thePermissionChainRefusesBeforeAnythingRunsNamingTheMissingLink() throws IOException {
    Path config = dir.resolve("crew.json");
    Files.writeString(
        config, "{\"agents\": {\"list\": [{\"id\": \"devops-sre\", \"skills\": [\"gitops\"]}]}}");

    CliRun run =
        crew("ask", "scale deployment/homepage to 3 in apps", "--config", config.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .contains(
            "refused: agent devops-sre has no skill granting cluster.scale (its skills: gitops)");
    assertThat(crew("sessions", "list").out()).isEqualTo("No sessions.\n");
  }

  @Test
  void askingTheWrongAgentIsRefused() {
    CliRun run = crew("ask", "release plan demo", "--agent", "qa-tester");
    assertThat(run.status()).isEqualTo(1);
    assertThat(run.err())
        .contains("release plan is homelab-admin's work; --agent qa-tester cannot take it");
  }
}
