package dev.gitopscrew.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The whole configuration file. Agent, channel, skill, tool, gateway and model sections use the
 * OpenClaw key names, so an existing {@code openclaw.json} can be pointed at directly; {@code git},
 * {@code release}, {@code incident}, {@code kubernetes} and {@code state} are GitOps Crew's own.
 */
public record CrewConfig(
    AgentsSection agents,
    ChannelsSection channels,
    SkillsSection skills,
    ToolsSection tools,
    GatewaySection gateway,
    ModelsSection models,
    GitSection git,
    ReleaseSection release,
    IncidentSection incident,
    KubernetesSection kubernetes,
    StateSection state,
    List<ScheduleEntry> schedules,
    CronSection cron,
    Map<String, McpServerEntry> mcpServers) {

  public CrewConfig {
    agents = agents != null ? agents : new AgentsSection(null, null, null);
    channels = channels != null ? channels : new ChannelsSection(null);
    skills = skills != null ? skills : new SkillsSection(null);
    tools = tools != null ? tools : new ToolsSection(null, null);
    gateway = gateway != null ? gateway : new GatewaySection(null, null, null);
    models = models != null ? models : new ModelsSection(null);
    git = git != null ? git : new GitSection(null, null);
    release = release != null ? release : new ReleaseSection(null, null, null);
    incident =
        incident != null ? incident : new IncidentSection(null, null, null, null, null, null, null);
    kubernetes =
        kubernetes != null
            ? kubernetes
            : new KubernetesSection(null, null, null, null, null, null, null);
    state = state != null ? state : new StateSection(null, null, null);
    schedules = schedules != null ? List.copyOf(schedules) : List.of();
    mcpServers =
        mcpServers != null
            ? java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(mcpServers))
            : Map.of();
  }

  /** The configuration a newcomer gets with no file at all. */
  public static CrewConfig defaults() {
    return new CrewConfig(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  public record AgentsSection(
      AgentDefaults defaults, List<AgentEntry> list, Map<String, AgentEntry> entries) {
    public AgentsSection {
      defaults =
          defaults != null ? defaults : new AgentDefaults(null, null, null, null, null, null);
      list = list != null ? List.copyOf(list) : List.of();
      entries = entries != null ? Map.copyOf(entries) : Map.of();
    }
  }

  /**
   * @param workspace OpenClaw's agent workspace, where its {@code HEARTBEAT.md} is
   * @param heartbeat OpenClaw's heartbeat, read into a schedule (docs/schedules.md)
   */
  public record AgentDefaults(
      ModelRef model,
      List<String> skills,
      SubagentDefaults subagents,
      String userTimezone,
      String workspace,
      Heartbeat heartbeat) {
    public AgentDefaults {
      subagents =
          subagents != null ? subagents : new SubagentDefaults(null, null, null, null, null);
    }
  }

  public record SubagentDefaults(
      Integer maxSpawnDepth,
      Integer maxConcurrent,
      Integer maxChildrenPerAgent,
      Integer archiveAfterMinutes,
      Integer runTimeoutSeconds) {
    public int maxSpawnDepthOrDefault() {
      return maxSpawnDepth != null ? maxSpawnDepth : 2;
    }

    public int maxConcurrentOrDefault() {
      return maxConcurrent != null ? maxConcurrent : 8;
    }

    public int maxChildrenPerAgentOrDefault() {
      return maxChildrenPerAgent != null ? maxChildrenPerAgent : 5;
    }

    public int archiveAfterMinutesOrDefault() {
      return archiveAfterMinutes != null ? archiveAfterMinutes : 60;
    }

    public int runTimeoutSecondsOrDefault() {
      return runTimeoutSeconds != null && runTimeoutSeconds > 0 ? runTimeoutSeconds : 900;
    }
  }

  /**
   * One agent, from {@code agents.list[]} or {@code agents.entries.<id>}. {@code skills} null means
   * the defaults; an empty list means none.
   */
  public record AgentEntry(
      String id,
      String name,
      @JsonProperty("default") Boolean isDefault,
      String workspace,
      ModelRef model,
      List<String> skills,
      AgentSubagents subagents,
      JsonNode identity) {
    public AgentEntry withId(String newId) {
      return new AgentEntry(newId, name, isDefault, workspace, model, skills, subagents, identity);
    }
  }

  public record AgentSubagents(List<String> allowAgents, ModelRef model) {}

  public record ChannelsSection(DiscordSection discord, PullRequestsSection pullRequests) {
    public ChannelsSection {
      discord =
          discord != null ? discord : new DiscordSection(null, null, null, null, null, null, null);
      pullRequests = pullRequests != null ? pullRequests : new PullRequestsSection(null, null);
    }

    public ChannelsSection(DiscordSection discord) {
      this(discord, null);
    }
  }

  /**
   * Pull requests as a channel (docs/pull-requests.md).
   *
   * @param users forge logins (GitHub) or unique names (Azure DevOps) who may run {@code /crew}
   *     commands besides those the forge says may push
   * @param accessCacheSeconds how long the forge's answer on a user's write access is kept
   */
  public record PullRequestsSection(List<String> users, Integer accessCacheSeconds) {
    public PullRequestsSection {
      users = users != null ? List.copyOf(users) : List.of();
    }

    public int accessCacheSecondsOrDefault() {
      return accessCacheSeconds == null ? 300 : accessCacheSeconds;
    }
  }

  /**
   * {@code allowFrom}: the user ids a DM is accepted from under {@code dmPolicy} allowlist or
   * pairing; {@code apiBaseUrl}: Discord's REST base (and gateway discovery), for a proxy or a test
   * double; {@code alertsChannel}: the channel id incident alerts and approvals are posted to.
   */
  public record DiscordSection(
      Boolean enabled,
      String groupPolicy,
      String dmPolicy,
      Map<String, GuildConfig> guilds,
      List<String> allowFrom,
      String apiBaseUrl,
      String alertsChannel) {
    public static final String DEFAULT_API_BASE_URL = "https://discord.com/api/v10";

    public DiscordSection {
      guilds = guilds != null ? Map.copyOf(guilds) : Map.of();
      allowFrom = allowFrom != null ? List.copyOf(allowFrom) : List.of();
    }

    public String apiBaseUrlOrDefault() {
      return apiBaseUrl != null && !apiBaseUrl.isBlank()
          ? apiBaseUrl.replaceAll("/+$", "")
          : DEFAULT_API_BASE_URL;
    }

    public boolean isEnabled() {
      return Boolean.TRUE.equals(enabled);
    }

    public String groupPolicyOrDefault() {
      return groupPolicy != null ? groupPolicy : "allowlist";
    }

    public String dmPolicyOrDefault() {
      return dmPolicy != null ? dmPolicy : "disabled";
    }
  }

  /**
   * A guild; {@code scopeDelegates} is the default of its channels' {@code scopeDelegates} (GitOps
   * Crew's own key).
   */
  public record GuildConfig(
      String slug,
      Boolean requireMention,
      List<String> users,
      Map<String, ChannelConfig> channels,
      Boolean scopeDelegates) {
    public GuildConfig {
      channels = channels != null ? Map.copyOf(channels) : Map.of();
    }

    public GuildConfig(
        String slug,
        Boolean requireMention,
        List<String> users,
        Map<String, ChannelConfig> channels) {
      this(slug, requireMention, users, channels, null);
    }
  }

  /**
   * A guild channel; {@code skills} null means no extra restriction (the agent's own skills).
   * GitOps Crew's own keys: {@code scopeDelegates} true narrows every agent a request reaches by
   * {@code skills}, not only the answering one; {@code crewAnswers} true takes a channel that
   * belongs to another agent over, false leaves a channel alone (null: decided from its skills and
   * prompt).
   */
  public record ChannelConfig(
      Boolean allow,
      Boolean enabled,
      Boolean requireMention,
      String systemPrompt,
      List<String> skills,
      List<String> users,
      Boolean scopeDelegates,
      Boolean crewAnswers) {
    public ChannelConfig(
        Boolean allow,
        Boolean enabled,
        Boolean requireMention,
        String systemPrompt,
        List<String> skills,
        List<String> users) {
      this(allow, enabled, requireMention, systemPrompt, skills, users, null, null);
    }

    public boolean allowed() {
      return !Boolean.FALSE.equals(allow) && !Boolean.FALSE.equals(enabled);
    }
  }

  public record SkillsSection(SkillsLoad load) {
    public List<String> extraDirs() {
      return load == null || load.extraDirs() == null ? List.of() : load.extraDirs();
    }
  }

  public record SkillsLoad(List<String> extraDirs) {}

  public record ToolsSection(AgentToAgent agentToAgent, SessionsTool sessions) {
    public ToolsSection {
      agentToAgent = agentToAgent != null ? agentToAgent : new AgentToAgent(null, null);
      sessions = sessions != null ? sessions : new SessionsTool(null);
    }
  }

  /** Absent means enabled for every known agent, so the embedded defaults can spawn. */
  public record AgentToAgent(Boolean enabled, List<String> allow) {
    public boolean isEnabled() {
      return !Boolean.FALSE.equals(enabled);
    }
  }

  public record SessionsTool(String visibility) {
    public String visibilityOrDefault() {
      return visibility != null ? visibility : "tree";
    }
  }

  public record GatewaySection(String bind, Integer port, List<String> trustedProxies) {
    public GatewaySection {
      trustedProxies = trustedProxies != null ? List.copyOf(trustedProxies) : List.of();
    }
  }

  /**
   * {@code models}: the providers, and GitOps Crew's own bounds on a model turn: how long one
   * completion may take and how long a turn may spend on failed attempts and waiting.
   */
  public record ModelsSection(
      Map<String, ModelProvider> providers,
      Integer requestTimeoutSeconds,
      Integer retryBudgetSeconds) {
    public ModelsSection {
      providers = providers != null ? Map.copyOf(providers) : Map.of();
    }

    public ModelsSection(Map<String, ModelProvider> providers) {
      this(providers, null, null);
    }

    public int requestTimeoutSecondsOrDefault() {
      return requestTimeoutSeconds != null && requestTimeoutSeconds > 0
          ? requestTimeoutSeconds
          : 60;
    }

    public int retryBudgetSecondsOrDefault() {
      return retryBudgetSeconds != null && retryBudgetSeconds >= 0 ? retryBudgetSeconds : 90;
    }
  }

  /** A model provider; {@code baseUrl} may be left out for a built-in name such as openrouter. */
  public record ModelProvider(
      String baseUrl, String api, String apiKeyEnv, List<ModelEntry> models) {
    public ModelProvider {
      models = models != null ? List.copyOf(models) : List.of();
    }

    public String apiOrDefault() {
      return api != null ? api : "openai-completions";
    }

    /** The variable holding this provider's key: {@code apiKeyEnv}, else {@code <NAME>_API_KEY}. */
    public String apiKeyEnvFor(String providerName) {
      if (apiKeyEnv != null) {
        return apiKeyEnv;
      }
      return providerName.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_")
          + "_API_KEY";
    }
  }

  public record ModelEntry(@JsonProperty(required = true) String id, String name) {}

  public record GitSection(Footprint footprint, Map<String, RepositoryConfig> repositories) {
    public GitSection {
      footprint = footprint != null ? footprint : new Footprint(null, null, null, null);
      repositories = repositories != null ? Map.copyOf(repositories) : Map.of();
    }
  }

  /**
   * @param labels the prefixes of the type, area and priority labels ({@code git.footprint.labels})
   * @param areas the crew's area (a namespace, gitops, security; {@code "*"} any other) to the
   *     repository's
   */
  public record Footprint(
      String domain, String footer, FootprintLabels labels, Map<String, String> areas) {
    public Footprint {
      labels = labels != null ? labels : new FootprintLabels(null, null, null);
      areas =
          areas != null
              ? java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(areas))
              : Map.of();
    }

    public String domainOrDefault() {
      return domain != null ? domain : "gitops-crew.local";
    }

    public String footerOrDefault() {
      return footer != null ? footer : "GitOps Crew";
    }
  }

  /** {@code git.footprint.labels}: label prefixes, like {@code "type:"}; null keeps the crew's. */
  public record FootprintLabels(String type, String area, String priority) {}

  public record RepositoryConfig(
      @JsonProperty(required = true) String forge,
      @JsonProperty(required = true) String url,
      String apiUrl,
      String organization,
      String project,
      String defaultBranch) {}

  /**
   * @param repository the repository {@code crew release} uses when {@code --repo} is not given
   * @param firstVersion the least version of a repository's first release ({@code v0.1.0})
   * @param breakingBelowOne what a breaking change does below 1.0.0: {@code minor} (the default) or
   *     {@code major}
   */
  public record ReleaseSection(String repository, String firstVersion, String breakingBelowOne) {
    public String firstVersionOrDefault() {
      return firstVersion != null ? firstVersion : "v0.1.0";
    }

    public boolean breakingBumpsMajorBelowOne() {
      return "major".equals(breakingBelowOne);
    }
  }

  /**
   * @param severity the operator's severity rules, tried before the built-in ones
   * @param repository where incident issues go when an application's own repository is not
   *     configured
   * @param verifyWaitSeconds how long verification after a runbook waits for the application
   * @param sweepMinutes how often the gateway re-reads every Application (0: never)
   */
  public record IncidentSection(
      ArgoCdConfig argocd,
      List<HealthEndpoint> healthEndpoints,
      JsonNode runbooks,
      List<SeverityRule> severity,
      String repository,
      Integer verifyWaitSeconds,
      Integer sweepMinutes) {
    public IncidentSection {
      healthEndpoints = healthEndpoints != null ? List.copyOf(healthEndpoints) : List.of();
      severity = severity != null ? List.copyOf(severity) : List.of();
    }

    public int verifyWaitSecondsOrDefault() {
      return verifyWaitSeconds != null ? verifyWaitSeconds : 180;
    }

    public int sweepMinutesOrDefault() {
      return sweepMinutes != null ? sweepMinutes : 5;
    }

    public String argocdNamespace() {
      return argocd != null && argocd.namespace() != null ? argocd.namespace() : "argocd";
    }
  }

  /**
   * One severity rule; every condition given must hold.
   *
   * @param app a regular expression the application's name must match
   * @param health Argo CD health states, any of which
   * @param findings triage patterns ({@code crash-loop}, {@code oom-killed}…), any of which
   */
  public record SeverityRule(
      String app,
      List<String> health,
      List<String> findings,
      @JsonProperty(required = true) String severity) {}

  public record ArgoCdConfig(String namespace, String url) {}

  public record HealthEndpoint(
      @JsonProperty(required = true) String name, @JsonProperty(required = true) String url) {}

  /**
   * {@code namespace} is the bot's own (default {@code gitops-crew}); {@code rbacFile} an
   * operator's rbac.yaml for the guard (default: the packaged deploy/k8s/rbac.yaml); {@code
   * serviceAccount} the bot's account in that file as {@code namespace/name}.
   */
  public record KubernetesSection(
      Boolean enabled,
      String context,
      String namespace,
      String rbacFile,
      String serviceAccount,
      Boolean leaderElection,
      Integer leaseDurationSeconds) {

    /** How long the leader's Lease lasts unrenewed: the longest a failover takes (default 15). */
    public java.time.Duration leaseDuration() {
      return java.time.Duration.ofSeconds(
          leaseDurationSeconds != null && leaseDurationSeconds > 2 ? leaseDurationSeconds : 15);
    }
  }

  /** {@code url} null means the embedded store under the state directory. */
  public record StateSection(String dir, String url, String user) {}

  /**
   * One entry of {@code schedules} as written: a request line run at {@code cron} times (in {@code
   * timezone}) or {@code every} so long; read and checked by {@code schedule.ScheduleSpec}
   * (docs/schedules.md).
   */
  public record ScheduleEntry(
      String name,
      String cron,
      String timezone,
      String every,
      String request,
      String target,
      String post,
      ActiveHours activeHours,
      String catchUp) {

    public dev.gitopscrew.schedule.ScheduleSpec spec() {
      return new dev.gitopscrew.schedule.ScheduleSpec(
          name,
          cron,
          timezone,
          every,
          request,
          target,
          post,
          activeHours == null ? null : activeHours.start(),
          activeHours == null ? null : activeHours.end(),
          catchUp);
    }
  }

  /**
   * The zone of schedules with none of their own: {@code agents.defaults.userTimezone}, else UTC.
   */
  /**
   * The model {@code agentId} plans free text with: its entry's in {@code agents.list}, else in
   * {@code agents}, else {@code agents.defaults.model}; null when it has none.
   */
  public ModelRef modelOf(String agentId) {
    return agents.list().stream()
        .filter(e -> agentId.equals(e.id()) && e.model() != null)
        .map(AgentEntry::model)
        .findFirst()
        .or(
            () ->
                java.util.Optional.ofNullable(agents.entries().get(agentId)).map(AgentEntry::model))
        .orElse(agents.defaults().model());
  }

  /**
   * Whether a schedule's free text can be planned: homelab-admin, which answers it, has a model.
   */
  public boolean schedulesPlanFreeText() {
    ModelRef ref = modelOf("homelab-admin");
    return ref != null && ref.primary() != null && !ref.primary().isBlank();
  }

  public java.time.ZoneId scheduleZone() {
    String zone = agents.defaults().userTimezone();
    try {
      return java.time.ZoneId.of(zone == null ? "UTC" : zone);
    } catch (java.time.DateTimeException e) {
      return java.time.ZoneId.of("UTC");
    }
  }

  /** OpenClaw's heartbeat shape: {@code {start: "08:00", end: "23:00"}}. */
  public record ActiveHours(String start, String end) {}

  /**
   * OpenClaw's {@code agents.defaults.heartbeat}: the keys the crew reads into its heartbeat
   * schedule; the others (prompt, model…) are noted as not used.
   *
   * @param to the recipient within {@code target}: {@code channel:<id>} names a Discord channel
   */
  public record Heartbeat(String every, String target, String to, HeartbeatHours activeHours) {}

  /**
   * @param timezone an IANA zone, {@code user} ({@code agents.defaults.userTimezone}) or {@code
   *     local} (this machine's)
   */
  public record HeartbeatHours(String start, String end, String timezone) {}

  /**
   * OpenClaw's {@code cron} (null when the file has none): whether its jobs run, and the file they
   * are kept in (default {@code ~/.openclaw/cron/jobs.json}); the jobs whose message is a request
   * become schedules.
   */
  public record CronSection(Boolean enabled, String store) {}

  /** The same configuration with these schedules (the file's and those taken over). */
  public CrewConfig withSchedules(List<ScheduleEntry> all) {
    return new CrewConfig(
        agents,
        channels,
        skills,
        tools,
        gateway,
        models,
        git,
        release,
        incident,
        kubernetes,
        state,
        all,
        cron,
        mcpServers);
  }
}
