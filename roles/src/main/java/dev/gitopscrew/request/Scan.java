package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A security scan of manifests (security-analyst): a configured repository, or a local directory. A
 * scan of a whole repository keeps one findings issue and one hardening pull request current; a dry
 * run says what it would write instead.
 *
 * @param repository a configured repository name, or null
 * @param directory a local directory, or null (exactly one of the two is set)
 * @param path a sub-directory to limit the scan to, or null
 * @param severity the least severe findings to report; null means every finding ({@code low})
 * @param showSuppressed list suppressed findings too (they are always counted)
 * @param dryRun write nothing to the forge or Git; say what would be written
 * @param pullRequest a pull request of the repository to scan at its head, reporting the findings
 *     in the files it changes (and writing nothing), or null
 */
@JsonTypeName("scan")
public record Scan(
    String repository,
    String directory,
    String path,
    Severity severity,
    boolean showSuppressed,
    boolean dryRun,
    Integer pullRequest)
    implements Request, DryRunnable {

  public Scan {
    if ((repository == null) == (directory == null)) {
      throw new BadRequestException("scan needs a repository name or a directory");
    }
    if (repository != null) {
      Names.repository(repository);
    }
    if (directory != null && directory.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new BadRequestException("not a directory: " + Quote.bounded(directory));
    }
    path = Names.repoDirectory(path);
    severity = severity == null ? Severity.LOW : severity;
    if (pullRequest != null && (repository == null || pullRequest < 1)) {
      throw new BadRequestException(
          "a pull request scan needs a repository and a number, like demo#12");
    }
  }

  public Scan(
      String repository,
      String directory,
      String path,
      Severity severity,
      boolean showSuppressed,
      boolean dryRun) {
    this(repository, directory, path, severity, showSuppressed, dryRun, null);
  }

  /** A scan of a whole repository or directory, reporting every finding. */
  public Scan(String repository, String directory, String path) {
    this(repository, directory, path, null, false, false, null);
  }

  @Override
  public String describe() {
    return "scan "
        + (repository != null ? repository : directory)
        + (pullRequest == null ? "" : " pull request #" + pullRequest)
        + (path == null ? "" : " under " + path)
        + (severity == Severity.LOW ? "" : " (" + severity.id() + " and above)")
        + (dryRun ? " (dry run)" : "");
  }

  @Override
  public Scan withDryRun() {
    return new Scan(repository, directory, path, severity, showSuppressed, true, pullRequest);
  }
}
