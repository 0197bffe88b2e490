package dev.gitopscrew.git.change;

import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.RefNames;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A change an agent asks for ({@code crew change ...}): validated on construction, so bad input
 * fails before anything is written.
 *
 * @param repository the configured repository name
 * @param issue the issue to adopt, or null to find or create one
 * @param files repository path to new content
 * @param summary what the change does and why; becomes the issue and PR summary
 * @param priority the {@code priority:*} label value (default {@code medium})
 * @param areas the {@code area:*} label values (default {@code gitops})
 * @param labels more labels for the issue and pull request ({@code semver:breaking}); a priority
 *     label among them replaces the default priority
 */
public record ChangeRequest(
    String repository,
    ChangeType type,
    String title,
    Integer issue,
    String agentId,
    Map<String, byte[]> files,
    String summary,
    String priority,
    List<String> areas,
    List<String> labels) {

  public static final String DEFAULT_AGENT = "software-engineer";

  public ChangeRequest {
    Objects.requireNonNull(repository, "repository");
    Objects.requireNonNull(type, "change type");
    title = RefNames.requireSingleLine("title", title);
    agentId = RefNames.requireValidAgentId(agentId == null ? DEFAULT_AGENT : agentId);
    if (issue != null && issue <= 0) {
      throw new IllegalArgumentException("issue number must be positive, got " + issue);
    }
    if (files == null || files.isEmpty()) {
      throw new IllegalArgumentException(
          "a change needs at least one file (--file PATH=LOCALFILE)");
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    files.forEach((path, content) -> copy.put(RefNames.requireValidPath(path), content.clone()));
    files = java.util.Collections.unmodifiableMap(copy);
    summary = summary == null || summary.isBlank() ? title : summary.strip();
    priority = priority == null ? "medium" : priority;
    areas = areas == null || areas.isEmpty() ? List.of("gitops") : List.copyOf(areas);
    labels = labels == null ? List.of() : requireLabels(labels);
  }

  /** A change with no labels beyond the footprint's. */
  public ChangeRequest(
      String repository,
      ChangeType type,
      String title,
      Integer issue,
      String agentId,
      Map<String, byte[]> files,
      String summary,
      String priority,
      List<String> areas) {
    this(repository, type, title, issue, agentId, files, summary, priority, areas, List.of());
  }

  /** The same request with {@code more} labels besides its own. */
  public ChangeRequest withLabels(List<String> more) {
    List<String> all = new java.util.ArrayList<>(labels);
    more.stream().filter(l -> !all.contains(l)).forEach(all::add);
    return new ChangeRequest(
        repository, type, title, issue, agentId, files, summary, priority, areas, all);
  }

  /**
   * A label is one word a forge takes as it is: no spaces, commas or semicolons (Azure DevOps
   * separates tags with them), at most 50 characters.
   */
  public static List<String> requireLabels(List<String> labels) {
    List<String> out = new java.util.ArrayList<>();
    for (String label : labels) {
      String l = label == null ? "" : label.strip();
      if (!l.matches("[^\\s,;\\p{Cntrl}]{1,50}")) {
        throw new IllegalArgumentException(
            "the label '"
                + (l.length() > 60 ? l.substring(0, 60) + "…" : l).replaceAll("\\p{Cntrl}", "?")
                + "' must be one word of at most 50 characters, without ',' or ';'");
      }
      if (!out.contains(l)) {
        out.add(l);
      }
    }
    return List.copyOf(out);
  }

  /** The common case: default agent priority and area. */
  public static ChangeRequest of(
      String repository,
      ChangeType type,
      String title,
      Integer issue,
      String agentId,
      Map<String, byte[]> files) {
    return new ChangeRequest(repository, type, title, issue, agentId, files, null, null, null);
  }

  /** The same request with {@code path} set to {@code content} (UTF-8). */
  public ChangeRequest withFile(String path, String content) {
    Map<String, byte[]> changed = new LinkedHashMap<>(files);
    changed.put(path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new ChangeRequest(
        repository, type, title, issue, agentId, changed, summary, priority, areas, labels);
  }
}
