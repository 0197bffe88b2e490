package dev.gitopscrew.roles.scan;

import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.ChangedFiles;
import dev.gitopscrew.git.DirectoryFiles;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.git.change.Report;
import dev.gitopscrew.git.change.ReportOutcome;
import dev.gitopscrew.request.Scan;
import dev.gitopscrew.request.Severity;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.change.OpenChange;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * security-analyst: scans every manifest of a directory, of a repository's default branch, or of a
 * pull request's head (reporting the lines the pull request adds or changes, writing nothing). On a
 * whole repository it also keeps one findings issue current (opened, updated, closed when nothing
 * is left) and one hardening pull request for what it can fix mechanically, through the Git
 * workflow.
 */
public final class ScanManifests implements Action<Scan> {

  static final String ISSUE_TITLE = "Security scan findings";
  static final String HARDENING_TITLE = "Harden pod security contexts";

  private final Changes changes;

  public ScanManifests(Changes changes) {
    this.changes = changes;
  }

  @Override
  public Class<Scan> handles() {
    return Scan.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.SCAN_MANIFESTS);
  }

  @Override
  public String run(Scan request, ActionContext context) {
    Target target = target(request);
    RepositoryFiles files = target.files();
    if (request.path() != null
        && files.paths().stream().noneMatch(p -> Scanner.inside(p, request.path()))) {
      throw new ActionFailedException(
          "no files under " + request.path() + " in " + target.name() + "; nothing was scanned");
    }
    ScanReport whole = Scanner.scan(ManifestTree.read(files), request.path());
    ScanReport report = target.changed() == null ? whole : whole.onLines(target.changed());
    List<String> lines = new ArrayList<>();
    lines.add(headline(request, target, report));
    List<ScanFinding> shown = listFindings(request, report, lines);
    Written written = Written.NOTHING;
    if (request.pullRequest() != null) {
      long untouched = whole.findings().size() - report.findings().size();
      notePullRequestScope(request, untouched, lines);
    } else if (request.repository() != null && request.path() == null) {
      written = keepIssueAndHardening(request, files, report, context, lines);
    } else if (request.repository() != null) {
      lines.add(
          "the findings issue follows scans of the whole repository; this one, under "
              + request.path()
              + ", leaves it as it is");
    }
    context.data(data(request, target, report, shown, written));
    return String.join("\n", lines);
  }

  /**
   * What is scanned: its name in the answer, its files, and for a pull request the lines it adds or
   * changes per file (null otherwise).
   */
  private record Target(String name, RepositoryFiles files, Map<String, Set<Integer>> changed) {}

  /** What the scan wrote through the Git workflow: nothing, or the issue and the hardening. */
  private record Written(ReportOutcome issue, ChangeOutcome hardening, List<String> fixed) {
    static final Written NOTHING = new Written(null, null, List.of());
  }

  /** A directory, a pull request's head (read whole for context), or a default branch. */
  private Target target(Scan request) {
    if (request.directory() != null) {
      RepositoryFiles files;
      try {
        files = DirectoryFiles.of(Path.of(request.directory()));
      } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
        throw new ActionFailedException(e.getMessage() + "; nothing was scanned");
      }
      return new Target(request.directory(), files, null);
    }
    if (request.pullRequest() != null) {
      OpenChange.requireRepository(changes, request.repository());
      String name = request.repository() + " pull request #" + request.pullRequest();
      ChangedFiles change;
      try {
        change = changes.pullRequestChanges(request.repository(), request.pullRequest());
      } catch (IllegalArgumentException | GitWorkflowException | ForgeException e) {
        throw new ActionFailedException(e.getMessage() + "; nothing was scanned");
      }
      Map<String, Set<Integer>> changed = new HashMap<>();
      for (ChangedFiles.FileChange c : change.changes()) {
        if (c.kind() != ChangedFiles.FileChange.Kind.DELETED) {
          changed.put(c.path(), Set.copyOf(c.addedLines()));
        }
      }
      return new Target(name, change.after(), changed);
    }
    OpenChange.requireRepository(changes, request.repository());
    return new Target(request.repository(), changes.defaultBranch(request.repository()), null);
  }

  /** The answer's first line: what was scanned, at which commit, and how much was found. */
  private static String headline(Scan request, Target target, ScanReport report) {
    Map<String, Set<Integer>> changed = target.changed();
    RepositoryFiles files = target.files();
    return "Scanned "
        + target.name()
        + (request.path() == null ? "" : " under " + request.path())
        + (changed == null
            ? ""
            : ", the "
                + changed.size()
                + (changed.size() == 1 ? " file" : " files")
                + " it changes,")
        + (files.commit().equals(DirectoryFiles.ON_DISK)
            ? ""
            : " at " + files.commit().substring(0, 12))
        + ": "
        + report.files()
        + " YAML files, "
        + report.objects()
        + " objects; "
        + FindingsText.counts(report)
        + (report.suppressed().isEmpty() ? "" : ", " + report.suppressed().size() + " suppressed");
  }

  /**
   * The findings at or above the requested severity, the suppressed ones when asked for, the
   * unreadable files and the warnings; returns the findings shown.
   */
  private static List<ScanFinding> listFindings(
      Scan request, ScanReport report, List<String> lines) {
    List<ScanFinding> shown =
        report.findings().stream().filter(f -> f.severity().atLeast(request.severity())).toList();
    shown.forEach(f -> lines.add(f.describe()));
    int hidden = report.findings().size() - shown.size();
    if (hidden > 0) {
      lines.add(hidden + " below " + request.severity().id() + " not shown");
    }
    if (request.showSuppressed()) {
      report.suppressed().forEach(s -> lines.add(FindingsText.suppressed(s)));
    }
    report.unreadable().forEach(u -> lines.add("not YAML, skipped: " + u.describe()));
    report.warnings().forEach(w -> lines.add("warning: " + w));
    return shown;
  }

  /** A pull request's scan writes nothing and points at the findings it leaves out. */
  private static void notePullRequestScope(Scan request, long untouched, List<String> lines) {
    if (untouched > 0) {
      lines.add(
          untouched
              + (untouched == 1 ? " finding" : " findings")
              + " elsewhere in the tree or on lines it does not change: crew scan "
              + request.repository()
              + " lists them");
    }
    lines.add(
        "a pull request's scan reports the findings on the lines it adds or changes and writes"
            + " nothing");
  }

  /**
   * A whole repository's scan keeps the findings issue current and, while the issue is open, the
   * hardening pull request for what can be fixed mechanically.
   */
  private Written keepIssueAndHardening(
      Scan request,
      RepositoryFiles files,
      ScanReport report,
      ActionContext context,
      List<String> lines) {
    Hardening.Result fixes = Hardening.of(files, report.fixable());
    fixes.skipped().forEach(s -> lines.add("not fixed mechanically: " + s));
    ReportOutcome issue =
        changes.report(
            request.repository(),
            findingsReport(request.repository(), report, fixes, context),
            context.effects());
    lines.add(issue.describe("findings issue"));
    if (issue.action() == ReportOutcome.Action.FAILED) {
      throw new ActionFailedException(String.join("\n", lines));
    }
    if (!fixes.isEmpty() && issue.ref() == null) {
      // a dry run before the first issue: the real run would adopt the issue it opens
      lines.add(
          "hardening pull request: dry run: would open one with "
              + fixes.fixed().size()
              + " fixes in "
              + fixes.files().keySet());
    } else if (!fixes.isEmpty() && issue.action() != ReportOutcome.Action.CLOSED) {
      ChangeOutcome hardening =
          changes.run(hardening(request.repository(), fixes, issue, context), context.effects());
      List<String> fixed = fixes.fixed().stream().map(f -> f.rule() + " " + f.where()).toList();
      lines.add(
          "hardening pull request ("
              + fixes.fixed().size()
              + " fixes): "
              + OpenChange.describe(hardening));
      if (hardening instanceof ChangeOutcome.Failed) {
        throw new ActionFailedException(String.join("\n", lines));
      }
      return new Written(issue, hardening, fixed);
    }
    return new Written(issue, null, List.of());
  }

  /** The structured answer: what the text says, for the JSON output. */
  private static ScanData data(
      Scan request, Target target, ScanReport report, List<ScanFinding> shown, Written written) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    report.counts().forEach((s, n) -> counts.put(s.id(), n));
    return new ScanData(
        target.name(),
        target.files().commit(),
        report.files(),
        report.objects(),
        counts,
        shown,
        request.showSuppressed() ? report.suppressed() : List.of(),
        report.suppressed().size(),
        report.unreadable(),
        report.warnings(),
        written.issue(),
        written.hardening(),
        written.fixed());
  }

  private static Report findingsReport(
      String repository, ScanReport report, Hardening.Result fixes, ActionContext context) {
    String agent = context.agent().id();
    boolean severe = report.findings().stream().anyMatch(f -> f.severity().atLeast(Severity.HIGH));
    Report open =
        new Report(
            agent,
            "findings",
            ISSUE_TITLE,
            FindingsText.issue(repository, report, fixes.fixed().size(), agent),
            null,
            ChangeType.SECURITY,
            severe ? "high" : "medium",
            List.of("security"));
    return report.findings().isEmpty()
        ? open.resolved(
            "The security scan at `"
                + report.commit().substring(0, Math.min(12, report.commit().length()))
                + "` found nothing left"
                + (report.suppressed().isEmpty()
                    ? ""
                    : " (" + report.suppressed().size() + " suppressed)")
                + "; closing.")
        : open;
  }

  private static ChangeRequest hardening(
      String repository, Hardening.Result fixes, ReportOutcome issue, ActionContext context) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    fixes.files().forEach((path, text) -> files.put(path, text.getBytes(StandardCharsets.UTF_8)));
    StringBuilder summary =
        new StringBuilder(
            "Adds the `securityContext` settings the security scan found missing, as new lines"
                + " only; no other byte of the files changes.\n\n");
    fixes
        .fixed()
        .forEach(
            f ->
                summary
                    .append("- `")
                    .append(f.where())
                    .append("` ")
                    .append(f.object())
                    .append(": ")
                    .append(f.rule())
                    .append('\n'));
    summary.append(
        "\nBefore merging: an image that runs as root does not start with `runAsNonRoot: true`"
            + " (set `runAsUser` to its non-root UID), and an app that writes outside its volumes"
            + " fails with `readOnlyRootFilesystem: true` (mount an `emptyDir` where it writes).\n");
    String diff = fixes.diff();
    if (diff.length() > 20_000) {
      diff = diff.substring(0, diff.lastIndexOf('\n', 20_000)) + "\n... (the commit has the rest)";
    }
    summary.append("\n```diff\n").append(diff).append("\n```");
    Integer number = issue.ref() == null ? null : issue.ref().number();
    return new ChangeRequest(
        repository,
        ChangeType.SECURITY,
        HARDENING_TITLE,
        number,
        context.agent().id(),
        files,
        summary.toString(),
        "high",
        List.of("security"));
  }
}
