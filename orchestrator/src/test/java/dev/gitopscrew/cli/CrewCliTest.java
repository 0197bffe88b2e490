package dev.gitopscrew.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CrewCliTest {

  static final String HOMELAB = "src/test/resources/config/openclaw-homelab.json";
  static final String WRONG = "src/test/resources/config/openclaw-homelab-wrong-type.json";
  static final String GITHUB_TOKEN = "ghp_7Qm2xVb9KfL0sT4wYz8NcRd1EaHj6UpGi3Oo";

  @TempDir Path dir;
  WireMockServer github;

  @BeforeEach
  void startGithub() {
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
  }

  @AfterEach
  void stopGithub() {
    github.stop();
  }

  @Test
  void runbookListReadsAsTextForPeople() {
    CliRun run = CliRun.of(Map.of(), "runbook", "list", "--state-dir", dir.toString());

    assertThat(run.status()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("restart-crash-loop")
        .contains("when on-health-degraded")
        .contains("with finding crash-loop or oom-killed")
        .doesNotContain("Trigger[")
        .doesNotContain("events=");
  }

  @Test
  void validateListsTheFiveAgentsWithToolsAndSubagentsAndNamesTheIgnoredOnes() {
    CliRun run = CliRun.of(Map.of(), "config", "validate", HOMELAB);

    assertThat(run.status()).isZero();
    for (String agent :
        new String[] {
          "homelab-admin", "devops-sre", "software-engineer", "security-analyst", "qa-tester"
        }) {
      assertThat(run.out()).containsPattern("(?m)^  " + agent + "\\b");
    }
    assertThat(run.out())
        .contains("tools:      sessions.spawn")
        .contains(
            "sub-agents: homelab-admin, devops-sre, software-engineer, security-analyst, qa-tester")
        .contains(
            "Ignored agents (not GitOps Crew agents): cursor-agent, deutsch-tutor, english-tutor, daily-routine")
        .contains("Configuration is valid.");
    // the #alerts scope keeps git changes out of homelab-admin's reach there
    assertThat(run.out())
        .containsPattern("homelab-admin, incident-response -> [^\\n]*incident.triage");
  }

  /** The OpenClaw user's own skills, one named like each built-in, loaded through extraDirs. */
  @Test
  void openClawSkillsOverridingEveryBuiltInLeaveEveryAgentItsTools() throws IOException {
    for (String name :
        new String[] {
          "homelab-admin",
          "gitops",
          "incident-response",
          "secret-management",
          "devops-sre",
          "software-engineer",
          "security-analyst",
          "qa-tester"
        }) {
      Path skill = Files.createDirectories(dir.resolve("skills/" + name));
      Files.writeString(
          skill.resolve("SKILL.md"),
          "---\nname: "
              + name
              + "\ndescription: The homelab procedure.\nmetadata: {\"openclaw\": {\"emoji\":"
              + " \"🛠️\"}}\n---\nUse kubectl and gh.\n");
    }
    Path config =
        Files.writeString(
            dir.resolve("crew.json"), "{\"skills\": {\"load\": {\"extraDirs\": [\"skills\"]}}}");

    CliRun agents = CliRun.of(Map.of(), "agents", "list", "--config", config.toString());
    assertThat(agents.status()).as(agents.all()).isZero();
    assertThat(agents.out()).doesNotContain("(none)").contains("cluster.restart");

    CliRun validate = CliRun.of(Map.of(), "config", "validate", config.toString());
    assertThat(validate.out())
        .contains(
            "note: "
                + dir.resolve("skills/devops-sre/SKILL.md")
                + " overrides the instructions of skill devops-sre from"
                + " builtin:skills/devops-sre/SKILL.md; it keeps that skill's tools");
  }

  @Test
  void validateWithAWrongTypeExits2NamingPathAndLine() {
    CliRun run = CliRun.of(Map.of(), "config", "validate", WRONG);
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains(WRONG + ":12: agents.defaults.subagents.maxConcurrent: expected a whole number");
  }

  @Test
  void serveOnANonLoopbackAddressWithoutATokenRefusesWithExit2() {
    CliRun run = CliRun.of(Map.of(), "serve", "--bind", "0.0.0.0", "--state-dir", dir.toString());
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("CREW_GATEWAY_TOKEN").contains("--bind loopback");
  }

  @Test
  void doctorOnEmbeddedDefaultsReportsEveryIntegrationAndExits0() {
    CliRun run = CliRun.of(Map.of("HOME", dir.toString()), "doctor", "--state-dir", dir.toString());
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains("Discord: not configured")
        .contains("GitHub: not configured")
        .contains("Azure DevOps: not configured")
        .contains("Kubernetes:")
        .contains("Argo CD: not configured")
        .contains("model providers: not configured")
        .contains("state store: ok");
  }

  @Test
  void doctorProbesGithubWithTheTokenAndNeverPrintsIt() throws IOException {
    github.stubFor(
        get(urlEqualTo("/repos/owner/homelab"))
            .willReturn(aResponse().withStatus(200).withBody("{}")));
    Path config = githubConfig();

    CliRun run =
        CliRun.of(
            Map.of("GITHUB_TOKEN", GITHUB_TOKEN),
            "doctor",
            "--config",
            config.toString(),
            "--state-dir",
            dir.toString());

    assertThat(run.out()).contains("GitHub: ok").contains("HTTP 200");
    assertThat(run.status()).isZero();
    assertThat(run.all()).doesNotContain(GITHUB_TOKEN);
    github.verify(
        getRequestedFor(urlEqualTo("/repos/owner/homelab"))
            .withHeader("Authorization", equalTo("Bearer " + GITHUB_TOKEN)));
  }

  @Test
  void doctorExits1WhenAConfiguredIntegrationIsBroken() throws IOException {
    github.stubFor(get(urlEqualTo("/repos/owner/homelab")).willReturn(aResponse().withStatus(401)));
    Path config = githubConfig();

    CliRun run =
        CliRun.of(
            Map.of("GITHUB_TOKEN", GITHUB_TOKEN),
            "doctor",
            "--config",
            config.toString(),
            "--state-dir",
            dir.toString());

    assertThat(run.status()).isEqualTo(1);
    assertThat(run.out())
        .contains("GitHub: BROKEN")
        .contains("HTTP 401")
        .contains("fix: check GITHUB_TOKEN");
    assertThat(run.all()).doesNotContain(GITHUB_TOKEN);

    CliRun noToken =
        CliRun.of(Map.of(), "doctor", "--config", config.toString(), "--state-dir", dir.toString());
    assertThat(noToken.status()).isEqualTo(1);
    assertThat(noToken.out()).contains("GITHUB_TOKEN is not set");
  }

  @Test
  void validateAndDoctorWarnThatWithoutUsersNobodyApprovesFromDiscordAndAnyoneMayAsk()
      throws IOException {
    Path config = dir.resolve("crew.json");
    Files.writeString(
        config,
        """
        {"channels": {"discord": {"enabled": true, "guilds": {"1100000000000000001": {
          "channels": {"1200000000000000001": {"allow": true},
                       "1200000000000000002": {"users": ["1300000000000000002"]}}}}}}}
        """);
    String warning =
        "channels.discord.guilds.1100000000000000001: no users list on the guild or on its"
            + " channel 1200000000000000001: nobody can approve from Discord (only crew approve or"
            + " the API), and anyone who can write there can ask the crew; add \"users\":"
            + " [\"<your Discord user id>\"] to the guild";
    CliRun validate = CliRun.of(Map.of(), "config", "validate", config.toString());
    assertThat(validate.status()).isZero();
    assertThat(validate.out()).contains("warning: " + config + ":1: " + warning);
    CliRun doctor =
        CliRun.of(Map.of(), "doctor", "--config", config.toString(), "--state-dir", dir.toString());
    assertThat(doctor.out()).contains(config + ":1: " + warning);

    // the recommended shape: a users list on the guild
    Files.writeString(
        config,
        """
        {"channels": {"discord": {"enabled": true, "guilds": {"1100000000000000001": {
          "users": ["1300000000000000002"],
          "channels": {"1200000000000000001": {"allow": true}}}}}}}
        """);
    assertThat(CliRun.of(Map.of(), "config", "validate", config.toString()).out())
        .doesNotContain("nobody can approve");
  }

  @Test
  void validateNotesTheTutorChannelsOfTheHomelabAsLeftAlone() {
    CliRun run = CliRun.of(Map.of(), "config", "validate", HOMELAB);
    assertThat(run.status()).isZero();
    assertThat(run.out())
        .contains(
            "note: "
                + HOMELAB
                + ":114: channels.discord.guilds.1342678901234567890.channels.1342678901234567893:"
                + " left alone: its skills (deutsch-tutor, discord) name no GitOps Crew skill: they"
                + " are agent deutsch-tutor's; nothing is answered there (crewAnswers: true on"
                + " the channel, or a GitOps Crew skill such as homelab-admin in its skills, takes"
                + " it over)")
        .contains("1342678901234567894: left alone (its skills (english-tutor, discord)")
        .doesNotContain("1342678901234567891: left alone")
        .doesNotContain("nobody can approve");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "serve",
        "config",
        "config validate",
        "doctor",
        "agents",
        "agents list",
        "skills",
        "skills list"
      })
  void everyCommandHasHelp(String command) {
    CliRun run = CliRun.of(Map.of(), (command + " --help").split(" "));
    assertThat(run.status()).isZero();
    assertThat(run.out()).startsWith("Usage: crew " + command);
  }

  @Test
  void unknownCommandIsBadUsage() {
    assertThat(CliRun.of(Map.of(), "frobnicate").status()).isEqualTo(2);
  }

  @Test
  void theTopLevelHelpListsEveryCommand() {
    CliRun run = CliRun.of(Map.of(), "--help");
    assertThat(run.status()).isZero();
    for (String command :
        new String[] {"serve", "doctor", "sessions", "change", "scan", "approve", "release"}) {
      assertThat(run.out()).containsPattern("(?m)^  " + command + "\\b");
    }
  }

  @Test
  void theTopLevelHelpReadFromSummariesIsTheHelpOfTheWholeCommandLine() {
    // crew --help registers each command by its annotation alone; it must read as the full model
    java.io.StringWriter whole = new java.io.StringWriter();
    CrewCli.commandLine().usage(new java.io.PrintWriter(whole), picocli.CommandLine.Help.Ansi.OFF);

    CliRun run = CliRun.of(Map.of(), "--help");

    assertThat(run.status()).isZero();
    assertThat(run.out()).isEqualToIgnoringNewLines(whole.toString());
  }

  @Test
  void theHelpTheBuildRenderedIsTheHelpOfThisBuild() {
    // crew --help prints what the build wrote; a command added since would be missing from it
    assertThat(HelpText.prerendered()).contains(HelpText.rendered());
  }

  @Test
  void theVersionNamesTheBuild() throws IOException {
    CliRun run = CliRun.of(Map.of(), "--version");
    assertThat(run.status()).isZero();
    // the project version, as the build gives it (the Discord User-Agent carries the same)
    java.util.regex.Matcher pom =
        java.util.regex.Pattern.compile(
                "<artifactId>gitops-crew-parent</artifactId>\\s*<version>([^<]+)</version>")
            .matcher(Files.readString(Path.of("../pom.xml")));
    assertThat(pom.find()).isTrue();
    assertThat(run.out()).isEqualTo("crew " + pom.group(1) + "\n");
  }

  @Test
  void aMistypedCommandIsBadUsageThatSuggestsTheRightOne() {
    // only the named command is registered for a run; a name that matches none gets them all
    CliRun run = CliRun.of(Map.of(), "sesions", "list");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err()).contains("Unmatched arguments").contains("sessions");
  }

  @Test
  void skillsListShowsEachSkillsTools() {
    CliRun run = CliRun.of(Map.of(), "skills", "list");
    assertThat(run.status()).isZero();
    assertThat(run.out()).contains("devops-sre  -  ").contains("cluster.restart");
  }

  private CliRun doctorAgainstGithubAnswering(int status) throws IOException {
    github.stubFor(
        get(urlEqualTo("/repos/owner/homelab"))
            .willReturn(aResponse().withStatus(status).withBody("{}")));
    Path config = githubConfig();
    return CliRun.of(
        Map.of("GITHUB_TOKEN", GITHUB_TOKEN),
        "doctor",
        "--config",
        config.toString(),
        "--state-dir",
        dir.toString());
  }

  private Path githubConfig() throws IOException {
    Path config = dir.resolve("crew.json");
    Files.writeString(
        config,
        """
        {"git": {"repositories": {"homelab": {"forge": "github",
          "url": "https://github.com/owner/homelab.git", "apiUrl": "%s"}}}}
        """
            .formatted(github.baseUrl()));
    return config;
  }
}
