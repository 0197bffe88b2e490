package dev.gitopscrew.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.RepositorySpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console links an audit record to what it wrote where that has a page of its own. */
class ArtifactLinkTest {

  private final ArtifactLink links =
      new ArtifactLink(
          Map.of(
              "homelab",
              new RepositorySpec(
                  "homelab",
                  ForgeKind.GITHUB,
                  "https://github.com/alice/homelab.git",
                  null,
                  null,
                  null,
                  "main"),
              "infra",
              new RepositorySpec(
                  "infra",
                  ForgeKind.AZURE_DEVOPS,
                  "https://dev.azure.com/acme/platform/_git/infra",
                  null,
                  "acme",
                  "platform",
                  "main"),
              "demo",
              RepositorySpec.local("demo", "file:///var/lib/crew/repositories/demo.git")));

  @Test
  void aPullRequestOrIssueOpensAtTheAddressItsForgeGave() {
    assertThat(links.href("forge.pr", "homelab", "https://github.com/alice/homelab/pull/12"))
        .isEqualTo("https://github.com/alice/homelab/pull/12");
  }

  @Test
  void aPushedCommitOpensOnItsRepositorysPage() {
    String sha = "be05b3c2d0a1f4e5b6c7d8e9f00112233445566a";
    assertThat(links.href("git.push", "homelab:crew/fix-whoami", sha))
        .isEqualTo("https://github.com/alice/homelab/commit/" + sha);
    assertThat(links.href("git.push", "infra:crew/x", sha))
        .isEqualTo("https://dev.azure.com/acme/platform/_git/infra/commit/" + sha);
  }

  @Test
  void theLocalForgeAndWhatIsNoAddressHaveNoLink() {
    assertThat(links.href("git.push", "demo:crew/x", "be05b3c")).isNull();
    assertThat(links.href("forge.pr", "demo", "local://demo/pulls/2")).isNull();
    assertThat(links.href("cluster.patch", "deployment/whoami in apps", "4711")).isNull();
    assertThat(links.href("git.push", "homelab:crew/x", "not a sha")).isNull();
  }
}
