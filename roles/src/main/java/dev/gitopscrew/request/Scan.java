package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A security scan of manifests (security-analyst): a configured repository, or a local directory.
 *
 * @param repository a configured repository name, or null
 * @param directory a local directory, or null (exactly one of the two is set)
 * @param path a sub-directory of the repository to limit the scan to, or null
 */
@JsonTypeName("scan")
public record Scan(String repository, String directory, String path) implements Request {

  public Scan {
    if ((repository == null) == (directory == null)) {
      throw new BadRequestException("scan needs a repository name or a directory");
    }
    if (repository != null) {
      Names.repository(repository);
    }
    Names.repoPath(path);
  }

  @Override
  public String describe() {
    return "scan "
        + (repository != null ? repository : directory)
        + (path == null ? "" : " under " + path);
  }
}
