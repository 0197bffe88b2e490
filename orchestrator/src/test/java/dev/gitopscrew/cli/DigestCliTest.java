package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code digest} schedule run from the command line on the embedded store (the CLI runs its
 * sessions itself; on a shared store a gateway would): what went wrong since the last digest, and
 * the next digest starting where the last one ended. {@code DigestOnTheStoreTest} reads the same
 * from PostgreSQL.
 */
class DigestCliTest {

  @TempDir Path dir;
  private Path config;

  @BeforeEach
  void start() throws IOException {
    config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            schedules:
              - name: daily-digest
                cron: "0 8 * * *"
                request: digest
                target: none
            """);
  }

  private CliRun crew(String... args) {
    return CliRun.withConfig(Map.of(), config, dir.resolve("state"), args);
  }

  @Test
  void aDigestSaysWhatWentWrongAndTheNextOneStartsWhereItEnded() {
    CliRun failed = crew("ask", "restart deployment/homepage in apps");
    assertThat(failed.status()).as(failed.all()).isNotZero();
    CliRun edit = crew("ask", "edit demo deployment/whoami replicas 2");
    assertThat(edit.status()).as(edit.all()).isZero();
    CliRun merge = crew("ask", "merge demo#2");
    assertThat(merge.status()).as(merge.all()).isZero();
    String today = LocalDate.now(ZoneOffset.UTC).toString();

    CliRun first = crew("schedules", "run", "daily-digest");
    assertThat(first.status()).as(first.all()).isZero();
    String digest = crew("schedules", "history", "daily-digest", "--json").out();
    assertThat(digest)
        .contains("requests: 3 (1 failed, 2 succeeded)")
        .contains(
            "went wrong:\\n- #1 restart deployment/homepage in apps (devops-sre failed:"
                + " Kubernetes: not configured - set KUBECONFIG")
        .containsPattern("…\\) — failed, " + today)
        .contains("incidents: none\\napprovals waiting: none")
        .contains(
            "releases waiting:\\n- demo: 1 pull request merged and never released, the first on "
                + today
                + " (#2); next release v0.1.0");

    CliRun second = crew("schedules", "run", "daily-digest");
    assertThat(second.status()).as(second.all()).isZero();
    String both = crew("schedules", "history", "daily-digest", "--json").out();
    assertThat(both)
        .as("the second digest starts where the first ended: nothing was asked in between")
        .contains("requests: none\\nwent wrong: none");
  }
}
