package dev.gitopscrew.skill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.roles.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SkillCatalogTest {

  @TempDir Path dir;

  @Test
  void loadsTheEightBuiltInSkillsWithTheToolsTheyGrant() {
    SkillCatalog catalog = SkillCatalog.load(List.of());
    assertThat(catalog.all())
        .extracting(Skill::name)
        .containsExactlyInAnyOrder(
            "homelab-admin",
            "gitops",
            "incident-response",
            "secret-management",
            "devops-sre",
            "software-engineer",
            "security-analyst",
            "qa-tester");
    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.find("devops-sre").orElseThrow().tools())
        .contains(Tool.CLUSTER_RESTART, Tool.CLUSTER_SCALE)
        .doesNotContain(Tool.RELEASE_CUT);
    assertThat(catalog.find("homelab-admin").orElseThrow().tools()).contains(Tool.RELEASE_CUT);
    assertThat(catalog.all()).allSatisfy(s -> assertThat(s.body()).hasSizeGreaterThan(200));
  }

  @Test
  void malformedSkillIsSkippedWithFileAndLineAndTheRestLoad() throws IOException {
    skill("broken", "---\nname: broken\ndescription: [unclosed\n---\nbody\n");
    skill("no-front", "# just markdown\n");
    skill(
        "weather",
        "---\nname: weather\ndescription: Forecasts.\nmetadata: {\"crew\": {\"tools\": [\"forge.read\", \"bogus.tool\"]}}\n---\nSay the weather.\n");

    SkillCatalog catalog = SkillCatalog.load(List.of(dir));

    assertThat(catalog.find("weather").orElseThrow().tools()).containsExactly(Tool.FORGE_READ);
    assertThat(catalog.find("broken")).isEmpty();
    assertThat(catalog.all()).hasSize(9);
    assertThat(catalog.problems())
        .extracting(SkillProblem::describe)
        .anySatisfy(
            d ->
                assertThat(d)
                    .startsWith(
                        dir.resolve("broken/SKILL.md") + ":3: front matter is not valid YAML"))
        .anySatisfy(
            d ->
                assertThat(d)
                    .isEqualTo(
                        dir.resolve("no-front/SKILL.md")
                            + ":1: no front matter: the file must start with ---"))
        .anySatisfy(
            d -> assertThat(d).contains("weather/SKILL.md:4: unknown tool 'bogus.tool' ignored"));
  }

  @Test
  void aSkillWithItsOwnCrewBlockReplacesTheBuiltInToolsAndAll() throws IOException {
    skill(
        "gitops",
        "---\nname: gitops\ndescription: Ours.\nmetadata: {\"crew\": {\"tools\": [\"forge.read\"]}}\n---\nOnly reads.\n");
    SkillCatalog catalog = SkillCatalog.load(List.of(dir));
    Skill gitops = catalog.find("gitops").orElseThrow();
    assertThat(gitops.description()).isEqualTo("Ours.");
    assertThat(gitops.tools()).containsExactly(Tool.FORGE_READ);
    assertThat(catalog.overrides())
        .containsExactly(
            dir.resolve("gitops/SKILL.md")
                + " overrides skill gitops from builtin:skills/gitops/SKILL.md, tools and"
                + " instructions");
  }

  /**
   * An OpenClaw user's skills directory: every built-in name, OpenClaw front matter (metadata
   * without a crew block), some written for other agent tools ({@code tools:}, {@code model:}).
   */
  @Test
  void openClawSkillsNamedLikeTheBuiltInsReplaceTheTextButKeepTheTools() throws IOException {
    SkillCatalog builtIn = SkillCatalog.load(List.of());
    for (Skill s : builtIn.all()) {
      skill(
          s.name(),
          "---\nname: "
              + s.name()
              + "\ndescription: The homelab's own "
              + s.name()
              + " procedure.\nmetadata: {\"openclaw\": {\"emoji\": \"🛠️\", \"requires\":"
              + " {\"bins\": [\"kubectl\", \"gh\"]}}}\n"
              + (s.name().equals("gitops") ? "tools: [Bash, Read, Grep]\nmodel: sonnet\n" : "")
              + "---\n# "
              + s.name()
              + "\n\nAlways use gh and kubectl.\n");
    }

    SkillCatalog catalog = SkillCatalog.load(List.of(dir));

    assertThat(catalog.problems()).isEmpty();
    assertThat(catalog.all()).hasSize(8);
    for (Skill s : builtIn.all()) {
      Skill loaded = catalog.find(s.name()).orElseThrow();
      assertThat(loaded.tools()).as(s.name()).isEqualTo(s.tools()).isNotEmpty();
      assertThat(loaded.body()).startsWith("# " + s.name());
      assertThat(loaded.source()).isEqualTo(dir.resolve(s.name() + "/SKILL.md").toString());
    }
    assertThat(catalog.overrides())
        .hasSize(8)
        .contains(
            dir.resolve("gitops/SKILL.md")
                + " overrides the instructions of skill gitops from builtin:skills/gitops/SKILL.md;"
                + " it keeps that skill's tools (no metadata.crew block)");
  }

  @Test
  void metadataWrittenAsAJsonStringStillGrantsTools() throws IOException {
    skill(
        "quoted",
        "---\nname: quoted\ndescription: d\nmetadata: '{\"crew\": {\"tools\": [\"scan.manifests\"]}}'\n---\nx\n");
    assertThat(SkillCatalog.load(List.of(dir)).find("quoted").orElseThrow().tools())
        .containsExactly(Tool.SCAN_MANIFESTS);
  }

  private void skill(String name, String text) throws IOException {
    Files.createDirectories(dir.resolve(name));
    Files.writeString(dir.resolve(name).resolve("SKILL.md"), text);
  }
}
