package dev.gitopscrew.incident;

import dev.gitopscrew.git.CommitInfo;
import java.util.List;

/** Triager of one application: its status, what was found, and the last merges to its path. */
public record TriageReport(AppStatus app, List<Finding> findings, List<CommitInfo> recentMerges) {

  public TriageReport withMerges(List<CommitInfo> merges) {
    return new TriageReport(app, findings, merges);
  }

  public String describe() {
    StringBuilder out = new StringBuilder();
    out.append("application ")
        .append(app.name())
        .append(": health ")
        .append(app.health())
        .append(", sync ")
        .append(app.sync())
        .append(", namespace ")
        .append(app.destinationNamespace());
    if (findings.isEmpty()) {
      out.append("\nno unhealthy pods, stuck rollouts or recent warnings");
    }
    findings.forEach(f -> out.append("\n- ").append(f.describe()));
    if (!recentMerges.isEmpty()) {
      out.append("\nlast merges to ")
          .append(app.path().isEmpty() ? "the repository" : app.path())
          .append(':');
      recentMerges.forEach(m -> out.append("\n  ").append(m.describe()));
    }
    return out.toString();
  }
}
