package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code crew config explain} says about the git footprint of an OpenClaw file: with the
 * crew's own label scheme, the labels it would put and the {@code git.footprint} keys that make
 * them the repository's (the areas the file's skills use, when they name any); once the keys are
 * set, the scheme as configured and no advice. (The homelab's golden file covers skills that use
 * {@code area:k8s}.)
 */
class FootprintExplanationTest {

  @TempDir Path dir;

  @Test
  void withoutAreaLabelsInItsSkillsExplainNamesTheLabelKeysToSet() throws Exception {
    CliRun run = explain("{\"agents\": {\"list\": [{\"id\": \"homelab-admin\"}]}}");

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "\n  a fix in namespace monitoring is labelled agent:devops-sre, type:fix,"
                + " priority:medium, area:monitoring\n")
        .contains(
            "\n  to label as your repository does, set git.footprint.labels: {\"type\": \"type:\","
                + " \"area\": \"area:\", \"priority\": \"priority:\"} to its prefixes and"
                + " git.footprint.areas: {\"*\": \"k8s\"} for one area on every change"
                + " (docs/forges.md#for-openclaw-users)\n");
  }

  @Test
  void skillsThatLabelTheirOwnAreaGetThatAreaSuggested() throws Exception {
    Path skill = Files.createDirectories(dir.resolve("skills/gitops"));
    Files.writeString(
        skill.resolve("SKILL.md"),
        """
        ---
        name: gitops
        description: mandatory git workflow
        ---

        Every change goes through an issue and a pull request. Labels: type:*, area:homelab,
        priority:*. A scan's findings are area:security.
        """);
    CliRun run =
        explain(
            """
            {"agents": {"list": [{"id": "homelab-admin"}]},
             "skills": {"load": {"extraDirs": ["skills"]}}}
            """);

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains(
            "\n  your skills use area:homelab, area:security (gitops): with"
                + " git.footprint.areas: {\"*\": \"homelab\", \"security\": \"security\"} that fix"
                + " is labelled agent:devops-sre, type:fix, priority:medium, area:homelab"
                + " (docs/forges.md#for-openclaw-users)\n");
  }

  @Test
  void onceTheAreasAreSetExplainShowsThemAndAdvisesNothing() throws Exception {
    CliRun run =
        explain(
            """
            {"agents": {"list": [{"id": "homelab-admin"}]},
             "git": {"footprint": {"areas": {"*": "k8s", "security": "security"}}}}
            """);

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("labels type:<type>, area:<area> {*=k8s, security=security}, priority:<priority>")
        .doesNotContain("a fix in namespace")
        .doesNotContain("git.footprint.areas:");
  }

  private CliRun explain(String config) throws Exception {
    Path file = Files.writeString(dir.resolve("openclaw.json"), config);
    return CliRun.inStateDir(dir.resolve("state"), "config", "explain", file.toString());
  }
}
