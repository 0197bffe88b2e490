package dev.gitopscrew.forge.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The local forge's merge button does what GitHub's does to the issues a pull request closes. */
class LocalForgeMergeTest {

  private final InMemoryLocalForgeRecords records = new InMemoryLocalForgeRecords();
  private final LocalForge forge = new LocalForge("demo", records);

  @Test
  void mergingClosesTheIssuesItsBodyClosesWithAKeywordAndNoOthers() {
    int findings =
        forge.createIssue(new NewIssue("Security scan findings", "...", Set.of())).number();
    int related = forge.createIssue(new NewIssue("Related work", "...", Set.of())).number();
    int fixed = forge.createIssue(new NewIssue("Probe fails", "...", Set.of())).number();
    PullRequest pr =
        forge.createPullRequest(
            new NewPullRequest(
                "security: Harden pod security contexts",
                "Closes #" + findings + "\n\nSee #" + related + "; also fixes: #" + fixed + ".",
                "security-analyst/security/1-harden",
                "main",
                Set.of(),
                findings,
                null));

    forge
        .localMerges()
        .orElseThrow()
        .recordMerge(pr.number(), "6f44fa93acb3e3af240ca54131a6192692101eee", Instant.now());

    assertThat(forge.pullRequest(pr.number()).state()).isEqualTo(PullRequest.State.MERGED);
    assertThat(forge.issue(findings).open()).isFalse();
    assertThat(forge.issue(fixed).open()).isFalse();
    assertThat(forge.issue(related).open()).as("a mention without a keyword").isTrue();
  }

  @Test
  void aKeywordNamingAnIssueThatDoesNotExistIsIgnored() {
    PullRequest pr =
        forge.createPullRequest(
            new NewPullRequest("fix: typo", "Fixes #99", "b", "main", Set.of(), 0, null));
    forge.localMerges().orElseThrow().recordMerge(pr.number(), "abc", Instant.now());
    assertThat(forge.pullRequest(pr.number()).state()).isEqualTo(PullRequest.State.MERGED);
  }
}
