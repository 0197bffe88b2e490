package dev.gitopscrew.git.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/** What a person (not an agent) does to a bare repository in a test: commit, read, list. */
public final class BareRepos {

  private BareRepos() {}

  public static Repository open(Path bare) throws IOException {
    return new FileRepositoryBuilder().setGitDir(bare.toFile()).setBare().build();
  }

  /** Commits {@code files} directly on {@code branch}, as a colleague pushing to main would. */
  public static ObjectId commit(Path bare, String branch, Map<String, String> files, String message)
      throws IOException {
    try (Repository repo = open(bare);
        ObjectInserter inserter = repo.newObjectInserter();
        ObjectReader reader = inserter.newReader();
        RevWalk walk = new RevWalk(reader)) {
      ObjectId head = repo.resolve(Constants.R_HEADS + branch);
      DirCache index = DirCache.newInCore();
      if (head != null) {
        DirCacheBuilder builder = index.builder();
        builder.addTree(new byte[0], 0, reader, walk.parseCommit(head).getTree());
        builder.finish();
      }
      DirCacheEditor editor = index.editor();
      files.forEach(
          (path, content) -> {
            ObjectId blob;
            try {
              blob = inserter.insert(Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            editor.add(
                new DirCacheEditor.PathEdit(path) {
                  @Override
                  public void apply(DirCacheEntry entry) {
                    entry.setFileMode(FileMode.REGULAR_FILE);
                    entry.setObjectId(blob);
                  }
                });
          });
      editor.finish();
      CommitBuilder commit = new CommitBuilder();
      PersonIdent person = new PersonIdent("Ada Operator", "ada@example.org");
      commit.setTreeId(index.writeTree(inserter));
      if (head != null) {
        commit.setParentId(head);
      }
      commit.setAuthor(person);
      commit.setCommitter(person);
      commit.setMessage(message + "\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repo.updateRef(Constants.R_HEADS + branch);
      update.setNewObjectId(id);
      update.update();
      return id;
    }
  }

  /**
   * A merge commit of {@code source} into {@code target}, as a forge's merge button makes it; the
   * source must contain the target (its tree is the result).
   */
  public static ObjectId merge(Path bare, String target, String source, String message)
      throws IOException {
    try (Repository repo = open(bare);
        ObjectInserter inserter = repo.newObjectInserter();
        RevWalk walk = new RevWalk(repo)) {
      RevCommit ours = walk.parseCommit(repo.resolve(Constants.R_HEADS + target));
      RevCommit theirs = walk.parseCommit(repo.resolve(Constants.R_HEADS + source));
      CommitBuilder commit = new CommitBuilder();
      PersonIdent person = new PersonIdent("Ada Operator", "ada@example.org");
      commit.setTreeId(theirs.getTree());
      commit.setParentIds(ours, theirs);
      commit.setAuthor(person);
      commit.setCommitter(person);
      commit.setMessage(message + "\n");
      ObjectId id = inserter.insert(commit);
      inserter.flush();
      RefUpdate update = repo.updateRef(Constants.R_HEADS + target);
      update.setNewObjectId(id);
      update.update();
      return id;
    }
  }

  public static RevCommit head(Path bare, String branch) throws IOException {
    try (Repository repo = open(bare);
        RevWalk walk = new RevWalk(repo)) {
      ObjectId id = repo.resolve(Constants.R_HEADS + branch);
      return id == null ? null : walk.parseCommit(id);
    }
  }

  public static String read(Path bare, String branch, String path) throws IOException {
    try (Repository repo = open(bare);
        RevWalk walk = new RevWalk(repo)) {
      RevCommit commit = walk.parseCommit(repo.resolve(Constants.R_HEADS + branch));
      try (TreeWalk tree = TreeWalk.forPath(repo, path, commit.getTree())) {
        return tree == null
            ? null
            : new String(repo.open(tree.getObjectId(0)).getBytes(), StandardCharsets.UTF_8);
      }
    }
  }

  public static List<String> branches(Path bare) throws IOException {
    try (Repository repo = open(bare)) {
      List<String> names = new ArrayList<>();
      repo.getRefDatabase()
          .getRefsByPrefix(Constants.R_HEADS)
          .forEach(r -> names.add(r.getName().substring(11)));
      return names;
    }
  }

  /** Every byte of every commit object reachable from any branch, to look for leaked secrets. */
  public static String allCommitText(Path bare) throws IOException {
    StringBuilder text = new StringBuilder();
    try (Repository repo = open(bare);
        RevWalk walk = new RevWalk(repo)) {
      for (var ref : repo.getRefDatabase().getRefs()) {
        walk.markStart(walk.parseCommit(ref.getObjectId()));
      }
      for (RevCommit c : walk) {
        text.append(new String(c.getRawBuffer(), StandardCharsets.UTF_8));
      }
    }
    return text.toString();
  }
}
