package dev.gitopscrew.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.config.ConfigProblem.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

  static final Path FIXTURES = Path.of("src/test/resources/config");
  final ConfigLoader loader = new ConfigLoader(Map.of());
  @TempDir Path dir;

  @Test
  void readsTheOpenClawHomelabConfigurationWithItsKeyNames() {
    LoadedConfig loaded = loader.loadFile(FIXTURES.resolve("openclaw-homelab.json"));
    CrewConfig config = loaded.config();

    assertThat(config.agents().list()).hasSize(9);
    assertThat(config.agents().defaults().subagents().maxConcurrent()).isEqualTo(8);
    assertThat(config.agents().defaults().subagents().runTimeoutSeconds()).isEqualTo(600);
    assertThat(config.channels().discord().guilds()).hasSize(1);
    assertThat(config.channels().discord().guilds().values().iterator().next().channels())
        .hasSize(4);
    assertThat(config.tools().agentToAgent().isEnabled()).isTrue();
    assertThat(config.models().providers()).containsKeys("openrouter", "gemini");
    assertThat(config.git().repositories()).containsKey("homelab");
    assertThat(loaded.problems())
        .filteredOn(p -> p.severity() == Severity.NOTE)
        .extracting(ConfigProblem::message)
        .contains(
            "OpenClaw section not used by GitOps Crew",
            "agent 'deutsch-tutor' is not a GitOps Crew agent; ignored");
    assertThat(loaded.problems()).noneMatch(p -> p.severity() == Severity.WARNING);
  }

  @Test
  void wrongTypeNamesFilePathAndLine() {
    Path file = FIXTURES.resolve("openclaw-homelab-wrong-type.json");
    assertThatThrownBy(() -> loader.loadFile(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e -> {
              ConfigProblem p = e.problems().get(0);
              assertThat(p.severity()).isEqualTo(Severity.ERROR);
              assertThat(p.path()).isEqualTo("agents.defaults.subagents.maxConcurrent");
              assertThat(p.line()).isEqualTo(lineContaining(file, "\"eight\""));
              assertThat(p.describe())
                  .startsWith(file + ":" + p.line() + ": agents.defaults.subagents.maxConcurrent:")
                  .contains("expected a whole number, found \"eight\"");
            });
  }

  @Test
  void incidentRulesAreCheckedWithTheirPathAndLine() throws IOException {
    Path file =
        java.nio.file.Files.writeString(
            dir.resolve("crew.yaml"),
            """
            git:
              repositories:
                homelab: {forge: local, url: /srv/git/homelab.git}
            incident:
              repository: homelab2
              sweepMinutes: -1
              severity:
                - {app: "^(vaultwarden$", severity: SEV-1}
                - {health: [Degraded], severity: SEV-5}
            """);
    assertThatThrownBy(() -> loader.loadFile(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems())
                    .extracting(ConfigProblem::path, ConfigProblem::line)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("incident.repository", 5),
                        org.assertj.core.groups.Tuple.tuple("incident.sweepMinutes", 6),
                        org.assertj.core.groups.Tuple.tuple("incident.severity[0].app", 8),
                        org.assertj.core.groups.Tuple.tuple("incident.severity[1].severity", 9)));
  }

  @Test
  void unknownKeyWarnsWithItsPathAndLineAndLoadingGoesOn() throws IOException {
    Path file =
        write(
            "crew.json",
            """
            {
              "gateway": { "port": 18790 },
              "agents": {
                "list": [ { "id": "devops-sre", "skils": ["gitops"] } ]
              }
            }
            """);
    LoadedConfig loaded = loader.loadFile(file);
    assertThat(loaded.config().gateway().port()).isEqualTo(18790);
    assertThat(loaded.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.severity()).isEqualTo(Severity.WARNING);
              assertThat(p.path()).isEqualTo("agents.list[0].skils");
              assertThat(p.line()).isEqualTo(4);
            });
  }

  @Test
  void openClawKeysCrewDoesNotUseAreNotesNotWarnings() throws IOException {
    Path file =
        write(
            "openclaw.json",
            """
            {
              "gateway": { "mode": "local", "port": 18789, "auth": { "mode": "token" } },
              "agents": {
                "defaults": {
                  "workspace": "ws",
                  "heartbeat": { "every": "30m", "prompt": "Read HEARTBEAT.md" }
                },
                "list": [ { "id": "devops-sre", "sandbox": { "mode": "off" } } ]
              }
            }
            """);
    LoadedConfig loaded = loader.loadFile(file);
    assertThat(loaded.problems())
        .extracting(p -> p.severity() + " " + p.path() + " " + p.message())
        .containsExactlyInAnyOrder(
            "NOTE gateway.mode OpenClaw key not used by GitOps Crew",
            "NOTE gateway.auth OpenClaw key not used by GitOps Crew",
            "NOTE agents.defaults.heartbeat.prompt OpenClaw key not used by GitOps Crew",
            "NOTE agents.defaults.heartbeat no heartbeat schedule: "
                + file.toAbsolutePath().getParent().resolve("ws").resolve("HEARTBEAT.md")
                + " cannot be read (no checks)",
            "NOTE agents.list[0].sandbox OpenClaw key not used by GitOps Crew");
  }

  @Test
  void readsYamlAndTheEntriesFormOfAgents() throws IOException {
    Path file =
        write(
            "crew.yaml",
            """
            agents:
              entries:
                qa-tester:
                  skills: [qa-tester]
                  model:
                    primary: openrouter/a
                    fallbacks: [gemini/b]
            channels:
              discord:
                groupPolicy: open
            """);
    CrewConfig config = loader.loadFile(file).config();
    assertThat(config.agents().entries().get("qa-tester").skills()).containsExactly("qa-tester");
    assertThat(config.agents().entries().get("qa-tester").model())
        .isEqualTo(new ModelRef("openrouter/a", java.util.List.of("gemini/b")));
    assertThat(config.channels().discord().groupPolicyOrDefault()).isEqualTo("open");
  }

  @Test
  void yamlWrongTypeAlsoNamesTheLine() throws IOException {
    Path file =
        write(
            "crew.yaml",
            """
            gateway:
              bind: loopback
              port: [18789]
            """);
    assertThatThrownBy(() -> loader.loadFile(file))
        .isInstanceOfSatisfying(
            ConfigException.class,
            e ->
                assertThat(e.problems().get(0).describe())
                    .isEqualTo(file + ":3: gateway.port: expected a whole number, found a list"));
  }

  @Test
  void missingRequiredValueIsAnError() throws IOException {
    Path file =
        write(
            "crew.json",
            """
            {"git": {"repositories": {"homelab": {"forge": "github"}}}}
            """);
    assertThatThrownBy(() -> loader.loadFile(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("git.repositories.homelab")
        .hasMessageContaining("missing required value 'url'");
  }

  @Test
  void valuesOutsideTheirSetAreErrorsWithLine() throws IOException {
    Path file =
        write(
            "crew.json",
            """
            {
              "channels": {"discord": {"groupPolicy": "everyone"}}
            }
            """);
    assertThatThrownBy(() -> loader.loadFile(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(
            ":2: channels.discord.groupPolicy: expected one of [allowlist, disabled, open]");
  }

  @Test
  void decimalsAndBooleansAreNotQuietlyTurnedIntoOtherTypes() throws IOException {
    Path port = write("port.json", "{\"gateway\": {\"port\": 18789.9}}");
    assertThatThrownBy(() -> loader.loadFile(port))
        .hasMessageContaining(":1: gateway.port: expected a whole number, found 18789.9");
    Path bind = write("bind.json", "{\n\"gateway\": {\"bind\": true}}");
    assertThatThrownBy(() -> loader.loadFile(bind))
        .hasMessageContaining(":2: gateway.bind: expected a string, found true");
    Path skills =
        write(
            "skills.json",
            "{\"agents\": {\"list\": [{\"id\": \"qa-tester\", \"skills\": [3.5]}]}}");
    assertThatThrownBy(() -> loader.loadFile(skills))
        .hasMessageContaining("agents.list[0].skills[0]");
    // bare numbers stay welcome where ids are text (Discord snowflakes)
    Path ids =
        write(
            "ids.json",
            "{\"channels\": {\"discord\": {\"guilds\": {\"1\": {\"users\": [987654321098765432]}}}}}");
    assertThat(loader.loadFile(ids).config().channels().discord().guilds().get("1").users())
        .containsExactly("987654321098765432");
  }

  @Test
  void theReleaseKeysAreTypedAndChecked() throws IOException {
    Path good =
        write(
            "good.json",
            "{\"git\": {\"repositories\": {\"homelab\": {\"forge\": \"local\", \"url\":"
                + " \"file:///srv/git/homelab.git\"}}},\n \"release\": {\"repository\": \"homelab\","
                + " \"firstVersion\": \"v1.0.0\", \"breakingBelowOne\": \"major\"}}");
    CrewConfig.ReleaseSection release = loader.loadFile(good).config().release();
    assertThat(release.firstVersionOrDefault()).isEqualTo("v1.0.0");
    assertThat(release.breakingBumpsMajorBelowOne()).isTrue();
    assertThat(CrewConfig.defaults().release().firstVersionOrDefault()).isEqualTo("v0.1.0");
    assertThat(CrewConfig.defaults().release().breakingBumpsMajorBelowOne()).isFalse();

    Path bad =
        write(
            "bad.json",
            """
            {
              "git": {"repositories": {"homelab": {"forge": "local", "url": "file:///srv/h.git"}}},
              "release": {
                "repository": "prod",
                "firstVersion": "1.0",
                "breakingBelowOne": "always"
              }
            }
            """);
    assertThatThrownBy(() -> loader.loadFile(bad))
        .hasMessageContaining(":6: release.breakingBelowOne: expected one of [major, minor]")
        .hasMessageContaining(":5: release.firstVersion: expected a version like v0.1.0")
        .hasMessageContaining(":4: release.repository: no repository 'prod' in git.repositories");
  }

  @Test
  void theFootprintsLabelSchemeIsReadAndABadOneNamesItsKeyAndLine() throws IOException {
    Path good =
        write(
            "openclaw.yaml",
            """
            git:
              footprint:
                domain: openclaw.homelab
                footer: OpenClaw Homelab
                labels: { type: "type:", area: "area:", priority: "priority:" }
                areas: { "*": k8s, security: security }
            """);
    CrewConfig.Footprint footprint = loader.loadFile(good).config().git().footprint();
    assertThat(footprint.labels().type()).isEqualTo("type:");
    assertThat(footprint.areas()).containsEntry("*", "k8s").containsEntry("security", "security");
    assertThat(loader.loadFile(good).problems()).isEmpty();

    Path bad =
        write(
            "bad.json",
            """
            {
              "git": {
                "footprint": {
                  "labels": { "type": "type :", "kind": "kind/" },
                  "areas": { "*": "area:k8s" }
                }
              }
            }
            """);
    assertThatThrownBy(() -> loader.loadFile(bad))
        .hasMessageContaining(":4: git.footprint.labels.type: 'type :' is not a label prefix");
    Path badArea =
        write(
            "bad-area.json",
            """
            {
              "git": {
                "footprint": {
                  "areas": { "*": "area:k8s" }
                }
              }
            }
            """);
    assertThatThrownBy(() -> loader.loadFile(badArea))
        .hasMessageContaining("git.footprint.areas.*: the area 'area:k8s' must be lower-case")
        .hasMessageContaining("without the prefix 'area:'");
    Path unknown =
        write("unknown.json", "{\"git\": {\"footprint\": {\"labels\": {\"kind\": \"kind/\"}}}}");
    assertThat(loader.loadFile(unknown).problems())
        .extracting(p -> p.severity() + " " + p.path())
        .containsExactly("WARNING git.footprint.labels.kind");
  }

  @Test
  void aSharedStoreMustBePostgresql() throws IOException {
    Path good = write("crew.json", "{\n  \"state\": {\"url\": \"jdbc:postgresql://db/crew\"}\n}");
    assertThat(loader.loadFile(good).config().state().url()).isEqualTo("jdbc:postgresql://db/crew");
    Path bad = write("bad.json", "{\n  \"state\": {\"url\": \"jdbc:mysql://db/crew\"}\n}");
    assertThatThrownBy(() -> loader.loadFile(bad))
        .hasMessageContaining(":2: state.url: expected a PostgreSQL JDBC URL");
  }

  @Test
  void syntaxErrorNamesTheLine() throws IOException {
    Path file = write("crew.json", "{\n  \"gateway\": {\n    \"port\": 1,,\n  }\n}\n");
    assertThatThrownBy(() -> loader.loadFile(file))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining(file + ":3:")
        .hasMessageContaining("not valid JSON");
  }

  @Test
  void noFileMeansEmbeddedDefaultsButANamedMissingFileIsAnError() {
    LoadedConfig defaults = new ConfigLoader(Map.of()).load(java.util.Optional.empty());
    // the test JVM's home may hold a real ~/.gitops-crew/crew.json; only assert when it does not
    if (defaults.source().isEmpty()) {
      assertThat(defaults.config().agents().list()).isEmpty();
    }
    assertThatThrownBy(() -> loader.load(java.util.Optional.of(dir.resolve("nope.json"))))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("no such configuration file");
    assertThatThrownBy(
            () ->
                new ConfigLoader(Map.of("CREW_CONFIG", dir.resolve("env.json").toString()))
                    .load(java.util.Optional.empty()))
        .hasMessageContaining("env.json");
  }

  private Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  static int lineContaining(Path file, String needle) {
    try {
      var lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains(needle)) {
          return i + 1;
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError(needle + " not in " + file);
  }
}
