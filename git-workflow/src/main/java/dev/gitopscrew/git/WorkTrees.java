package dev.gitopscrew.git;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.BranchConfig;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** A local Git work tree, read-only: what its HEAD commit changed against a base. */
public final class WorkTrees {

  private WorkTrees() {}

  /**
   * What HEAD of the work tree holding {@code dir} changed since {@code base}: a branch, tag or
   * commit; null means the branch's upstream, else {@code origin/HEAD}, {@code origin/main}, {@code
   * origin/master}, {@code main} or {@code master}. Uncommitted edits are not part of HEAD.
   *
   * @throws IllegalArgumentException when {@code dir} is in no work tree or the base is unknown
   */
  public static ChangedFiles changes(Path dir, String base) {
    FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
    if (builder.getGitDir() == null) {
      throw new IllegalArgumentException(dir + " is not in a Git work tree");
    }
    try (Repository repo = builder.setMustExist(true).build()) {
      ObjectId head = repo.resolve(Constants.HEAD + "^{commit}");
      if (head == null) {
        throw new IllegalArgumentException(dir + " has no commit yet");
      }
      String baseName = base;
      Optional<ObjectId> baseId;
      if (base != null) {
        baseId = Revisions.resolve(repo, base, "", Constants.R_REMOTES + "origin/");
      } else {
        baseId = Optional.empty();
        for (String candidate : defaults(repo)) {
          baseId = Revisions.resolve(repo, candidate);
          if (baseId.isPresent()) {
            baseName = candidate;
            break;
          }
        }
      }
      if (baseId.isEmpty()) {
        throw new IllegalArgumentException(
            base == null
                ? "no base to compare with in "
                    + dir
                    + " (no upstream, origin/main, main or master): pass --base REF"
                : "no branch, tag or commit '" + base + "' in " + dir);
      }
      Set<String> urls = new LinkedHashSet<>();
      for (String remote : repo.getConfig().getSubsections("remote")) {
        String url = repo.getConfig().getString("remote", remote, "url");
        if (url != null) {
          urls.add(url);
        }
      }
      String branch = repo.getBranch();
      return Revisions.between(
          repo, baseId.get(), baseName, head, branch == null ? "HEAD" : branch, urls);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot open the Git repository of " + dir, e);
    }
  }

  private static List<String> defaults(Repository repo) throws IOException {
    List<String> names = new java.util.ArrayList<>();
    String branch = repo.getBranch();
    if (branch != null) {
      String upstream = new BranchConfig(repo.getConfig(), branch).getTrackingBranch();
      if (upstream != null) {
        names.add(upstream);
      }
    }
    names.addAll(
        List.of("refs/remotes/origin/HEAD", "origin/main", "origin/master", "main", "master"));
    return names;
  }
}
