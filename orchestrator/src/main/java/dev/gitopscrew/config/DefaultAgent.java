package dev.gitopscrew.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.config.CrewConfig.AgentEntry;
import dev.gitopscrew.config.CrewConfig.AgentsSection;
import dev.gitopscrew.roles.KnownAgent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * OpenClaw's default agent (the one with {@code default: true}, else the first of {@code
 * agents.list}) is the one that answers whatever no binding routes elsewhere; in GitOps Crew that
 * is homelab-admin. When the default agent is not a GitOps Crew agent (seed 000's {@code main}),
 * homelab-admin takes its place: its {@code model} (primary and fallbacks) and {@code identity}
 * become homelab-admin's, unless homelab-admin has its own, and a note says so.
 */
final class DefaultAgent {

  static final String HOMELAB_ADMIN = KnownAgent.HOMELAB_ADMIN.id();

  /** Where a note goes: the JSON path and the message. */
  @FunctionalInterface
  interface Notes {
    void note(String path, String message);
  }

  /** The path and entry of the default agent when it is not a GitOps Crew agent. */
  record Found(String path, AgentEntry entry) {}

  private DefaultAgent() {}

  static Optional<Found> foreign(CrewConfig config) {
    List<AgentEntry> list = config.agents().list();
    for (int i = 0; i < list.size(); i++) {
      AgentEntry e = list.get(i);
      if (Boolean.TRUE.equals(e.isDefault())) {
        return foreign("agents.list[" + i + "]", e);
      }
    }
    for (Map.Entry<String, AgentEntry> e : config.agents().entries().entrySet()) {
      if (Boolean.TRUE.equals(e.getValue().isDefault())) {
        return foreign("agents.entries." + e.getKey(), e.getValue().withId(e.getKey()));
      }
    }
    // as in OpenClaw: with no default: true anywhere, the first agent of agents.list is the default
    return list.isEmpty() ? Optional.empty() : foreign("agents.list[0]", list.get(0));
  }

  private static Optional<Found> foreign(String path, AgentEntry entry) {
    return entry.id() == null || KnownAgent.byId(entry.id()).isPresent()
        ? Optional.empty()
        : Optional.of(new Found(path, entry));
  }

  /** {@code config} with homelab-admin holding the foreign default agent's model and identity. */
  static CrewConfig adopt(CrewConfig config, Notes notes) {
    Optional<Found> found = foreign(config);
    if (found.isEmpty()) {
      return config;
    }
    AgentEntry main = found.get().entry();
    AgentsSection agents = config.agents();
    List<AgentEntry> list = new ArrayList<>(agents.list());
    Map<String, AgentEntry> entries = new LinkedHashMap<>(agents.entries());
    int index = -1;
    for (int i = 0; i < list.size(); i++) {
      if (HOMELAB_ADMIN.equals(list.get(i).id())) {
        index = i;
        break;
      }
    }
    AgentEntry admin =
        index >= 0
            ? list.get(index)
            : entries.containsKey(HOMELAB_ADMIN)
                ? entries.get(HOMELAB_ADMIN).withId(HOMELAB_ADMIN)
                : new AgentEntry(HOMELAB_ADMIN, null, null, null, null, null, null, null);
    List<String> taken = new ArrayList<>();
    List<String> kept = new ArrayList<>();
    ModelRef model = admin.model();
    if (main.model() != null) {
      if (model == null) {
        model = main.model();
        taken.add("its model " + describe(main.model()));
      } else {
        kept.add("its own model " + describe(model));
      }
    }
    JsonNode identity = admin.identity();
    if (main.identity() != null && !main.identity().isNull()) {
      if (identity == null || identity.isNull()) {
        identity = main.identity();
        taken.add("its identity" + describe(identity));
      } else {
        kept.add("its own identity");
      }
    }
    String message =
        "agent '"
            + main.id()
            + "' is OpenClaw's default agent, not a GitOps Crew agent: homelab-admin, the crew's"
            + " entry point, answers in its place"
            + (taken.isEmpty() ? "" : " with " + String.join(" and ", taken))
            + (kept.isEmpty() ? "" : "; homelab-admin keeps " + String.join(" and ", kept));
    notes.note(found.get().path(), message);
    if (taken.isEmpty()) {
      return config;
    }
    AgentEntry adopted =
        new AgentEntry(
            HOMELAB_ADMIN,
            admin.name(),
            admin.isDefault(),
            admin.workspace(),
            model,
            admin.skills(),
            admin.subagents(),
            identity);
    if (index >= 0) {
      list.set(index, adopted);
    } else if (entries.containsKey(HOMELAB_ADMIN)) {
      entries.put(HOMELAB_ADMIN, adopted);
    } else {
      list.add(adopted);
    }
    return new CrewConfig(
        new AgentsSection(agents.defaults(), list, entries),
        config.channels(),
        config.skills(),
        config.tools(),
        config.gateway(),
        config.models(),
        config.git(),
        config.release(),
        config.incident(),
        config.kubernetes(),
        config.state(),
        config.schedules(),
        config.cron(),
        config.mcpServers());
  }

  private static String describe(ModelRef ref) {
    return ref.primary()
        + (ref.fallbacks().isEmpty()
            ? ""
            : " (fallbacks " + String.join(", ", ref.fallbacks()) + ")");
  }

  private static String describe(JsonNode identity) {
    List<String> parts = new ArrayList<>();
    for (String key : List.of("name", "emoji")) {
      JsonNode v = identity.path(key);
      if (v.isTextual() && !v.asText().isBlank()) {
        parts.add(v.asText());
      }
    }
    return parts.isEmpty() ? "" : " (" + String.join(" ", parts) + ")";
  }
}
