package dev.gitopscrew.permission;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.channel.Admission;
import dev.gitopscrew.channel.ChannelPolicy;
import dev.gitopscrew.channel.ChatMessage;
import dev.gitopscrew.config.ConfigProblem;
import dev.gitopscrew.settings.CrewContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Discord channels of an OpenClaw file that the crew leaves to an agent it does not run, told
 * apart without {@code skills}: a channel whose {@code systemPrompt} names only the tutor is the
 * tutor's, and {@code crewAnswers} overrides what the crew would otherwise decide, either way. What
 * a user sees: whether a message there is answered, and the note {@code crew config validate}
 * prints.
 */
class ChannelOwnersTest {

  static final String GUILD = "1100000000000000001";
  static final String TUTOR_PROMPT = "1200000000000000011"; // prompt names only deutsch-tutor
  static final String TAKEN_OVER = "1200000000000000012"; // the same, with crewAnswers: true
  static final String CREW_OFF = "1200000000000000013"; // homelab-admin's skills, crewAnswers false
  static final String SHARED = "1200000000000000014"; // prompt names deutsch-tutor and a crew agent
  static final String ALICE = "1300000000000000002";
  static final String PROMPT = "You are deutsch-tutor. Explain German grammar with examples.";

  @TempDir Path dir;
  private CrewContext context;
  private ChannelPolicy policy;

  @BeforeEach
  void load() throws Exception {
    String config =
        """
        {
          "agents": { "list": [
            { "id": "homelab-admin", "default": true, "skills": ["homelab-admin", "gitops"] },
            { "id": "deutsch-tutor", "skills": ["deutsch-tutor", "discord"] }
          ] },
          "channels": { "discord": {
            "enabled": true, "groupPolicy": "allowlist",
            "guilds": { "%s": { "requireMention": false, "channels": {
              "%s": { "allow": true, "systemPrompt": "%s" },
              "%s": { "allow": true, "systemPrompt": "%s", "crewAnswers": true },
              "%s": { "allow": true, "skills": ["homelab-admin", "gitops"], "crewAnswers": false },
              "%s": { "allow": true,
                      "systemPrompt": "deutsch-tutor teaches here; homelab-admin fixes the lab." }
            } } }
          } }
        }
        """
            .formatted(GUILD, TUTOR_PROMPT, PROMPT, TAKEN_OVER, PROMPT, CREW_OFF, SHARED);
    Path file = Files.writeString(dir.resolve("openclaw.json"), config);
    context = CrewContext.load(Optional.of(file), Optional.of(dir.resolve("state")), Map.of());
    policy =
        new ChannelPolicy(
            context.loaded().config().channels().discord(), context.permissions().channelOwners());
  }

  @Test
  void aChannelWhosePromptNamesOnlyAnAgentTheCrewDoesNotRunIsLeftAloneWithTheKeyToTakeItOver() {
    assertThat(admit(TUTOR_PROMPT))
        .isEqualTo(
            new Admission.Ignored(
                "channel "
                    + TUTOR_PROMPT
                    + " of guild "
                    + GUILD
                    + " is left to another agent: its systemPrompt names agent deutsch-tutor,"
                    + " not a GitOps Crew agent, and no crew agent"));
    assertThat(context.problems())
        .filteredOn(p -> p.severity() == ConfigProblem.Severity.NOTE)
        .map(ConfigProblem::describe)
        .anySatisfy(
            d ->
                assertThat(d)
                    .contains("channels.discord.guilds." + GUILD + ".channels." + TUTOR_PROMPT)
                    .contains("left alone: its systemPrompt names agent deutsch-tutor")
                    .contains("crewAnswers: true on the channel"));
  }

  @Test
  void crewAnswersTrueTakesATutorsPromptOnlyChannelOver() {
    Admission taken = admit(TAKEN_OVER);

    assertThat(taken).isInstanceOf(Admission.Admitted.class);
    assertThat(((Admission.Admitted) taken).systemPrompt()).isEqualTo(PROMPT);
    assertThat(context.problems())
        .map(ConfigProblem::describe)
        .noneMatch(d -> d.contains(".channels." + TAKEN_OVER));
  }

  @Test
  void crewAnswersFalseLeavesAChannelWithCrewSkillsAlone() {
    assertThat(admit(CREW_OFF))
        .isEqualTo(
            new Admission.Ignored(
                "channel "
                    + CREW_OFF
                    + " of guild "
                    + GUILD
                    + " is left to another agent: its crewAnswers is false"));
    assertThat(context.problems())
        .map(ConfigProblem::describe)
        .anySatisfy(
            d ->
                assertThat(d)
                    .contains(".channels." + CREW_OFF)
                    .contains("left alone: its crewAnswers is false"));
  }

  @Test
  void aPromptThatAlsoNamesACrewAgentKeepsTheChannelTheCrews() {
    assertThat(admit(SHARED)).isInstanceOf(Admission.Admitted.class);
  }

  /** A message from Alice in {@code channel} that mentions the bot. */
  private Admission admit(String channel) {
    return policy.admit(
        new ChatMessage("1400000000000000001", GUILD, channel, ALICE, "alice", false, true, "hi"));
  }
}
