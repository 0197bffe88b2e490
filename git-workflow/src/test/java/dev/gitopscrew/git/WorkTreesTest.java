package dev.gitopscrew.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local work tree's HEAD against its base: what a pull request from it would bring. */
class WorkTreesTest {

  @TempDir Path dir;

  private static void commit(Git git, Path dir, String path, String text) throws Exception {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
    git.add().addFilepattern(path).call();
    git.commit().setMessage("edit " + path).setSign(false).call();
  }

  @Test
  void headOfABranchIsComparedWithMainByDefaultFromAnySubFolder() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      commit(git, dir, "k8s/app/deployment.yaml", "kind: Deployment\n");
      commit(git, dir, "k8s/app/service.yaml", "kind: Service\n");
      git.checkout().setCreateBranch(true).setName("feature").call();
      commit(git, dir, "k8s/app/deployment.yaml", "kind: Deployment\nreplicas: 2\n");
      git.rm().addFilepattern("k8s/app/service.yaml").call();
      git.commit().setMessage("drop the service").setSign(false).call();
      git.checkout().setName("main").call();
      commit(git, dir, "README.md", "main moved on\n");
      git.checkout().setName("feature").call();
    }
    Files.writeString(dir.resolve("k8s/app/uncommitted.yaml"), "kind: Pod\n");

    ChangedFiles changes = WorkTrees.changes(dir.resolve("k8s"), null);

    assertThat(changes.changes())
        .extracting(c -> c.path() + " " + c.kind())
        .containsExactly("k8s/app/deployment.yaml MODIFIED", "k8s/app/service.yaml DELETED");
    assertThat(changes.changes().get(0).addedLines()).containsExactly(2);
    assertThat(changes.base()).startsWith("main (");
    assertThat(changes.head()).startsWith("feature (");
    assertThat(changes.after().readText("k8s/app/deployment.yaml").orElseThrow())
        .contains("replicas: 2");
    assertThat(changes.before().paths()).doesNotContain("README.md");
    assertThat(WorkTrees.changes(dir, "feature").changes()).isEmpty();
  }

  @Test
  void aFolderOutsideAnyWorkTreeOrAnUnknownBaseSaysSo() throws Exception {
    Path plain = Files.createDirectories(dir.resolve("plain"));
    assertThatThrownBy(() -> WorkTrees.changes(plain, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("is not in a Git work tree");
    try (Git git = Git.init().setDirectory(dir.resolve("repo").toFile()).call()) {
      commit(git, dir.resolve("repo"), "a.yaml", "a: 1\n");
    }
    assertThatThrownBy(() -> WorkTrees.changes(dir.resolve("repo"), "v1.0.0"))
        .hasMessageStartingWith("no branch, tag or commit 'v1.0.0' in ");
  }
}
