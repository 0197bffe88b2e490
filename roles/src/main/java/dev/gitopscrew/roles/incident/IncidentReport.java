package dev.gitopscrew.roles.incident;

import dev.gitopscrew.git.CommitInfo;
import dev.gitopscrew.incident.Finding;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.TriageReport;
import dev.gitopscrew.incident.runbook.Runbook;
import dev.gitopscrew.request.Alert;
import java.util.List;
import java.util.Map;

/**
 * The post-incident report: timeline (written from the audit trail), root cause, blast radius,
 * resolution and action items, in Markdown for the incident's issue.
 */
final class IncidentReport {

  /** The durable fix to propose for each pattern, as a Git change rather than a cluster edit. */
  private static final Map<String, String> ACTION_ITEMS =
      Map.of(
          "oom-killed",
              "raise the container's memory limit in Git (`crew edit --limits CONTAINER:memory=…`)",
          "crash-loop", "fix the configuration or image the crash log points at, by pull request",
          "image-pull",
              "pin an image tag that exists, or add registry credentials (`crew edit --image`)",
          "config-error",
              "make sure the ExternalSecret or ConfigMap the pod refers to is in Git and synced",
          "unschedulable", "lower the requests or add capacity; check node selectors and taints",
          "progress-deadline",
              "find why new pods never became ready (readiness probe, dependencies)",
          "sync-failed", "fix the manifest the API server rejected, or the failing hook",
          "warning-event", "look into the warnings listed above");

  private IncidentReport() {}

  static String write(
      Incident incident,
      String severity,
      Alert alert,
      TriageReport triage,
      Runbook runbook,
      String resolution,
      String verification,
      List<String> timeline) {
    StringBuilder md = new StringBuilder();
    md.append("## Incident #")
        .append(incident.id())
        .append(": ")
        .append(triage.app().name())
        .append(' ')
        .append(triage.app().health())
        .append(" (")
        .append(severity)
        .append(")\n\n");
    md.append("Noticed by `")
        .append(alert.event())
        .append('`')
        .append(alert.revision() == null ? "" : " at revision `" + alert.revision() + "`")
        .append(", opened ")
        .append(incident.openedAt())
        .append(".\n\n");
    md.append("### Timeline\n\n");
    if (timeline.isEmpty()) {
      md.append("- no changes were made to the cluster or the repositories\n");
    }
    timeline.forEach(t -> md.append("- ").append(t).append('\n'));
    md.append("\n### Root cause\n\n");
    for (Finding f : triage.findings()) {
      md.append("- **")
          .append(f.pattern())
          .append("** ")
          .append(f.object())
          .append(": ")
          .append(f.saw().lines().findFirst().orElse(""))
          .append(f.likelyCause().isEmpty() ? "" : " - likely " + f.likelyCause())
          .append('\n');
    }
    if (!triage.recentMerges().isEmpty()) {
      md.append("\nLast merges to `").append(triage.app().path()).append("`:\n");
      for (CommitInfo m : triage.recentMerges()) {
        md.append("- ").append(m.describe()).append('\n');
      }
    }
    md.append("\n### Blast radius\n\n- application `")
        .append(triage.app().name())
        .append("` in namespace `")
        .append(triage.app().destinationNamespace())
        .append("`, ")
        .append(triage.app().resources().size())
        .append(" managed objects\n");
    triage.findings().stream()
        .map(Finding::object)
        .distinct()
        .forEach(o -> md.append("- ").append(o).append('\n'));
    md.append("\n### Resolution\n\n");
    md.append(runbook == null ? "" : "Runbook `" + runbook.name() + "`: ")
        .append(resolution)
        .append('\n');
    if (verification != null) {
      md.append("\nVerification:\n\n```\n").append(verification.strip()).append("\n```\n");
    }
    md.append("\n### Action items\n\n");
    triage.findings().stream()
        .map(Finding::pattern)
        .distinct()
        .map(p -> ACTION_ITEMS.getOrDefault(p, "look into " + p))
        .forEach(a -> md.append("- [ ] ").append(a).append('\n'));
    return md.toString().strip();
  }
}
