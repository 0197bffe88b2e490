package dev.gitopscrew.git;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a repository spells the footprint's labels ({@code git.footprint.labels} and {@code
 * git.footprint.areas}): the prefix of the type, area and priority labels, and the area a team uses
 * for each of the crew's own (a namespace, {@code gitops}, {@code security}); {@code "*"} maps
 * every area not listed, so an OpenClaw homelab's {@code area:k8s} replaces the crew's namespaces.
 *
 * @param type the prefix of the type label ({@code type:} gives {@code type:feat})
 * @param area the prefix of the area labels
 * @param priority the prefix of the priority label
 * @param areas the crew's area to the repository's; {@code "*"} for any other
 */
public record LabelScheme(String type, String area, String priority, Map<String, String> areas) {

  public static final String DEFAULT_TYPE = "type:";
  public static final String DEFAULT_AREA = "area:";
  public static final String DEFAULT_PRIORITY = "priority:";

  /** The agent label's prefix: it finds the crew's own issues again, so it is not configurable. */
  public static final String AGENT = "agent:";

  /** The label that asks a release for a MAJOR bump (PRODUCT.md section 7). */
  public static final String BREAKING = "semver:breaking";

  /** Every area not listed in {@link #areas()}. */
  public static final String ANY_AREA = "*";

  private static final String PREFIX = "[A-Za-z0-9][A-Za-z0-9._/-]{0,29}[:/_.-]?";
  private static final String WORD = "[a-z0-9][a-z0-9._-]{0,40}";

  /**
   * @throws Invalid naming the key ({@code labels.type}, {@code areas.gitops}) and what is wrong
   */
  public LabelScheme {
    type = prefix("labels.type", type, DEFAULT_TYPE);
    area = prefix("labels.area", area, DEFAULT_AREA);
    priority = prefix("labels.priority", priority, DEFAULT_PRIORITY);
    if (type.equals(area) || type.equals(priority) || area.equals(priority)) {
      throw new Invalid(
          "labels",
          "the type, area and priority prefixes must differ, got '"
              + type
              + "', '"
              + area
              + "' and '"
              + priority
              + "'");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    if (areas != null) {
      for (Map.Entry<String, String> e : areas.entrySet()) {
        String key = e.getKey() == null ? "" : e.getKey().strip();
        if (!key.equals(ANY_AREA) && !key.matches(WORD)) {
          throw new Invalid(
              "areas." + key,
              "'"
                  + key
                  + "' is not an area the crew uses: a namespace, gitops or security (lower-case"
                  + " letters, digits, '.', '_' or '-'), or \"*\" for every other");
        }
        String value = e.getValue() == null ? "" : e.getValue().strip();
        if (!value.matches(WORD)) {
          throw new Invalid(
              "areas." + key,
              "the area '"
                  + value
                  + "' must be lower-case letters, digits, '.', '_' or '-' (like k8s), without"
                  + " the prefix '"
                  + area
                  + "'");
        }
        copy.put(key, value);
      }
    }
    areas = java.util.Collections.unmodifiableMap(copy);
  }

  /** GitOps Crew's own: {@code type:}, {@code area:}, {@code priority:}, areas as they are. */
  public static LabelScheme defaults() {
    return new LabelScheme(null, null, null, Map.of());
  }

  /** The repository's area for the crew's {@code area}. */
  public String areaOf(String crewArea) {
    return areas.getOrDefault(crewArea, areas.getOrDefault(ANY_AREA, crewArea));
  }

  /** The type label of a change type: {@code type:feat}. */
  public String typeLabel(ChangeType type) {
    return this.type + type.id();
  }

  /** Whether {@code label} is a type label of this scheme (ours or another type). */
  public boolean isType(String label) {
    return label.startsWith(type) && label.length() > type.length();
  }

  /** Whether {@code label} is a priority label of this scheme. */
  public boolean isPriority(String label) {
    return label.startsWith(priority) && label.length() > priority.length();
  }

  private static String prefix(String key, String value, String otherwise) {
    if (value == null) {
      return otherwise;
    }
    if (!value.matches(PREFIX)) {
      throw new Invalid(
          key,
          "'"
              + value
              + "' is not a label prefix: letters, digits, '.', '_', '/' or '-', at most 31"
              + " characters, usually ending in ':' (like \"type:\")");
    }
    if (value.equals(AGENT) || value.equals("semver:")) {
      throw new Invalid(
          key, "'" + value + "' is taken: agent: names the agent, semver:breaking a MAJOR release");
    }
    return value;
  }

  /** A scheme the configuration cannot use; {@link #key()} is its key under git.footprint. */
  public static final class Invalid extends IllegalArgumentException {
    private final String key;

    public Invalid(String key, String message) {
      super("git.footprint." + key + ": " + message);
      this.key = key;
    }

    public String key() {
      return key;
    }

    /** The message without the key. */
    public String reason() {
      return getMessage().substring(("git.footprint." + key + ": ").length());
    }
  }
}
