package dev.gitopscrew.bench.gitflow;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.internal.storage.file.ObjectDirectory;
import org.eclipse.jgit.internal.storage.file.PackInserter;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TreeFormatter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/**
 * A GitOps repository of 5,000 manifests and 2,000 commits, written object by object into one pack
 * (no working tree, no porcelain); cached under {@code bench/target} between runs.
 */
final class SeedRepository {

  static final int FILES = 5_000;
  static final int COMMITS = 2_000;
  private static final int PER_DIR = 100;

  private SeedRepository() {}

  /** The packed seed repository, generated on first use. */
  static Path ensure(Path dir) throws Exception {
    Path done = dir.resolve("gitops-crew-seed-complete");
    if (Files.exists(done)) {
      return dir;
    }
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
    try (Repository repo = new FileRepositoryBuilder().setGitDir(dir.toFile()).setBare().build()) {
      repo.create(true);
      repo.updateRef(Constants.HEAD).link(Constants.R_HEADS + "main");
      ObjectId head = write(repo);
      RefUpdate update = repo.updateRef(Constants.R_HEADS + "main");
      update.setNewObjectId(head);
      update.update();
    }
    Files.writeString(done, "ok\n");
    return dir;
  }

  // Trees are kept per directory level, so a commit rewrites the four trees above its one file
  // instead of the whole index; everything goes into one pack, no loose objects.
  private static ObjectId write(Repository repo) throws IOException {
    PersonIdent person = new PersonIdent("Ada Operator", "ada@example.org", 1_700_000_000_000L, 0);
    int teams = FILES / PER_DIR;
    ObjectId[] appTrees = new ObjectId[FILES];
    ObjectId[] teamTrees = new ObjectId[teams];
    try (PackInserter inserter = ((ObjectDirectory) repo.getObjectDatabase()).newPackInserter()) {
      inserter.checkExisting(false);
      inserter.setCompressionLevel(1);
      for (int i = 0; i < FILES; i++) {
        appTrees[i] = appTree(inserter, inserter.insert(Constants.OBJ_BLOB, manifest(i, 0)));
      }
      for (int t = 0; t < teams; t++) {
        teamTrees[t] = teamTree(inserter, t, appTrees);
      }
      ObjectId parent = null;
      for (int c = 0; c < COMMITS; c++) {
        if (c > 0) {
          int file = (int) ((c * 7919L) % FILES);
          appTrees[file] =
              appTree(inserter, inserter.insert(Constants.OBJ_BLOB, manifest(file, c)));
          teamTrees[file / PER_DIR] = teamTree(inserter, file / PER_DIR, appTrees);
        }
        TreeFormatter apps = new TreeFormatter();
        for (int t = 0; t < teams; t++) {
          apps.append(String.format("team-%02d", t), FileMode.TREE, teamTrees[t]);
        }
        TreeFormatter top = new TreeFormatter();
        top.append("apps", FileMode.TREE, inserter.insert(apps));
        CommitBuilder commit = new CommitBuilder();
        commit.setTreeId(inserter.insert(top));
        if (parent != null) {
          commit.setParentId(parent);
        }
        PersonIdent when = new PersonIdent(person, person.getWhenAsInstant().plusSeconds(60L * c));
        commit.setAuthor(when);
        commit.setCommitter(when);
        commit.setMessage("chore: revision " + c + "\n");
        parent = inserter.insert(commit);
      }
      inserter.flush();
      return parent;
    }
  }

  private static ObjectId appTree(ObjectInserter inserter, ObjectId blob) throws IOException {
    TreeFormatter tree = new TreeFormatter();
    tree.append("deployment.yaml", FileMode.REGULAR_FILE, blob);
    return inserter.insert(tree);
  }

  private static ObjectId teamTree(ObjectInserter inserter, int team, ObjectId[] appTrees)
      throws IOException {
    TreeFormatter tree = new TreeFormatter();
    for (int i = team * PER_DIR; i < (team + 1) * PER_DIR; i++) {
      tree.append(String.format("app-%04d", i), FileMode.TREE, appTrees[i]);
    }
    return inserter.insert(tree);
  }

  static String path(int i) {
    return String.format("apps/team-%02d/app-%04d/deployment.yaml", i / PER_DIR, i);
  }

  static byte[] manifest(int i, int revision) {
    return ("""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app-%1$04d
          labels:
            app.kubernetes.io/name: app-%1$04d
        spec:
          replicas: %2$d
          selector:
            matchLabels:
              app.kubernetes.io/name: app-%1$04d
          template:
            metadata:
              labels:
                app.kubernetes.io/name: app-%1$04d
            spec:
              containers:
                - name: app
                  image: registry.homelab.local/app-%1$04d:1.%3$d.0
        """)
        .formatted(i, 1 + revision % 3, revision)
        .getBytes(StandardCharsets.UTF_8);
  }
}
