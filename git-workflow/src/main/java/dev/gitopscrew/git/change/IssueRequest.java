package dev.gitopscrew.git.change;

import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.RefNames;
import java.util.List;
import java.util.Objects;

/**
 * An issue an agent files (an incident's, a scan's findings), found again by {@code marker} so a
 * rerun never files it twice.
 *
 * @param marker a hidden, stable line in the body that identifies the issue
 */
public record IssueRequest(
    String repository,
    String agentId,
    ChangeType type,
    String title,
    String body,
    String marker,
    String priority,
    List<String> areas) {

  public IssueRequest {
    Objects.requireNonNull(repository, "repository");
    RefNames.requireValidAgentId(agentId);
    Objects.requireNonNull(type, "type");
    RefNames.requireSingleLine("title", title);
    Objects.requireNonNull(marker, "marker");
    areas = areas == null || areas.isEmpty() ? List.of("gitops") : List.copyOf(areas);
    priority = priority == null ? "medium" : priority;
  }
}
