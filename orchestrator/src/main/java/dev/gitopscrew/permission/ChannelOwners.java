package dev.gitopscrew.permission;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.config.CrewConfig.AgentEntry;
import dev.gitopscrew.config.CrewConfig.ChannelConfig;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.skill.Skill;
import dev.gitopscrew.skill.SkillCatalog;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which Discord channels of an OpenClaw file belong to agents the crew does not run (a language
 * tutor's channel): the crew leaves them alone, as OpenClaw routes them to their own agent. A
 * configured guild channel is left alone when
 *
 * <ol>
 *   <li>its {@code crewAnswers} is {@code false}; or, with no {@code crewAnswers} key,
 *   <li>it has a non-empty {@code skills} list and none of those skills is a crew skill (a loaded
 *       skill, built in or from {@code skills.load.extraDirs}, that grants at least one tool); or
 *   <li>it has no {@code skills} list and its {@code systemPrompt} names, as a word, the id of an
 *       agent in {@code agents.list}/{@code agents.entries} that is not a GitOps Crew agent, and
 *       names no GitOps Crew agent.
 * </ol>
 *
 * {@code crewAnswers: true} (or a crew skill added to its {@code skills}) takes such a channel
 * over.
 */
public final class ChannelOwners {

  /** A channel the crew leaves alone, and why in words. */
  public record LeftAlone(String guildId, String channelId, String reason) {

    /** The JSON path of the channel in the configuration file. */
    public String path() {
      return "channels.discord.guilds." + guildId + ".channels." + channelId;
    }

    /** What {@code crew config validate}, {@code crew doctor} and the gateway's log say. */
    public String note() {
      return "left alone: "
          + reason
          + "; nothing is answered there (crewAnswers: true on the channel, or a GitOps"
          + " Crew skill such as homelab-admin in its skills, takes it over)";
    }
  }

  private final Map<String, LeftAlone> leftAlone;

  private ChannelOwners(Map<String, LeftAlone> leftAlone) {
    this.leftAlone = Map.copyOf(leftAlone);
  }

  /** Every channel is the crew's. */
  public static ChannelOwners none() {
    return new ChannelOwners(Map.of());
  }

  public static ChannelOwners of(CrewConfig config, SkillCatalog catalog) {
    Map<String, AgentEntry> agents = new LinkedHashMap<>();
    config.agents().list().forEach(e -> agents.putIfAbsent(e.id(), e));
    config.agents().entries().forEach((id, e) -> agents.putIfAbsent(id, e.withId(id)));
    Map<String, LeftAlone> found = new LinkedHashMap<>();
    config
        .channels()
        .discord()
        .guilds()
        .forEach(
            (guildId, guild) ->
                guild
                    .channels()
                    .forEach(
                        (channelId, channel) ->
                            reason(channel, agents, catalog)
                                .ifPresent(
                                    r ->
                                        found.put(
                                            channelId, new LeftAlone(guildId, channelId, r)))));
    return new ChannelOwners(found);
  }

  private static Optional<String> reason(
      ChannelConfig channel, Map<String, AgentEntry> agents, SkillCatalog catalog) {
    if (channel.crewAnswers() != null) {
      return channel.crewAnswers() ? Optional.empty() : Optional.of("its crewAnswers is false");
    }
    List<String> skills = channel.skills();
    if (skills != null && !skills.isEmpty()) {
      boolean crewSkill =
          skills.stream()
              .anyMatch(
                  s -> catalog.find(s).map(Skill::tools).filter(t -> !t.isEmpty()).isPresent());
      if (crewSkill) {
        return Optional.empty();
      }
      List<String> owners =
          agents.values().stream()
              .filter(a -> a.id() != null && KnownAgent.byId(a.id()).isEmpty())
              .filter(a -> a.skills() != null && a.skills().containsAll(skills))
              .map(AgentEntry::id)
              .toList();
      return Optional.of(
          "its skills ("
              + String.join(", ", skills)
              + ") name no GitOps Crew skill"
              + (owners.isEmpty()
                  ? ""
                  : ": they are "
                      + (owners.size() > 1 ? "agents " : "agent ")
                      + String.join(", ", owners)
                      + "'s"));
    }
    if (skills == null && channel.systemPrompt() != null) {
      String prompt = channel.systemPrompt();
      for (KnownAgent crew : KnownAgent.values()) {
        if (names(prompt, crew.id())) {
          return Optional.empty();
        }
      }
      List<String> others = new ArrayList<>();
      agents.keySet().stream()
          .filter(id -> id != null && KnownAgent.byId(id).isEmpty() && names(prompt, id))
          .forEach(others::add);
      if (!others.isEmpty()) {
        return Optional.of(
            "its systemPrompt names agent "
                + String.join(", ", others)
                + ", not a GitOps Crew agent, and no crew agent");
      }
    }
    return Optional.empty();
  }

  /** Whether {@code text} holds {@code id} as a word of its own (not inside a longer id). */
  private static boolean names(String text, String id) {
    return Pattern.compile(
            "(?<![\\w-])" + Pattern.quote(id.toLowerCase(Locale.ROOT)) + "(?![\\w-])")
        .matcher(text.toLowerCase(Locale.ROOT))
        .find();
  }

  /** Why the crew leaves channel {@code channelId} alone, or empty when it answers there. */
  public Optional<LeftAlone> leftAlone(String channelId) {
    return Optional.ofNullable(channelId).map(leftAlone::get);
  }

  /** Every channel left alone. */
  public List<LeftAlone> all() {
    return List.copyOf(leftAlone.values());
  }
}
