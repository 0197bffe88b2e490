package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Pre-merge validation of what changed (qa-tester): a repository's branch or pull request against a
 * base, or a local directory.
 *
 * @param repository a configured repository name, or null
 * @param directory a local directory (a Git work tree), or null; exactly one of the two is set
 * @param base the ref to compare with; null means the pull request's base, the default branch of a
 *     work tree's remote, or (for a repository's default branch) its previous commit
 * @param pullRequest a pull request whose head is validated, or null
 */
@JsonTypeName("validate")
public record Validate(String repository, String directory, String base, Integer pullRequest)
    implements Request {

  public Validate {
    if ((repository == null) == (directory == null)) {
      throw new BadRequestException("validate needs a repository name or a directory");
    }
    if (repository != null) {
      Names.repository(repository);
    }
    if (base != null
        && (!base.matches("[A-Za-z0-9][A-Za-z0-9._/-]{0,200}") || base.contains(".."))) {
      throw new BadRequestException("not a Git ref: " + base);
    }
    if (pullRequest != null) {
      Names.number("pull request", pullRequest, 1, Integer.MAX_VALUE);
      if (repository == null) {
        throw new BadRequestException(
            "a pull request is validated on a configured repository, not a directory");
      }
      if (base != null) {
        throw new BadRequestException(
            "a pull request is compared with its own base branch; leave out the base");
      }
    }
    if (directory != null && directory.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new BadRequestException("not a directory: " + Quote.bounded(directory));
    }
  }

  @Override
  public String describe() {
    return "validate "
        + (repository != null ? repository : directory)
        + (pullRequest == null ? "" : " pull request #" + pullRequest)
        + (base == null ? "" : " against " + base);
  }
}
