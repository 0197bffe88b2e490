package dev.gitopscrew.roles.validate;

import dev.gitopscrew.git.change.ReportOutcome;
import java.util.List;
import java.util.Map;

/**
 * A validation as data, for the API and {@code --json} (kept when the validation passes; a failed
 * one says everything in its reason).
 *
 * @param checks each check's id and result
 * @param pullRequest the comment and status on the pull request, or null
 */
public record ValidateData(
    String target,
    String base,
    String head,
    List<String> files,
    Map<String, String> checks,
    List<Problem> problems,
    List<String> notes,
    ReportOutcome pullRequest) {}
