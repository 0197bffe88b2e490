package dev.gitopscrew.git;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/** Commits of a JGit repository as files, and what one commit changed against another. */
final class Revisions {

  private Revisions() {}

  /** The files of {@code commit}, listed now and read when asked for. */
  static RepositoryFiles files(Repository repo, ObjectId commit) {
    Map<String, ObjectId> blobs = new TreeMap<>();
    try (RevWalk walk = new RevWalk(repo);
        TreeWalk tree = new TreeWalk(repo)) {
      tree.addTree(walk.parseCommit(commit).getTree());
      tree.setRecursive(true);
      while (tree.next()) {
        if (tree.getFileMode(0).getObjectType() == Constants.OBJ_BLOB) {
          blobs.put(tree.getPathString(), tree.getObjectId(0));
        }
      }
    } catch (IOException e) {
      throw new GitWorkflowException("cannot list the files of " + commit.name(), e);
    }
    List<String> paths = List.copyOf(blobs.keySet());
    return new RepositoryFiles() {
      @Override
      public String commit() {
        return commit.name();
      }

      @Override
      public List<String> paths() {
        return paths;
      }

      @Override
      public Optional<byte[]> read(String path) {
        ObjectId blob = blobs.get(path);
        if (blob == null) {
          return Optional.empty();
        }
        try {
          return Optional.of(repo.open(blob, Constants.OBJ_BLOB).getBytes());
        } catch (IOException e) {
          throw new GitWorkflowException("cannot read " + path, e);
        }
      }
    };
  }

  /**
   * What {@code head} changed since its merge base with {@code base}.
   *
   * @param baseName how the user named the base (a branch, tag or SHA)
   */
  static ChangedFiles between(
      Repository repo,
      ObjectId base,
      String baseName,
      ObjectId head,
      String headName,
      Set<String> urls) {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit headCommit = walk.parseCommit(head);
      RevCommit baseCommit = walk.parseCommit(base);
      walk.setRevFilter(RevFilter.MERGE_BASE);
      walk.markStart(headCommit);
      walk.markStart(baseCommit);
      RevCommit mergeBase = walk.next();
      RevCommit from = mergeBase == null ? baseCommit : mergeBase;
      List<ChangedFiles.FileChange> changes = new ArrayList<>();
      try (TreeWalk tree = new TreeWalk(repo)) {
        tree.addTree(from.getTree());
        tree.addTree(headCommit.getTree());
        tree.setRecursive(true);
        tree.setFilter(TreeFilter.ANY_DIFF);
        for (DiffEntry d : DiffEntry.scan(tree)) {
          switch (d.getChangeType()) {
            case ADD, COPY ->
                changes.add(
                    new ChangedFiles.FileChange(
                        d.getNewPath(),
                        ChangedFiles.FileChange.Kind.ADDED,
                        addedLines(repo, null, d.getNewId().toObjectId())));
            case DELETE ->
                changes.add(
                    new ChangedFiles.FileChange(
                        d.getOldPath(), ChangedFiles.FileChange.Kind.DELETED));
            default ->
                changes.add(
                    new ChangedFiles.FileChange(
                        d.getNewPath(),
                        ChangedFiles.FileChange.Kind.MODIFIED,
                        addedLines(repo, d.getOldId().toObjectId(), d.getNewId().toObjectId())));
          }
        }
      }
      return new ChangedFiles(
          label(baseName, from),
          label(headName, head),
          files(repo, from),
          files(repo, head),
          changes,
          urls);
    } catch (IOException e) {
      throw new GitWorkflowException("cannot compare " + headName + " with " + baseName, e);
    }
  }

  /** {@code main (1a2b3c4d5e6f)}, or just the short SHA when the name is one. */
  private static String label(String name, ObjectId id) {
    String shortId = id.name().substring(0, 12);
    return name.matches("[0-9a-f]{7,40}") ? shortId : name + " (" + shortId + ")";
  }

  /** The 1-based lines of {@code after} that are not in {@code before} (a histogram diff). */
  private static List<Integer> addedLines(Repository repo, ObjectId before, ObjectId after)
      throws IOException {
    RawText b = new RawText(repo.open(after, Constants.OBJ_BLOB).getBytes());
    if (RawText.isBinary(b.getRawContent())) {
      return List.of();
    }
    RawText a =
        before == null
            ? RawText.EMPTY_TEXT
            : new RawText(repo.open(before, Constants.OBJ_BLOB).getBytes());
    List<Integer> lines = new ArrayList<>();
    for (Edit edit : new HistogramDiff().diff(RawTextComparator.DEFAULT, a, b)) {
      for (int line = edit.getBeginB(); line < edit.getEndB(); line++) {
        lines.add(line + 1);
      }
    }
    return lines;
  }

  /** A branch, tag or commit of {@code repo}; remote-tracking branches first. */
  static Optional<ObjectId> resolve(Repository repo, String name, String... remotePrefixes) {
    try {
      for (String prefix : remotePrefixes) {
        ObjectId id = repo.resolve(prefix + name + "^{commit}");
        if (id != null) {
          return Optional.of(id);
        }
      }
      for (String candidate : List.of(Constants.R_TAGS + name, name)) {
        ObjectId id = repo.resolve(candidate + "^{commit}");
        if (id != null) {
          return Optional.of(id);
        }
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /** The first parent of {@code commit}, if it has one. */
  static Optional<ObjectId> parent(Repository repo, ObjectId commit) {
    try (RevWalk walk = new RevWalk(repo)) {
      RevCommit c = walk.parseCommit(commit);
      return c.getParentCount() == 0 ? Optional.empty() : Optional.of(c.getParent(0).getId());
    } catch (IOException e) {
      throw new GitWorkflowException("cannot read " + commit.name(), e);
    }
  }
}
