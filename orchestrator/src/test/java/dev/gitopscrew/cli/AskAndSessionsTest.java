package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew ask}, {@code crew edit}, {@code crew sessions} and {@code crew audit} without a
 * gateway: the crew in the CLI process, on the state directory's store.
 */
class AskAndSessionsTest {

  @TempDir Path dir;

  CliRun crew(String... args) {
    return CliRun.inStateDir(dir.resolve("state"), args);
  }

  @Test
  void aRestartWithNoClusterExitsOneWithTheFix() {
    CliRun run = crew("ask", "restart deployment/homepage in apps");

    assertThat(run.status()).as(run.all()).isEqualTo(1);
    assertThat(run.out())
        .startsWith("Agent: devops-sre")
        .containsPattern("(?m)^#1 homelab-admin \\[failed\\] restart deployment/homepage in apps")
        .containsPattern(
            "(?m)^  #2 devops-sre \\[failed\\] restart deployment/homepage in apps: Kubernetes:"
                + " not configured - set KUBECONFIG");
    assertThat(crew("sessions", "list").out()).doesNotContain("[succeeded]");
  }

  @Test
  void anEditPrintsItsTreeTheDiffAndTheEffectsItMade() {
    CliRun run =
        crew(
            "edit",
            "--repo",
            "demo",
            "deployment/whoami",
            "--image",
            "whoami=traefik/whoami:v1.10.4");

    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .startsWith("Agent: software-engineer (routed by homelab-admin, session #1)")
        .containsPattern("(?m)^#1 homelab-admin \\[succeeded\\] edit demo deployment/whoami")
        .containsPattern("(?m)^  #2 software-engineer \\[succeeded\\] edit demo deployment/whoami")
        .contains("-          image: traefik/whoami:v1.10.2")
        .contains("+          image: traefik/whoami:v1.10.4")
        .contains("pull request #2 local://demo/pulls/2 (opened)")
        .containsPattern(
            "(?m)^  #2 software-engineer git.push demo:software-engineer/chore/1-.* ok -> [0-9a-f]{40}$")
        .containsPattern(
            "(?m)^  #2 software-engineer forge.pr.create .* ok -> local://demo/pulls/2$");
  }

  @Test
  void theAuditTrailListsEveryEffectOfARequestWithItsArtifacts() {
    crew("edit", "--repo", "demo", "deployment/whoami", "--replicas", "2");

    CliRun audit = crew("audit", "--session", "1");
    assertThat(audit.status()).as(audit.all()).isZero();
    assertThat(audit.out().lines())
        .hasSize(4)
        .allMatch(l -> l.contains("request #1 session #2 software-engineer (cli, "));
    assertThat(audit.out())
        .contains(
            "forge.issue.create demo issue \"Set replicas to 2 on deployment/whoami\" ok -> local://demo/issues/1")
        .contains("forge.comment.create demo#1 ok -> local://demo/issues/1#comment-1")
        .containsPattern(
            "git.push demo:software-engineer/chore/1-set-replicas-to-2-on-deployment-whoami ok -> [0-9a-f]{40}")
        .contains(
            "forge.pr.create demo software-engineer/chore/1-set-replicas-to-2-on-deployment-whoami -> main ok -> local://demo/pulls/2");
    assertThat(crew("audit", "--json").out())
        .contains("\"kind\" : \"git.push\"")
        .contains("\"dryRun\" : false");
    assertThat(crew("audit", "--session", "99").status()).isEqualTo(1);
  }

  @Test
  void aDryRunEditShowsTheDiffWritesNothingAndSaysSo() {
    CliRun run =
        crew("edit", "--repo", "demo", "deployment/whoami", "--replicas", "3", "--dry-run");

    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("+  replicas: 3")
        .contains("dry run, nothing written")
        .contains(
            "git.push demo:software-engineer/chore/<issue>-set-replicas-to-3-on-deployment-whoami previewed (dry run)");
    assertThat(crew("forge", "list").out())
        .contains("Issues: (none)")
        .contains("Pull requests: (none)");
  }

  @Test
  void anAmbiguousOrImpossibleEditIsRefusedAndChangesNothing() {
    CliRun run = crew("edit", "--repo", "demo", "deployment/whoami", "--image", "web=nginx:1.27");

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out()).contains("no container named web (containers: whoami); nothing changed");
    assertThat(crew("audit").out()).isEqualTo("No effects recorded.\n");

    CliRun bad = crew("edit", "--repo", "demo", "deployment/whoami", "--replicas", "many");
    assertThat(bad.status()).isEqualTo(2);
    assertThat(bad.err()).contains("replicas must be a number from 0 to 9999, got many");
  }

  @Test
  void sessionsPersistAcrossCommandsAndCanBeShownWithTheirEffects() {
    crew("ask", "edit demo deployment/whoami replicas 2");

    CliRun list = crew("sessions", "list");
    assertThat(list.out())
        .contains("#1 homelab-admin [succeeded] edit demo deployment/whoami: replicas to 2");
    CliRun show = crew("sessions", "show", "2");
    assertThat(show.status()).isZero();
    assertThat(show.out())
        .startsWith("#1 homelab-admin")
        .contains("  #2 software-engineer")
        .contains("Effects:")
        .contains("forge.pr.create");
    assertThat(crew("sessions", "show", "99").status()).isEqualTo(1);
    assertThat(crew("sessions", "cancel", "1").out()).contains("had already ended");
    assertThat(crew("sessions", "cancel", "99").status()).isEqualTo(1);
  }

  @Test
  void anUnknownRequestIsBadUsage() {
    CliRun run = crew("ask", "make it faster");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("unknown request 'make'")
        .contains("restart, scale, force-sync")
        .contains("free text needs a model");
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
        .contains("'release plan demo' is homelab-admin's work; --agent qa-tester cannot take it");
  }
}
