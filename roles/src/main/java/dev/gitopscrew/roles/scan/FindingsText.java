package dev.gitopscrew.roles.scan;

import dev.gitopscrew.request.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A scan's findings as the CLI prints them and as the findings issue shows them. */
final class FindingsText {

  /** Past this many rows the issue points at the full list instead (forges cap bodies). */
  static final int ISSUE_ROWS = 150;

  private FindingsText() {}

  /** {@code 24 findings (2 critical, 3 high, 10 medium, 9 low)}. */
  static String counts(ScanReport report) {
    int total = report.findings().size();
    if (total == 0) {
      return "no findings";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<Severity, Integer> e : report.counts().entrySet()) {
      if (e.getValue() > 0) {
        parts.add(e.getValue() + " " + e.getKey().id());
      }
    }
    return total + (total == 1 ? " finding" : " findings") + " (" + String.join(", ", parts) + ")";
  }

  /** The findings issue's body: a table, what the hardening fixes, what was suppressed. */
  static String issue(String repository, ScanReport report, int fixable, String agent) {
    StringBuilder body = new StringBuilder();
    body.append("Security scan of `")
        .append(repository)
        .append("` at `")
        .append(report.commit(), 0, Math.min(12, report.commit().length()))
        .append("` by ")
        .append(agent)
        .append(": **")
        .append(counts(report))
        .append("**")
        .append(
            report.suppressed().isEmpty() ? "" : ", " + report.suppressed().size() + " suppressed")
        .append(".\n\n| severity | rule | where | finding | fix |\n|---|---|---|---|---|\n");
    List<ScanFinding> findings = report.findings();
    for (ScanFinding f : findings.subList(0, Math.min(ISSUE_ROWS, findings.size()))) {
      body.append("| ")
          .append(f.severity().id())
          .append(" | `")
          .append(f.rule())
          .append("` | `")
          .append(f.where())
          .append("` | ")
          .append(cell(f.object() + ": " + f.message()))
          .append(" | ")
          .append(f.fixable() ? "**fixed by the hardening pull request**: " : "")
          .append(cell(f.fix()))
          .append(" |\n");
    }
    if (findings.size() > ISSUE_ROWS) {
      body.append("\n… and ")
          .append(findings.size() - ISSUE_ROWS)
          .append(" more: `crew scan ")
          .append(repository)
          .append("` lists them all.\n");
    }
    if (fixable > 0) {
      body.append("\nThe hardening pull request linked to this issue adds the ")
          .append(fixable)
          .append(" missing `securityContext` settings marked above. Before merging it, check that")
          .append(" each image runs as a non-root user and writes only to its volumes.\n");
    }
    if (!report.suppressed().isEmpty()) {
      body.append("\n")
          .append(report.suppressed().size())
          .append(" suppressed (annotation `")
          .append(Scanner.IGNORE_ANNOTATION)
          .append("` or `")
          .append(RepoSettings.FILE)
          .append("`): `crew scan ")
          .append(repository)
          .append(" --show-suppressed` lists them.\n");
    }
    body.append(
        "\nEvery scan of the whole repository updates this issue, and closes it when nothing is"
            + " left. Rules and how to suppress one: docs/scanning.md in GitOps Crew.");
    return body.toString();
  }

  static String suppressed(SuppressedFinding s) {
    ScanFinding f = s.finding();
    return "suppressed "
        + f.severity().id()
        + " "
        + f.rule()
        + " "
        + f.where()
        + " "
        + f.object()
        + " - by "
        + s.by()
        + (s.reason() == null ? " (no reason given)" : ": " + s.reason());
  }

  private static String cell(String text) {
    return text.replace("|", "\\|").replace("\n", " ");
  }
}
