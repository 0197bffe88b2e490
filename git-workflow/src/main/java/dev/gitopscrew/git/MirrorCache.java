package dev.gitopscrew.git;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One cached clone per repository under {@code <state>/mirrors/<name>.git}, opened once and reused:
 * a second task on the same repository fetches into it, it does not clone again. What a repository
 * needs before its first clone (the demo one is seeded then, so a start does not pay for it) is the
 * business of whoever configured the repositories, handed in as {@code provision}.
 */
public final class MirrorCache implements AutoCloseable {

  private final Path root;
  private final Map<String, Mirror> open = new ConcurrentHashMap<>();
  private final Consumer<RepositorySpec> provision;

  /** A cache of repositories that exist already. */
  public MirrorCache(Path stateDir) {
    this(stateDir, spec -> {});
  }

  public MirrorCache(Path stateDir, Consumer<RepositorySpec> provision) {
    this.root = stateDir.resolve("mirrors");
    this.provision = provision;
  }

  public Mirror open(RepositorySpec spec, GitCredentials credentials) {
    return open.computeIfAbsent(
        spec.name(),
        name -> {
          provision.accept(spec);
          return Mirror.open(root.resolve(name + ".git"), spec, credentials);
        });
  }

  @Override
  public void close() {
    open.values().forEach(Mirror::close);
    open.clear();
  }
}
