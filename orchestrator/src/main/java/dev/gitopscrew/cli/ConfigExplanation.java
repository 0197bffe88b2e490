package dev.gitopscrew.cli;

import dev.gitopscrew.config.ConfigProblem;
import dev.gitopscrew.config.CrewConfig;
import dev.gitopscrew.config.CrewConfig.ChannelConfig;
import dev.gitopscrew.config.CrewConfig.DiscordSection;
import dev.gitopscrew.config.CrewConfig.GuildConfig;
import dev.gitopscrew.model.Endpoint;
import dev.gitopscrew.model.ModelProviders;
import dev.gitopscrew.permission.AgentProfile;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestCatalogue;
import dev.gitopscrew.roles.catalogue.RequestKind;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.skill.Skill;
import dev.gitopscrew.skill.SkillCatalog;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How an OpenClaw file maps onto the crew, in one screen: its agents and which are not the crew's,
 * each Discord channel (who answers, what may be started there, who may ask and approve), where
 * alerts go, skills and their tools, models and the variables they need, the git footprint (with
 * the keys that make its labels the file's own, {@link FootprintExplanation}), and what is not
 * taken over.
 */
record ConfigExplanation(CrewContext ctx, String alerts) {

  void print(PrintWriter out) {
    CrewConfig config = ctx.loaded().config();
    PermissionChain chain = ctx.permissions();
    out.println("Configuration: " + ctx.loaded().describeSource());
    agents(out, config, chain);
    channels(out, config, chain);
    out.println("Alerts: " + alerts);
    skills(out);
    skippedSkills(out);
    models(out, config);
    FootprintExplanation.print(out, config, ctx.skills());
    notTakenOver(out);
  }

  private static void agents(PrintWriter out, CrewConfig config, PermissionChain chain) {
    out.println("\nAgents:");
    for (AgentProfile p : chain.profiles()) {
      List<String> models = ModelProviders.refsFor(config, p.agent());
      out.println(
          "  "
              + p.agent().id()
              + chain.identity(p.agent()).map(i -> " (" + i + ")").orElse("")
              + ": "
              + (models.isEmpty()
                  ? "no model (structured requests only)"
                  : "model "
                      + models.get(0)
                      + (models.size() > 1 ? " + " + (models.size() - 1) + " fallback(s)" : ""))
              + handsTo(p));
    }
    List<String> missing =
        chain.profiles().stream()
            .flatMap(p -> p.missingSkills().stream().map(s -> s + " (" + p.agent().id() + ")"))
            .toList();
    if (!missing.isEmpty()) {
      out.println("  skills named but not found, so ignored: " + String.join(", ", missing));
    }
    List<String> ignored = chain.ignoredAgents();
    if (!ignored.isEmpty()) {
      out.println(
          "  not run here (not GitOps Crew agents; keep OpenClaw for them): "
              + String.join(", ", ignored));
    }
  }

  private static String handsTo(AgentProfile p) {
    List<String> others =
        p.allowedSubagents().stream().filter(a -> !a.equals(p.agent().id())).toList();
    return others.isEmpty() ? "" : "; hands work to " + String.join(", ", others);
  }

  private static void channels(PrintWriter out, CrewConfig config, PermissionChain chain) {
    DiscordSection discord = config.channels().discord();
    out.println(
        "\nDiscord: "
            + (discord.isEnabled() ? "enabled" : "not enabled")
            + ", groupPolicy "
            + discord.groupPolicyOrDefault()
            + ", direct messages "
            + discord.dmPolicyOrDefault());
    Map<String, ChannelScope> scopes = PermissionChain.channelScopes(config);
    for (Map.Entry<String, GuildConfig> g : new TreeMap<>(discord.guilds()).entrySet()) {
      GuildConfig guild = g.getValue();
      out.println(
          "  guild "
              + (guild.slug() == null ? g.getKey() : guild.slug() + " (" + g.getKey() + ")")
              + ": "
              + (guild.users() == null
                  ? "anyone in its channels may ask; nobody may approve from Discord"
                  : guild.users().size() + " user(s) may ask and approve"));
      for (Map.Entry<String, ChannelConfig> c : new TreeMap<>(guild.channels()).entrySet()) {
        out.println(
            "    " + c.getKey() + " " + channel(c.getKey(), c.getValue(), guild, scopes, chain));
      }
    }
  }

  private static String channel(
      String id,
      ChannelConfig channel,
      GuildConfig guild,
      Map<String, ChannelScope> scopes,
      PermissionChain chain) {
    String prompt =
        channel.systemPrompt() == null
            ? ""
            : "\"" + clip(channel.systemPrompt().strip(), 32) + "\" ";
    if (!channel.allowed()) {
      return prompt + "-> not allowed (allow: false): nothing is answered";
    }
    Optional<dev.gitopscrew.permission.ChannelOwners.LeftAlone> alone =
        chain.channelOwners().leftAlone(id);
    if (alone.isPresent()) {
      return prompt
          + "-> "
          + alone.get().reason()
          + "; left alone (crewAnswers: true takes it over)";
    }
    ChannelScope scope = scopes.getOrDefault(id, ChannelScope.unrestricted(id));
    List<String> kinds = new ArrayList<>();
    List<String> not = new ArrayList<>();
    List<RequestKind> offered = RequestCatalogue.standard().offeredAt(Door.CHAT);
    for (RequestKind kind : offered) {
      boolean may =
          kind.tool() == null
              || chain.admit(KnownAgent.HOMELAB_ADMIN, kind.owner(), scope, kind.tool()).allowed();
      (may ? kinds : not).add(kind.name());
    }
    String start =
        not.isEmpty()
            ? "every request"
            : kinds.isEmpty()
                ? "nothing"
                : kinds.size() >= not.size()
                    ? "every request but " + String.join(", ", not)
                    : String.join(", ", kinds);
    boolean mention =
        channel.requireMention() != null
            ? channel.requireMention()
            : guild.requireMention() == null || guild.requireMention();
    return prompt
        + "-> homelab-admin answers"
        + (mention ? " when mentioned" : " every message")
        + (channel.users() == null ? "" : ", " + channel.users().size() + " user(s) only")
        + "; may start "
        + start;
  }

  private void skills(PrintWriter out) {
    out.println("\nSkills -> tools:");
    ctx.skills().all().stream()
        .sorted(Comparator.comparing(Skill::name))
        .forEach(
            s ->
                out.println(
                    "  "
                        + s.name()
                        + ": "
                        + (s.tools().isEmpty()
                            ? "no tools (instructions only)"
                            : String.join(", ", s.tools().stream().sorted().map(Tool::id).toList()))
                        + (s.source().startsWith("builtin:")
                            ? ""
                            : builtIn(s.name())
                                ? " (your SKILL.md's instructions, the crew's tools)"
                                : " (your SKILL.md)")));
  }

  private void skippedSkills(PrintWriter out) {
    ctx.skills().problems().forEach(p -> out.println("  skipped: " + p.describe()));
  }

  /** Whether the crew ships a skill of this name (whose tools a same-named SKILL.md keeps). */
  private static boolean builtIn(String name) {
    return BUILT_IN.find(name).isPresent();
  }

  private static final SkillCatalog BUILT_IN = SkillCatalog.load(List.of());

  private void models(PrintWriter out, CrewConfig config) {
    ModelProviders providers =
        new ModelProviders(
            config,
            ctx.env(),
            endpoint -> {
              throw new IllegalStateException("explaining contacts nothing");
            });
    Map<String, List<String>> inUse = new TreeMap<>(providers.providersInUse());
    out.println("\nModels:" + (inUse.isEmpty() ? " none (structured requests need none)" : ""));
    inUse.forEach(
        (name, models) -> {
          Optional<Endpoint> e = providers.endpoint(name);
          out.println(
              "  "
                  + name
                  + ": "
                  + e.map(
                          x ->
                              x.baseUrl()
                                  + ", key from "
                                  + x.keyVariable()
                                  + (x.key().isPresent() ? " (set)" : " (not set)"))
                      .orElse(
                          "named by a model but not configured (models.providers." + name + ")"));
        });
  }

  private void notTakenOver(PrintWriter out) {
    List<ConfigProblem> notes =
        ctx.loaded().problems().stream()
            .filter(p -> p.severity() != ConfigProblem.Severity.ERROR)
            .toList();
    out.println("\nNot taken over, and warnings:" + (notes.isEmpty() ? " none" : ""));
    for (ConfigProblem p : notes) {
      out.println(
          "  "
              + p.severity().name().toLowerCase(java.util.Locale.ROOT)
              + ": "
              + p.path()
              + ": "
              + p.message());
    }
  }

  private static String clip(String text, int max) {
    String line = text.lines().findFirst().orElse("");
    return line.length() <= max ? line : line.substring(0, max - 1) + "…";
  }
}
