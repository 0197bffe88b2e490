package dev.gitopscrew.cli;

import dev.gitopscrew.request.Scan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crew scan <path|repo>}: security-analyst's findings for a directory or a repository. */
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

  @Override
  public Integer call() throws Exception {
    Scan scan;
    try {
      scan =
          Target.isDirectory(target)
              ? new Scan(null, Target.absolute(target), path)
              : new Scan(target, null, path);
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
