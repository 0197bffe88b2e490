package dev.gitopscrew.roles.validate;

import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.ChangedFiles;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.WorkTrees;
import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.git.change.Report;
import dev.gitopscrew.git.change.ReportOutcome;
import dev.gitopscrew.request.Validate;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.change.OpenChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * qa-tester: pre-merge checks of what changed between a base and HEAD: a local work tree, the
 * default branch of a repository, or a pull request, on which it keeps one comment and sets a
 * commit status. A change that fails a check fails the request, with every problem at file:line.
 */
public final class ValidateChange implements Action<Validate> {

  /** The commit status context the crew reports under. */
  public static final String STATUS_CONTEXT = "gitops-crew/validate";

  private final Changes changes;

  public ValidateChange(Changes changes) {
    this.changes = changes;
  }

  @Override
  public Class<Validate> handles() {
    return Validate.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.VALIDATE_CHANGE);
  }

  @Override
  public String run(Validate request, ActionContext context) {
    String target;
    ChangedFiles change;
    if (request.repository() != null) {
      OpenChange.requireRepository(changes, request.repository());
    }
    try {
      if (request.directory() != null) {
        target = request.directory();
        change = WorkTrees.changes(Path.of(request.directory()), request.base());
      } else if (request.pullRequest() != null) {
        target = request.repository() + " pull request #" + request.pullRequest();
        change = changes.pullRequestChanges(request.repository(), request.pullRequest());
      } else {
        target = request.repository();
        change = changes.defaultBranchChanges(request.repository(), request.base());
      }
    } catch (IllegalArgumentException | GitWorkflowException | ForgeException e) {
      throw new ActionFailedException(e.getMessage() + "; nothing was validated");
    }
    ValidationReport report = Validation.run(change);
    List<String> lines = new ArrayList<>();
    lines.add(
        "Validated "
            + target
            + ": "
            + change.head()
            + " against "
            + change.base()
            + ", "
            + report.files().size()
            + (report.files().size() == 1 ? " file" : " files")
            + " changed; "
            + (report.failed() ? "FAILED, " : "passed, ")
            + report.summary());
    report.problems().stream().filter(Problem::error).forEach(p -> lines.add(p.describe()));
    report.problems().stream().filter(p -> !p.error()).forEach(p -> lines.add(p.describe()));
    List<String> results = new ArrayList<>();
    for (Map.Entry<String, String> check : report.checks().entrySet()) {
      results.add(check.getKey() + " " + check.getValue());
    }
    lines.add("checks: " + String.join(", ", results));
    report.notes().forEach(n -> lines.add("note: " + n));
    ReportOutcome posted = null;
    if (request.pullRequest() != null) {
      posted =
          changes.reportOnPullRequest(
              request.repository(),
              request.pullRequest(),
              new Report(
                  context.agent().id(),
                  "validation",
                  "Pre-merge validation",
                  report.markdown(),
                  null,
                  ChangeType.CHORE,
                  null,
                  null),
              new CommitStatus(
                  change.after().commit(),
                  report.failed() ? CommitStatus.State.FAILURE : CommitStatus.State.SUCCESS,
                  STATUS_CONTEXT,
                  report.summary(),
                  null),
              context.effects());
      lines.add(posted.describe("pull request"));
      if (posted.action() == ReportOutcome.Action.FAILED) {
        throw new ActionFailedException(String.join("\n", lines));
      }
    }
    context.data(
        new ValidateData(
            target,
            change.base(),
            change.head(),
            report.files(),
            report.checks(),
            report.problems(),
            report.notes(),
            posted));
    if (report.failed()) {
      throw new ActionFailedException(String.join("\n", lines));
    }
    return String.join("\n", lines);
  }
}
