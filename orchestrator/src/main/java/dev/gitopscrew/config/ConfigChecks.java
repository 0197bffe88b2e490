package dev.gitopscrew.config;

import dev.gitopscrew.config.ConfigProblem.Severity;
import dev.gitopscrew.config.CrewConfig.AgentEntry;
import dev.gitopscrew.roles.KnownAgent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks that need more than the shape of the file: allowed values and references. */
final class ConfigChecks {

  private static final Set<String> GROUP_POLICIES = Set.of("open", "allowlist", "disabled");
  private static final Set<String> DM_POLICIES = Set.of("open", "allowlist", "pairing", "disabled");
  private static final Set<String> VISIBILITIES = Set.of("self", "tree", "agent", "all");
  private static final Set<String> FORGES = Set.of("github", "azure-devops", "local");
  private static final Set<String> SEVERITIES = Set.of("SEV-1", "SEV-2", "SEV-3", "SEV-4");
  private static final Set<String> BREAKING_BELOW_ONE = Set.of("minor", "major");

  private final Path file;
  private final LineIndex lines;
  private final List<ConfigProblem> problems = new ArrayList<>();

  ConfigChecks(Path file, LineIndex lines) {
    this.file = file;
    this.lines = lines;
  }

  List<ConfigProblem> check(CrewConfig config) {
    checkAgents(config);
    var discord = config.channels().discord();
    oneOf("channels.discord.groupPolicy", discord.groupPolicy(), GROUP_POLICIES);
    oneOf("channels.discord.dmPolicy", discord.dmPolicy(), DM_POLICIES);
    if (discord.apiBaseUrl() != null && !discord.apiBaseUrl().matches("https?://\\S+")) {
      add(
          Severity.ERROR,
          "channels.discord.apiBaseUrl",
          "expected an http(s) URL such as https://discord.com/api/v10");
    }
    if (discord.alertsChannel() != null
        && discord.guilds().values().stream()
            .noneMatch(g -> g.channels().containsKey(discord.alertsChannel()))) {
      add(
          Severity.WARNING,
          "channels.discord.alertsChannel",
          "channel "
              + discord.alertsChannel()
              + " is in no guild's channels, so nobody may approve from it (give it users)");
    }
    if (discord.isEnabled()) {
      checkApprovers(discord);
    }
    oneOf("tools.sessions.visibility", config.tools().sessions().visibility(), VISIBILITIES);
    var subagents = config.agents().defaults().subagents();
    positive("agents.defaults.subagents.maxSpawnDepth", subagents.maxSpawnDepth());
    positive("agents.defaults.subagents.maxConcurrent", subagents.maxConcurrent());
    positive("agents.defaults.subagents.maxChildrenPerAgent", subagents.maxChildrenPerAgent());
    positive("agents.defaults.subagents.runTimeoutSeconds", subagents.runTimeoutSeconds());
    if (config.gateway().port() != null
        && (config.gateway().port() < 1 || config.gateway().port() > 65535)) {
      add(Severity.ERROR, "gateway.port", "expected a port from 1 to 65535");
    }
    if (config.state().url() != null && !config.state().url().startsWith("jdbc:postgresql://")) {
      add(
          Severity.ERROR,
          "state.url",
          "expected a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/crew (the password"
              + " goes in CREW_STATE_PASSWORD), or no state.url for the embedded store");
    }
    var release = config.release();
    oneOf("release.breakingBelowOne", release.breakingBelowOne(), BREAKING_BELOW_ONE);
    if (release.firstVersion() != null
        && !release.firstVersion().matches("v(0|[1-9][0-9]{0,8})(\\.(0|[1-9][0-9]{0,8})){2}")) {
      add(Severity.ERROR, "release.firstVersion", "expected a version like v0.1.0");
    }
    if (release.repository() != null
        && !config.git().repositories().isEmpty()
        && !config.git().repositories().containsKey(release.repository())) {
      add(
          Severity.ERROR,
          "release.repository",
          "no repository '" + release.repository() + "' in git.repositories");
    }
    for (var repo : config.git().repositories().entrySet()) {
      String path = "git.repositories." + repo.getKey();
      oneOf(path + ".forge", repo.getValue().forge(), FORGES);
      if ("azure-devops".equals(repo.getValue().forge())
          && (repo.getValue().organization() == null || repo.getValue().project() == null)) {
        add(Severity.ERROR, path, "an azure-devops repository needs 'organization' and 'project'");
      }
    }
    checkFootprint(config.git().footprint());
    checkIncident(config.incident(), config.git().repositories().keySet());
    new ModelChecks(this::add).check(config);
    checkSchedules(config);
    return problems;
  }

  /** Each schedule as the crew will read it (docs/schedules.md); names are unique. */
  private void checkSchedules(CrewConfig config) {
    Set<String> names = new HashSet<>();
    var catalogue = dev.gitopscrew.roles.catalogue.RequestCatalogue.standard();
    String zone = config.agents().defaults().userTimezone();
    if (zone != null && !config.schedules().isEmpty()) {
      try {
        java.time.ZoneId.of(zone);
      } catch (java.time.DateTimeException e) {
        add(
            Severity.ERROR,
            "agents.defaults.userTimezone",
            "not a time zone: \""
                + zone
                + "\" (such as Europe/Paris); schedules read their times in it");
      }
    }
    config
        .mcpServers()
        .forEach(
            (name, entry) ->
                entry
                    .problem()
                    .ifPresent(
                        p -> add(Severity.ERROR, "mcpServers." + name + p.key(), p.message())));
    for (int i = 0; i < config.schedules().size(); i++) {
      String path = "schedules[" + i + "]";
      var entry = config.schedules().get(i);
      try {
        var schedule =
            entry.spec().read(config.scheduleZone(), catalogue, config.schedulesPlanFreeText());
        if (schedule.nextAfter(java.time.Instant.now()).isEmpty()) {
          add(
              Severity.ERROR,
              path + (schedule.hours().isPresent() ? ".activeHours" : ""),
              "no slot of "
                  + schedule.timing().describe()
                  + schedule
                      .hours()
                      .map(h -> " falls within " + h.describe())
                      .orElse(" ever comes"));
        }
        if (!names.add(entry.name())) {
          add(Severity.ERROR, path + ".name", "schedule '" + entry.name() + "' is defined twice");
        }
      } catch (dev.gitopscrew.schedule.ScheduleSpec.Invalid e) {
        add(Severity.ERROR, path + "." + e.key(), e.getMessage());
      }
    }
  }

  /**
   * Without a {@code users} list (channel, else guild) nobody may approve from Discord and anyone
   * in the channel may ask: a warning naming where, and the recommended shape (a guild list).
   */
  private void checkApprovers(CrewConfig.DiscordSection discord) {
    String policy = discord.groupPolicyOrDefault();
    if (policy.equals("disabled")) {
      return;
    }
    String consequence =
        ": nobody can approve from Discord (only crew approve or the API), and anyone who can"
            + " write there can ask the crew; add \"users\": [\"<your Discord user id>\"] to the"
            + " guild (docs/discord.md#who-may-ask-and-approve)";
    if (policy.equals("open")) {
      add(
          Severity.WARNING,
          "channels.discord.groupPolicy",
          "open: channels of guilds not listed under guilds have no users list" + consequence);
    }
    for (var g : discord.guilds().entrySet()) {
      var guild = g.getValue();
      if (guild.users() != null) {
        continue;
      }
      String path = "channels.discord.guilds." + g.getKey();
      List<String> open =
          guild.channels().entrySet().stream()
              .filter(c -> c.getValue().allowed() && c.getValue().users() == null)
              .map(Map.Entry::getKey)
              .sorted()
              .toList();
      if (guild.channels().isEmpty()) {
        add(Severity.WARNING, path, "no users list on the guild" + consequence);
      } else if (!open.isEmpty()) {
        add(
            Severity.WARNING,
            path,
            "no users list on the guild or on its channel"
                + (open.size() > 1 ? "s " : " ")
                + String.join(", ", open)
                + consequence);
      }
    }
  }

  /** The label scheme of {@code git.footprint}, as the Git workflow will read it. */
  private void checkFootprint(CrewConfig.Footprint footprint) {
    var l = footprint.labels();
    try {
      new dev.gitopscrew.git.LabelScheme(l.type(), l.area(), l.priority(), footprint.areas());
    } catch (dev.gitopscrew.git.LabelScheme.Invalid e) {
      add(Severity.ERROR, "git.footprint." + e.key(), e.reason());
    }
  }

  private void checkIncident(CrewConfig.IncidentSection incident, Set<String> repositories) {
    if (incident.repository() != null
        && !repositories.isEmpty()
        && !repositories.contains(incident.repository())) {
      add(
          Severity.ERROR,
          "incident.repository",
          "'"
              + incident.repository()
              + "' is not one of git.repositories "
              + repositories.stream().sorted().toList());
    }
    positive("incident.verifyWaitSeconds", incident.verifyWaitSeconds());
    if (incident.sweepMinutes() != null && incident.sweepMinutes() < 0) {
      add(
          Severity.ERROR,
          "incident.sweepMinutes",
          "expected 0 (no sweep) or more minutes, found " + incident.sweepMinutes());
    }
    for (int i = 0; i < incident.severity().size(); i++) {
      var rule = incident.severity().get(i);
      String path = "incident.severity[" + i + "]";
      oneOf(path + ".severity", rule.severity(), SEVERITIES);
      if (rule.app() != null) {
        try {
          java.util.regex.Pattern.compile(rule.app());
        } catch (java.util.regex.PatternSyntaxException e) {
          add(Severity.ERROR, path + ".app", "not a regular expression: " + e.getDescription());
        }
      }
    }
  }

  private String defaultAgentPath;

  /** The default agent homelab-admin takes the place of has a note of its own (DefaultAgent). */
  private boolean adopted(String path) {
    return path.equals(defaultAgentPath);
  }

  private void checkAgents(CrewConfig config) {
    defaultAgentPath = DefaultAgent.foreign(config).map(DefaultAgent.Found::path).orElse(null);
    Set<String> seen = new HashSet<>();
    List<AgentEntry> list = config.agents().list();
    for (int i = 0; i < list.size(); i++) {
      checkAgent("agents.list[" + i + "]", list.get(i), seen);
    }
    for (Map.Entry<String, AgentEntry> e : config.agents().entries().entrySet()) {
      checkAgent("agents.entries." + e.getKey(), e.getValue().withId(e.getKey()), seen);
    }
  }

  private void checkAgent(String path, AgentEntry agent, Set<String> seen) {
    if (agent.id() == null || agent.id().isBlank()) {
      add(Severity.ERROR, path, "missing required value 'id'");
      return;
    }
    if (!seen.add(agent.id())) {
      add(Severity.ERROR, path + ".id", "agent '" + agent.id() + "' is defined twice");
    }
    if (KnownAgent.byId(agent.id()).isEmpty() && !adopted(path)) {
      add(Severity.NOTE, path, "agent '" + agent.id() + "' is not a GitOps Crew agent; ignored");
    }
  }

  private void oneOf(String path, String value, Set<String> allowed) {
    if (value != null && !allowed.contains(value)) {
      add(
          Severity.ERROR,
          path,
          "expected one of " + allowed.stream().sorted().toList() + ", found \"" + value + "\"");
    }
  }

  private void positive(String path, Integer value) {
    if (value != null && value < 1) {
      add(Severity.ERROR, path, "expected a whole number of at least 1, found " + value);
    }
  }

  private void add(Severity severity, String path, String message) {
    problems.add(new ConfigProblem(severity, file, path, lines.lineOf(path), message));
  }
}
