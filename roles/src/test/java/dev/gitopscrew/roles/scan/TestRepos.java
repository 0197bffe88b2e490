package dev.gitopscrew.roles.scan;

import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.testing.BareRepos;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;

/** Bare repositories on the local forge, seeded with a folder or with files. */
public final class TestRepos {

  private TestRepos() {}

  /** A bare repository {@code remote/NAME.git} under {@code tmp} holding {@code dir}'s files. */
  public static RepositorySpec seed(Path tmp, String name, Path dir) throws Exception {
    Map<String, String> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readString(p));
      }
    }
    return bare(tmp, name, files);
  }

  public static RepositorySpec bare(Path tmp, String name, Map<String, String> files)
      throws Exception {
    Path bare = tmp.resolve("remote/" + name + ".git");
    Git.init().setBare(true).setDirectory(bare.toFile()).setInitialBranch("main").call().close();
    BareRepos.commit(bare, "main", files, "Seed " + name);
    return RepositorySpec.local(name, bare.toUri().toString());
  }

  /** The folder of the homelab test repository. */
  public static Path homelab() {
    return Homelab.dir();
  }
}
