package dev.gitopscrew.cli;

import dev.gitopscrew.request.Validate;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crew validate <path|repo>}: qa-tester's pre-merge checks of what changed; exit 1 when a
 * check fails.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description = "Pre-merge checks of what changed between a base and HEAD (qa-tester).")
final class ValidateCommand extends RequestCommand {

  @Parameters(index = "0", paramLabel = "PATH|REPO", description = "a work tree or a repository")
  String target;

  @Option(
      names = "--base",
      paramLabel = "REF",
      description =
          "compare with this branch, tag or commit (default: a work tree's upstream or main;"
              + " a repository's previous commit)")
  String base;

  @Option(
      names = "--pr",
      paramLabel = "N",
      description =
          "validate this pull request of the repository: one comment on it and a commit status")
  Integer pullRequest;

  @Override
  public Integer call() throws Exception {
    Validate validate;
    try {
      validate =
          ScanCommand.Target.isDirectory(target)
              ? new Validate(null, ScanCommand.Target.absolute(target), base, pullRequest)
              : new Validate(target, null, base, pullRequest);
    } catch (IllegalArgumentException e) {
      err().println("error: " + e.getMessage());
      return CrewCli.USAGE;
    }
    return submit(s -> s.run(validate, Optional.empty(), yes));
  }
}
