package dev.gitopscrew.cli;

import dev.gitopscrew.request.Scan;
import dev.gitopscrew.request.Severity;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crew scan <path|repo>}: security-analyst's findings for a directory or a repository; on a
 * whole repository it also keeps the findings issue and the hardening pull request current.
 */
@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description =
        "Scan the manifests of a directory or a configured repository (security-analyst).")
final class ScanCommand extends RequestCommand {

  @Parameters(
      index = "0",
      paramLabel = "PATH|REPO",
      description = "a directory or a repository name")
  String target;

  @Option(names = "--path", paramLabel = "DIR", description = "only this folder of the repository")
  String path;

  @Option(
      names = "--severity",
      paramLabel = "LEVEL",
      description = "list findings at this level and above: critical, high, medium, low (default)")
  String severity;

  @Option(
      names = "--show-suppressed",
      description = "list the findings suppressed by annotations or .gitops-crew.yaml too")
  boolean showSuppressed;

  @Option(
      names = "--pr",
      paramLabel = "N",
      description =
          "scan this pull request of the repository at its head: the findings on the lines it"
              + " adds or changes (nothing is written)")
  Integer pullRequest;

  @Option(
      names = "--dry-run",
      description = "say what the findings issue and the hardening pull request would get")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    Scan scan;
    try {
      Severity level = severity == null ? null : Severity.parse(severity);
      scan =
          Target.isDirectory(target)
              ? new Scan(
                  null, Target.absolute(target), path, level, showSuppressed, dryRun, pullRequest)
              : new Scan(target, null, path, level, showSuppressed, dryRun, pullRequest);
    } catch (IllegalArgumentException e) {
      err().println("error: " + e.getMessage());
      return CrewCli.USAGE;
    }
    return submit(s -> s.run(scan, Optional.empty(), yes));
  }

  /** A command's target: a local directory when one exists by that name, else a repository. */
  static final class Target {
    private Target() {}

    static boolean isDirectory(String target) {
      return target.contains("/") || target.equals(".") || Files.isDirectory(Path.of(target));
    }

    static String absolute(String target) {
      return Path.of(target).toAbsolutePath().normalize().toString();
    }
  }
}
