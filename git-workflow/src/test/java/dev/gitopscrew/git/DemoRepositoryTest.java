package dev.gitopscrew.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.git.testing.BareRepos;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRepositoryTest {

  @TempDir Path state;

  @Test
  void aNewcomerGetsASeededAppOfAppsRepositoryOnce() throws Exception {
    RepositorySpec demo = DemoRepository.ensure(state);
    Path bare = state.resolve("repositories/demo.git");

    assertThat(demo.forge()).isEqualTo(ForgeKind.LOCAL);
    assertThat(demo.url()).startsWith("file:").endsWith("demo.git/");
    assertThat(BareRepos.read(bare, "main", "apps/root-app.yaml"))
        .contains("kind: Application", "path: apps");
    assertThat(BareRepos.read(bare, "main", "k8s/apps/whoami/kustomization.yaml"))
        .contains("deployment.yaml");
    var seeded = BareRepos.head(bare, "main");

    DemoRepository.ensure(state);
    assertThat(BareRepos.head(bare, "main")).isEqualTo(seeded);
  }
}
