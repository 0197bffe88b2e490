package dev.gitopscrew.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * The embedded default a newcomer meets: a bare repository {@code demo} on the local forge, seeded
 * with a small Argo CD app-of-apps tree, so every workflow can be tried without a token.
 */
public final class DemoRepository {

  public static final String NAME = "demo";
  private static final String RESOURCES = "/dev/gitopscrew/git/demo/";

  private DemoRepository() {}

  /** The demo repository under {@code <state>/repositories/demo.git}, seeded now. */
  public static RepositorySpec ensure(Path stateDir) {
    RepositorySpec spec = spec(stateDir);
    seedIfDemo(spec);
    return spec;
  }

  /**
   * The demo repository's spec, not seeded yet: it is seeded when first opened ({@link
   * #seedIfDemo}), so a start on a fresh state directory does not pay for it.
   */
  public static RepositorySpec spec(Path stateDir) {
    Path bare = stateDir.resolve("repositories").resolve(NAME + ".git").toAbsolutePath();
    // the same URL whether the directory exists yet or not (toUri adds the slash only then)
    String url = bare.toUri().toString();
    return RepositorySpec.local(NAME, url.endsWith("/") ? url : url + "/");
  }

  /** Seeds the repository {@code spec} names if it is the demo one and not there yet. */
  public static void seedIfDemo(RepositorySpec spec) {
    if (spec.name().equals(NAME)
        && spec.forge() == ForgeKind.LOCAL
        && spec.url().startsWith("file:")
        && spec.url().endsWith("/repositories/" + NAME + ".git/")) {
      seedIfMissing(Path.of(java.net.URI.create(spec.url())));
    }
  }

  /** Creates the bare repository with one commit on {@code main}, unless it already exists. */
  public static void seedIfMissing(Path bareRepoDir) {
    try (Repository repo =
        new FileRepositoryBuilder().setGitDir(bareRepoDir.toFile()).setBare().build()) {
      if (repo.getObjectDatabase().exists()) {
        return;
      }
      repo.create(true);
      repo.updateRef(Constants.HEAD).link(Constants.R_HEADS + "main");
      ObjectId commit = writeTree(repo, files());
      RefUpdate update = repo.updateRef(Constants.R_HEADS + "main");
      update.setNewObjectId(commit);
      update.setExpectedOldObjectId(ObjectId.zeroId());
      RefUpdate.Result result = update.update();
      if (result != RefUpdate.Result.NEW) {
        throw new GitWorkflowException("cannot seed the demo repository: " + result);
      }
    } catch (IOException e) {
      throw new GitWorkflowException("cannot seed the demo repository at " + bareRepoDir, e);
    }
  }

  /** The seed files, path to content. */
  public static Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (String path : new String(read("files.txt"), StandardCharsets.UTF_8).split("\n")) {
      if (!path.isBlank()) {
        files.put(path.trim(), read(path.trim()));
      }
    }
    return files;
  }

  private static ObjectId writeTree(Repository repo, Map<String, byte[]> files) throws IOException {
    try (ObjectInserter inserter = repo.newObjectInserter()) {
      DirCache index = DirCache.newInCore();
      DirCacheBuilder builder = index.builder();
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        DirCacheEntry entry = new DirCacheEntry(file.getKey());
        entry.setFileMode(FileMode.REGULAR_FILE);
        entry.setObjectId(inserter.insert(Constants.OBJ_BLOB, file.getValue()));
        entry.setLength(file.getValue().length);
        builder.add(entry);
      }
      builder.finish();
      CommitBuilder commit = new CommitBuilder();
      PersonIdent seeder =
          new PersonIdent("homelab-admin[bot]", "homelab-admin@" + Footprint.DEFAULT_DOMAIN);
      commit.setTreeId(index.writeTree(inserter));
      commit.setAuthor(seeder);
      commit.setCommitter(seeder);
      commit.setMessage("chore: seed the demo homelab repository [homelab-admin]\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      return id;
    }
  }

  private static byte[] read(String path) {
    try (InputStream in = DemoRepository.class.getResourceAsStream(RESOURCES + path)) {
      if (in == null) {
        throw new IllegalStateException("demo resource missing: " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
