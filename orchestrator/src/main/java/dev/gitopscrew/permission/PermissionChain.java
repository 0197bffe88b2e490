package dev.gitopscrew.permission;

import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.config.CrewConfig.AgentEntry;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.session.SessionSettings;
import dev.gitopscrew.session.SpawnPolicy;
import dev.gitopscrew.skill.Skill;
import dev.gitopscrew.skill.SkillCatalog;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one permission chain of PRODUCT.md section 2: channel skill scope ∩ agent skill allowlist →
 * the tools an agent may call. Cluster tools are then checked again by the cluster guard.
 */
public final class PermissionChain {

  private final SkillCatalog catalog;
  private final Map<KnownAgent, AgentProfile> profiles = new LinkedHashMap<>();
  private final List<String> ignoredAgents = new ArrayList<>();
  private final SpawnPolicy spawnPolicy;
  private final ChannelOwners channelOwners;
  private final Map<KnownAgent, String> identities = new LinkedHashMap<>();

  public PermissionChain(CrewConfig config, SkillCatalog catalog) {
    this.catalog = catalog;
    this.channelOwners = ChannelOwners.of(config, catalog);
    this.spawnPolicy = SessionSettings.policy(config);
    Map<String, AgentEntry> entries = new LinkedHashMap<>();
    config.agents().list().forEach(e -> entries.putIfAbsent(e.id(), e));
    config.agents().entries().forEach((id, e) -> entries.putIfAbsent(id, e.withId(id)));
    entries.keySet().stream()
        .filter(id -> KnownAgent.byId(id).isEmpty())
        .forEach(ignoredAgents::add);
    for (KnownAgent agent : KnownAgent.values()) {
      profiles.put(agent, profile(agent, Optional.ofNullable(entries.get(agent.id())), config));
      Optional.ofNullable(entries.get(agent.id()))
          .map(AgentEntry::identity)
          .map(PermissionChain::identity)
          .filter(i -> !i.isEmpty())
          .ifPresent(i -> identities.put(agent, i));
    }
  }

  private AgentProfile profile(KnownAgent agent, Optional<AgentEntry> entry, CrewConfig config) {
    List<String> wanted =
        entry
            .map(AgentEntry::skills)
            .or(() -> Optional.ofNullable(config.agents().defaults().skills()))
            .orElse(agent.defaultSkills());
    List<String> skills = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    Set<Tool> tools = EnumSet.noneOf(Tool.class);
    for (String name : wanted) {
      Optional<Skill> skill = catalog.find(name);
      if (skill.isPresent()) {
        skills.add(name);
        tools.addAll(skill.get().tools());
      } else {
        missing.add(name);
      }
    }
    if (!agent.isOrchestrator()) {
      tools.remove(Tool.RELEASE_CUT);
    }
    String name = entry.map(AgentEntry::name).orElse(agent.id());
    List<String> subagents =
        java.util.Arrays.stream(KnownAgent.values())
            .map(KnownAgent::id)
            .filter(target -> spawnPolicy.refusal(agent.id(), target).isEmpty())
            .toList();
    return new AgentProfile(agent, name, skills, missing, tools, subagents);
  }

  public AgentProfile profile(KnownAgent agent) {
    return profiles.get(agent);
  }

  public List<AgentProfile> profiles() {
    return List.copyOf(profiles.values());
  }

  /**
   * The name (and emoji) people know {@code agent} by, from its OpenClaw {@code identity} (or the
   * default agent's, which homelab-admin takes over); empty when it has none.
   */
  public Optional<String> identity(KnownAgent agent) {
    return Optional.ofNullable(identities.get(agent));
  }

  private static String identity(com.fasterxml.jackson.databind.JsonNode identity) {
    List<String> parts = new ArrayList<>();
    for (String key : List.of("name", "emoji")) {
      var v = identity.path(key);
      if (v.isTextual() && !v.asText().isBlank()) {
        parts.add(v.asText().strip());
      }
    }
    return String.join(" ", parts);
  }

  /** The Discord channels that belong to agents the crew does not run, left alone. */
  public ChannelOwners channelOwners() {
    return channelOwners;
  }

  /** Agents named in the configuration that are not GitOps Crew agents. */
  public List<String> ignoredAgents() {
    return List.copyOf(ignoredAgents);
  }

  /** The tools {@code agent} may call in {@code scope}. */
  public Set<Tool> tools(KnownAgent agent, ChannelScope scope) {
    Set<Tool> tools = EnumSet.noneOf(Tool.class);
    for (String name : profile(agent).skills()) {
      if (scope.allows(name)) {
        catalog.find(name).ifPresent(s -> tools.addAll(s.tools()));
      }
    }
    if (!agent.isOrchestrator()) {
      tools.remove(Tool.RELEASE_CUT);
    }
    return tools;
  }

  /**
   * Whether {@code agent} may call {@code tool} in {@code scope}, naming the missing link if not.
   */
  public Decision check(KnownAgent agent, ChannelScope scope, Tool tool) {
    if (tool == Tool.RELEASE_CUT && !agent.isOrchestrator()) {
      return new Decision.Refused("only homelab-admin creates tags, releases and milestones");
    }
    return decide(agent, scope, skill -> skill.tools().contains(tool), tool.id());
  }

  /**
   * Whether {@code agent} may call the tool {@code tool} of the MCP server {@code server} in {@code
   * scope}: a skill of the agent grants {@code mcp:server} or {@code mcp:server/tool}, and the
   * scope allows that skill (docs/mcp.md). The same chain, the same words, as {@link #check}.
   */
  public Decision checkMcp(KnownAgent agent, ChannelScope scope, String server, String tool) {
    return decide(
        agent, scope, skill -> skill.grantsMcp(server, tool), "mcp:" + server + "/" + tool);
  }

  /**
   * Whether a skill of {@code agent} that {@code scope} allows grants any tool of {@code server}.
   */
  public boolean grantsAnyOf(KnownAgent agent, ChannelScope scope, String server) {
    return profile(agent).skills().stream()
        .filter(scope::allows)
        .map(catalog::find)
        .flatMap(java.util.Optional::stream)
        .anyMatch(
            s -> s.mcp().stream().anyMatch(g -> g.equals(server) || g.startsWith(server + "/")));
  }

  /**
   * The skills of {@code agent} that grant {@code what}, and the first of them the scope allows.
   */
  private Decision decide(
      KnownAgent agent,
      ChannelScope scope,
      java.util.function.Predicate<dev.gitopscrew.skill.Skill> grants,
      String what) {
    AgentProfile profile = profile(agent);
    List<String> granting =
        profile.skills().stream()
            .filter(s -> catalog.find(s).map(grants::test).orElse(false))
            .toList();
    if (granting.isEmpty()) {
      return new Decision.Refused(
          "agent "
              + agent.id()
              + " has no skill granting "
              + what
              + " (its skills: "
              + String.join(", ", profile.skills())
              + ")");
    }
    return granting.stream()
        .filter(scope::allows)
        .findFirst()
        .<Decision>map(Decision.Allowed::new)
        .orElseGet(
            () ->
                new Decision.Refused(
                    scope.label()
                        + " does not allow the skill"
                        + (granting.size() > 1 ? "s " : " ")
                        + String.join(", ", granting)
                        + " that grant"
                        + (granting.size() > 1 ? " " : "s ")
                        + what
                        + " to "
                        + agent.id()));
  }

  /**
   * The one admission rule every door applies (RunRequest before a root session, the model's
   * function calls in ToolCallDoor): may {@code owner} do work needing {@code tool} for a request
   * {@code answering} answers in {@code scope}? The answering agent (homelab-admin, or the agent
   * asked for) is narrowed by the place's skills. Work it hands to another agent needs: the owner
   * holds the tool through its own skills (narrowed by the place too only when the place opts in
   * with {@code scopeDelegates}), the answering agent holds {@code sessions.spawn} in the place,
   * and it may spawn the owner ({@code subagents.allowAgents}, {@code tools.agentToAgent}). A
   * refusal names the first missing link. The cluster guard and approvals come after, unchanged.
   */
  public Decision admit(KnownAgent answering, KnownAgent owner, ChannelScope scope, Tool tool) {
    if (owner == answering) {
      return check(owner, scope, tool);
    }
    Decision own = check(owner, scope.forDelegate(), tool);
    if (own instanceof Decision.Refused) {
      return own;
    }
    Decision hand = handOff(answering, owner, scope);
    return hand instanceof Decision.Refused ? hand : own;
  }

  /**
   * Whether {@code answering} may hand work to {@code owner} in {@code scope}: it holds {@code
   * sessions.spawn} there and the spawn policy lets it spawn {@code owner}; the same words the
   * session engine refuses a spawn with.
   */
  public Decision handOff(KnownAgent answering, KnownAgent owner, ChannelScope scope) {
    if (owner == answering) {
      return new Decision.Allowed("(its own work)");
    }
    Decision spawn = check(answering, scope, Tool.SESSIONS_SPAWN);
    if (spawn instanceof Decision.Refused refused) {
      return new Decision.Refused(refused.missingLink() + ", needed to hand work to " + owner.id());
    }
    Optional<String> policy = spawnPolicy.refusal(answering.id(), owner.id());
    if (policy.isPresent()) {
      return new Decision.Refused(policy.get());
    }
    return spawn;
  }

  /** Every guild channel's scope, labelled {@code #slug-or-id}. */
  public static Map<String, ChannelScope> channelScopes(CrewConfig config) {
    Map<String, ChannelScope> scopes = new LinkedHashMap<>();
    config
        .channels()
        .discord()
        .guilds()
        .forEach(
            (guildId, guild) ->
                guild
                    .channels()
                    .forEach(
                        (channelId, channel) -> {
                          String label =
                              "discord channel " + channelId + " (guild " + guildId + ")";
                          scopes.put(
                              channelId,
                              new ChannelScope(
                                  label,
                                  Optional.ofNullable(channel.skills()),
                                  Optional.ofNullable(channel.systemPrompt()),
                                  scopesDelegates(guild, channel)));
                        }));
    return scopes;
  }

  /**
   * The stricter reading of a channel's skills ({@code scopeDelegates}: the channel's, else its
   * guild's, default false): they narrow every agent the request reaches, not only the one that
   * answers.
   */
  public static boolean scopesDelegates(
      CrewConfig.GuildConfig guild, CrewConfig.ChannelConfig channel) {
    if (channel != null && channel.scopeDelegates() != null) {
      return channel.scopeDelegates();
    }
    return guild != null && Boolean.TRUE.equals(guild.scopeDelegates());
  }

  public static String joinNames(List<String> names) {
    return names.isEmpty() ? "(none)" : String.join(", ", names);
  }
}
