package dev.gitopscrew.git.change;

import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.RefNames;
import java.util.List;
import java.util.Objects;

/**
 * A report an agent keeps current on the forge (scan findings, a pull request's validation): found
 * again by its key on every run, so it is updated, never duplicated.
 *
 * @param key what the report is about, unique per agent and repository ({@code findings})
 * @param title the title; it stays the same from run to run
 * @param body the report in Markdown, or null when there is nothing left to report
 * @param closing what the closing comment says when {@code body} is null
 */
public record Report(
    String agentId,
    String key,
    String title,
    String body,
    String closing,
    ChangeType type,
    String priority,
    List<String> areas) {

  public Report {
    agentId = RefNames.requireValidAgentId(agentId);
    if (key == null || !key.matches("[a-z0-9][a-z0-9-]{0,40}")) {
      throw new IllegalArgumentException("a report key is lower-case words, got " + key);
    }
    title = RefNames.requireSingleLine("title", title);
    Objects.requireNonNull(type, "type");
    priority = priority == null ? "medium" : priority;
    areas = areas == null || areas.isEmpty() ? List.of("gitops") : List.copyOf(areas);
  }

  /** The same report with nothing left in it. */
  public Report resolved(String closingNote) {
    return new Report(agentId, key, title, null, closingNote, type, priority, areas);
  }
}
