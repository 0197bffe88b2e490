package dev.gitopscrew.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.git.testing.BareRepos;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing, reading and searching a real repository's cached clone at a ref, every answer bounded.
 */
class RepositoryReaderTest {

  private static final String DEPLOYMENT = "k8s/apps/whoami/deployment.yaml";

  @TempDir Path tmp;
  private Path bare;
  private MirrorCache mirrors;
  private RepositoryReader reader;

  @BeforeEach
  void seed() throws Exception {
    bare = tmp.resolve("remote/demo.git");
    DemoRepository.seedIfMissing(bare);
    Map<String, String> more = new LinkedHashMap<>();
    StringBuilder big = new StringBuilder();
    for (int i = 1; big.length() < 3 * RepositoryReader.MAX_BYTES; i++) {
      big.append("line ").append(i).append(" of a large generated file\n");
    }
    more.put("docs/large.txt", big.toString());
    more.put("docs/logo.png", "\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000");
    for (int i = 0; i < 60; i++) {
      more.put("notes/note-" + (100 + i) + ".md", "TODO: write note " + i + "\n");
    }
    BareRepos.commit(bare, "main", more, "Add docs and notes");
    BareRepos.commit(bare, "feature", Map.of("only-on-feature.txt", "feature text\n"), "Feature");
    RepositorySpec spec = RepositorySpec.local("demo", bare.toUri().toString());
    mirrors = new MirrorCache(tmp.resolve("state"));
    reader = new RepositoryReader(mirrors, Map.of("demo", spec), s -> GitCredentials.none());
  }

  @AfterEach
  void close() {
    mirrors.close();
  }

  @Test
  void listsTheFilesUnderAFolderAtTheDefaultBranch() {
    RepositoryReader.Listing listing = reader.list("demo", "k8s/apps/whoami/", null);

    assertThat(listing.files())
        .contains(DEPLOYMENT)
        .allMatch(p -> p.startsWith("k8s/apps/whoami/"));
    assertThat(listing.total()).isEqualTo(listing.files().size());
    assertThat(listing.cut()).isFalse();
    assertThat(listing.at()).startsWith("main (");
    assertThat(reader.list("demo", "", null).files()).contains("README.md", DEPLOYMENT);
  }

  @Test
  void aListingIsCutAtItsBoundAndSaysHowManyThereAre() throws Exception {
    Map<String, String> many = new LinkedHashMap<>();
    for (int i = 0; i < RepositoryReader.MAX_FILES + 20; i++) {
      many.put("generated/f" + i + ".txt", "x\n");
    }
    BareRepos.commit(bare, "main", many, "Many files");

    RepositoryReader.Listing listing = reader.list("demo", "generated", "main");

    assertThat(listing.files()).hasSize(RepositoryReader.MAX_FILES);
    assertThat(listing.total()).isEqualTo(RepositoryReader.MAX_FILES + 20);
    assertThat(listing.cut()).isTrue();
  }

  @Test
  void readsAFileAsItIsAtARef() throws Exception {
    RepositoryReader.FileText file = reader.read("demo", DEPLOYMENT, null);

    String expected = BareRepos.read(bare, "main", DEPLOYMENT);
    assertThat(file.text()).isEqualTo(expected).contains("kind: Deployment");
    assertThat(file.cut()).isFalse();
    assertThat(file.size()).isEqualTo(expected.getBytes(StandardCharsets.UTF_8).length);
    assertThat(reader.read("demo", "only-on-feature.txt", "feature").text())
        .isEqualTo("feature text\n");
  }

  @Test
  void aLargeFileIsCutAtWholeLinesWithinTheBound() {
    RepositoryReader.FileText file = reader.read("demo", "docs/large.txt", "main");

    assertThat(file.cut()).isTrue();
    assertThat(file.size()).isGreaterThan(2L * RepositoryReader.MAX_BYTES);
    assertThat(file.text().getBytes(StandardCharsets.UTF_8).length)
        .isLessThanOrEqualTo(RepositoryReader.MAX_BYTES);
    assertThat(file.text()).startsWith("line 1 of a large generated file\n").endsWith("file\n");
  }

  @Test
  void aBinaryFileIsRefused() {
    assertThatThrownBy(() -> reader.read("demo", "docs/logo.png", null))
        .isInstanceOf(GitWorkflowException.class)
        .hasMessageContaining("'docs/logo.png' in demo at main (")
        .hasMessageContaining("is a binary file")
        .hasMessageContaining("only text files can be read");
  }

  @Test
  void aMissingPathNamesWhatTheFolderHolds() {
    assertThatThrownBy(() -> reader.read("demo", "k8s/apps/whoami/deploy.yaml", null))
        .isInstanceOf(GitWorkflowException.class)
        .hasMessageContaining("no file 'k8s/apps/whoami/deploy.yaml' in demo at main (")
        .hasMessageContaining("k8s/apps/whoami/ holds [")
        .hasMessageContaining("deployment.yaml");
    assertThatThrownBy(() -> reader.list("demo", "k8s/nowhere/at/all", null))
        .hasMessageContaining("no file or folder 'k8s/nowhere/at/all'")
        .hasMessageContaining("k8s/ holds [apps/");
    assertThatThrownBy(() -> reader.read("demo", "k8s/apps", null))
        .hasMessageContaining("'k8s/apps' is a folder");
  }

  @Test
  void pathsAreValidatedBeforeAnythingIsRead() {
    assertThatThrownBy(() -> reader.read("demo", "../outside.txt", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'..'");
    assertThatThrownBy(() -> reader.read("demo", "/etc/passwd", null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must be relative");
    assertThatThrownBy(() -> reader.list("demo", ".git/config", null))
        .hasMessageContaining("points into .git");
  }

  @Test
  void anUnknownRefOrRepositoryNamesWhatExists() {
    assertThatThrownBy(() -> reader.read("demo", "README.md", "release-9"))
        .isInstanceOf(GitWorkflowException.class)
        .hasMessageContaining("no branch, tag or commit 'release-9' in demo")
        .hasMessageContaining("branches: [feature, main]");
    assertThatThrownBy(() -> reader.read("demo", "README.md", "main..feature"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("is not a branch, tag or commit name");
    assertThatThrownBy(() -> reader.list("homelab", "", null))
        .hasMessage("no repository named 'homelab' is configured; known: [demo]");
  }

  @Test
  void searchFindsLinesIgnoringCaseAndSkipsBinaryFiles() throws Exception {
    RepositoryReader.Hits hits = reader.search("demo", "TRAEFIK/WHOAMI", "k8s", null);

    assertThat(hits.hits())
        .isNotEmpty()
        .anySatisfy(
            h -> {
              assertThat(h.path()).isEqualTo(DEPLOYMENT);
              assertThat(h.text()).contains("traefik/whoami");
              assertThat(h.line()).isPositive();
            });
    assertThat(hits.cut()).isFalse();
    String deployment = BareRepos.read(bare, "main", DEPLOYMENT);
    RepositoryReader.Hit first =
        hits.hits().stream().filter(h -> h.path().equals(DEPLOYMENT)).findFirst().orElseThrow();
    assertThat(deployment.lines().toList().get(first.line() - 1).strip()).isEqualTo(first.text());

    RepositoryReader.Hits png = reader.search("demo", "IHDR", "docs", null);
    assertThat(png.hits()).isEmpty();
    assertThat(png.skipped()).isEqualTo(1);
  }

  @Test
  void searchIsCutAtItsBound() {
    RepositoryReader.Hits hits = reader.search("demo", "todo:", "notes", null);

    assertThat(hits.hits()).hasSize(RepositoryReader.MAX_HITS);
    assertThat(hits.cut()).isTrue();
    assertThat(hits.hits().get(0))
        .isEqualTo(new RepositoryReader.Hit("notes/note-100.md", 1, "TODO: write note 0"));
  }
}
