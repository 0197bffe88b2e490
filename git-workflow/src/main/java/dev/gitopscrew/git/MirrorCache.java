package dev.gitopscrew.git;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One cached clone per repository under {@code <state>/mirrors/<name>.git}, opened once and reused:
 * a second task on the same repository fetches into it, it does not clone again.
 */
public final class MirrorCache implements AutoCloseable {

  private final Path root;
  private final Map<String, Mirror> open = new ConcurrentHashMap<>();

  public MirrorCache(Path stateDir) {
    this.root = stateDir.resolve("mirrors");
  }

  public Mirror open(RepositorySpec spec, GitCredentials credentials) {
    return open.computeIfAbsent(
        spec.name(),
        name -> {
          DemoRepository.seedIfDemo(spec);
          return Mirror.open(root.resolve(name + ".git"), spec, credentials);
        });
  }

  @Override
  public void close() {
    open.values().forEach(Mirror::close);
    open.clear();
  }
}
