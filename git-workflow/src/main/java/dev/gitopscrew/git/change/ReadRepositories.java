package dev.gitopscrew.git.change;

import dev.gitopscrew.git.CommitInfo;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.git.RepositoryReader;
import dev.gitopscrew.git.RepositorySpec;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the configured repositories through their cached clones: the default branch's files and
 * history, and which repository a Git URL names.
 */
final class ReadRepositories {

  private final ChangeContext context;

  ReadRepositories(ChangeContext context) {
    this.context = context;
  }

  /** Read-only views of the same repositories, through the same cached clones and credentials. */
  RepositoryReader reader() {
    return new RepositoryReader(
        context.mirrors(),
        context.repositories(),
        spec -> context.forges().apply(spec).gitCredentials());
  }

  RepositoryFiles defaultBranch(String repository) {
    Mirror mirror = context.mirror(context.spec(repository));
    return mirror.files(mirror.fetch());
  }

  List<CommitInfo> history(String repository, String path, int max) {
    Mirror mirror = context.mirror(context.spec(repository));
    return mirror.history(mirror.fetch(), path == null ? "" : path, max);
  }

  Optional<String> repositoryFor(String url) {
    String wanted = normalise(url);
    return context.repositories().values().stream()
        .filter(r -> normalise(r.url()).equals(wanted))
        .map(RepositorySpec::name)
        .findFirst();
  }

  private static String normalise(String url) {
    String u = url == null ? "" : url.strip().toLowerCase(Locale.ROOT);
    u = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
    return u.endsWith(".git") ? u.substring(0, u.length() - 4) : u;
  }
}
