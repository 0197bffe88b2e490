package dev.gitopscrew.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.local.LocalForgeRecords.Milestone;
import dev.gitopscrew.forge.local.LocalForgeRecords.Release;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local forge's records survive a restart of the state store. */
@org.junit.jupiter.api.Tag("store")
class JdbcLocalForgeRecordsTest {

  @TempDir Path state;

  @Test
  void issuesPullRequestsAndReleasesAreKeptAcrossRestarts() {
    try (StateStore store = TestStores.open(state)) {
      JdbcLocalForgeRecords records = new JdbcLocalForgeRecords(store.dataSource());
      Issue issue =
          records.insertIssue(
              "demo",
              new NewIssue(
                  "Bump whoami",
                  "body\n---\nAgent: devops-sre | GitOps Crew",
                  Set.of("agent:devops-sre", "type:chore")));
      assertThat(issue.number()).isEqualTo(1);
      assertThat(issue.url()).isEqualTo("local://demo/issues/1");
      records.addLabels("demo", 1, Set.of("type:chore", "area:gitops"));
      records.insertComment("demo", 1, "Plan: bump the tag");
      records.setMilestone("demo", 1, "v1.4.0");
      PullRequest pr =
          records.insertPullRequest(
              "demo",
              new NewPullRequest(
                  "chore: Bump whoami",
                  "Closes #1",
                  "devops-sre/chore/1-bump-whoami",
                  "main",
                  Set.of("agent:devops-sre"),
                  1,
                  "v1.4.0"));
      assertThat(pr.number()).isEqualTo(2);
      records.updatePullRequest("demo", 2, "chore: Bump whoami to v1.10.3", "Closes #1\n\nmore");
      records.setPullRequestState("demo", 2, PullRequest.State.MERGED);
      records.insertRelease("demo", new Release("v1.4.0", "v1.4.0", "- Bump whoami (#1)"));
      records.insertRelease("demo", new Release("v1.4.0", "again", "ignored"));
      records.closeMilestone("demo", "v1.4.0");
      assertThat(records.insertIssue("other", new NewIssue("Elsewhere", "b", Set.of())).number())
          .isEqualTo(1);
    }

    try (StateStore store = TestStores.open(state)) {
      JdbcLocalForgeRecords records = new JdbcLocalForgeRecords(store.dataSource());
      Issue issue = records.issue("demo", 1).orElseThrow();
      assertThat(issue.labels())
          .containsExactlyInAnyOrder("agent:devops-sre", "type:chore", "area:gitops");
      assertThat(issue.milestone()).isEqualTo("v1.4.0");
      assertThat(issue.open()).isTrue();
      assertThat(records.comments("demo", 1))
          .singleElement()
          .satisfies(c -> assertThat(c.body()).isEqualTo("Plan: bump the tag"));
      assertThat(records.issues("demo")).hasSize(1);
      PullRequest pr = records.pullRequests("demo").get(0);
      assertThat(pr.title()).isEqualTo("chore: Bump whoami to v1.10.3");
      assertThat(pr.state()).isEqualTo(PullRequest.State.MERGED);
      assertThat(pr.branch()).isEqualTo("devops-sre/chore/1-bump-whoami");
      assertThat(pr.milestone()).isEqualTo("v1.4.0");
      assertThat(records.milestones("demo")).containsExactly(new Milestone("v1.4.0", false));
      assertThat(records.releases("demo"))
          .containsExactly(new Release("v1.4.0", "v1.4.0", "- Bump whoami (#1)"));
      assertThat(records.issue("demo", 2)).isEmpty();
      assertThatThrownBy(() -> records.insertComment("demo", 9, "x")).hasMessageContaining("#9");
    }
  }

  @Test
  void mergesRenamedMilestonesAndUpdatedReleasesAreKeptAcrossRestarts() {
    java.time.Instant at = java.time.Instant.parse("2026-11-30T10:15:30.123Z");
    try (StateStore store = TestStores.open(state)) {
      JdbcLocalForgeRecords records = new JdbcLocalForgeRecords(store.dataSource());
      records.insertPullRequest(
          "demo",
          new NewPullRequest(
              "feat: probes",
              "Closes #9",
              "software-engineer/feat/9-probes",
              "main",
              Set.of(),
              9,
              null));
      records.markMerged("demo", 1, "2a275715bb57f5713c3ddd9257f9e0fbbd631d35", at);
      records.createMilestone("demo", "v0.1.1", "The release after v0.1.0.");
      records.createMilestone("demo", "v0.1.1", "a second create changes nothing");
      records.setMilestone("demo", 1, "v0.1.1");
      records.updateMilestone(
          "demo", "v0.1.1", "v0.2.0", "Renamed from v0.1.1 when v0.2.0 was cut.", false);
      records.insertRelease("demo", new Release("v0.2.0", "v0.2.0", "first notes"));
      records.updateRelease("demo", new Release("v0.2.0", "v0.2.0", "better notes"));
      assertThatThrownBy(() -> records.updateMilestone("demo", "v9.9.9", "v9.9.10", "", true))
          .hasMessage("no milestone v9.9.9 in demo");
      assertThatThrownBy(() -> records.markMerged("demo", 7, "abc", at))
          .hasMessage("no pull request #7 in demo");
    }

    try (StateStore store = TestStores.open(state)) {
      JdbcLocalForgeRecords records = new JdbcLocalForgeRecords(store.dataSource());
      assertThat(records.pullRequest("demo", 1).orElseThrow().state())
          .isEqualTo(PullRequest.State.MERGED);
      assertThat(records.pullRequest("demo", 1).orElseThrow().milestone()).isEqualTo("v0.2.0");
      assertThat(records.merges("demo"))
          .containsExactly(
              new dev.gitopscrew.forge.local.LocalForgeRecords.Merge(
                  1, "2a275715bb57f5713c3ddd9257f9e0fbbd631d35", at));
      assertThat(records.milestones("demo"))
          .containsExactly(
              new Milestone("v0.2.0", false, "Renamed from v0.1.1 when v0.2.0 was cut."));
      assertThat(records.releases("demo"))
          .containsExactly(new Release("v0.2.0", "v0.2.0", "better notes"));
    }
  }

  @Test
  void aClosedIssueIsReopenedAndStaysOpenAcrossRestarts() {
    try (StateStore store = TestStores.open(state)) {
      JdbcLocalForgeRecords records = new JdbcLocalForgeRecords(store.dataSource());
      records.insertIssue("demo", new NewIssue("whoami is old", "bump it", Set.of("type:fix")));
      records.closeIssue("demo", 1);
      assertThat(records.issue("demo", 1).orElseThrow().open()).isFalse();
      records.reopenIssue("demo", 1);
    }
    try (StateStore store = TestStores.open(state)) {
      JdbcLocalForgeRecords records = new JdbcLocalForgeRecords(store.dataSource());
      assertThat(records.issue("demo", 1).orElseThrow().open()).isTrue();
    }
  }

  @Test
  void aReportIssueIsRewrittenAndClosedAndCommitStatusesKeepTheLastPerContext() {
    String sha = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
    try (StateStore store = TestStores.open(state)) {
      JdbcLocalForgeRecords records = new JdbcLocalForgeRecords(store.dataSource());
      records.insertIssue("demo", new NewIssue("Security scan findings", "3 findings", Set.of()));
      records.insertPullRequest(
          "demo",
          new NewPullRequest("fix: x", "Closes #1", "qa/fix/1-x", "main", Set.of(), 1, null));
      records.updateIssueBody("demo", 1, "2 findings");
      records.closeIssue("demo", 1);
      long id = records.insertComment("demo", 2, "Validation: running").id();
      records.updateComment("demo", 2, id, "Validation: 1 check failed");
      records.setCommitStatus(
          "demo",
          new CommitStatus(
              sha, CommitStatus.State.PENDING, "gitops-crew/validate", "running", null));
      records.setCommitStatus(
          "demo",
          new CommitStatus(
              sha,
              CommitStatus.State.FAILURE,
              "gitops-crew/validate",
              "1 check failed",
              "local://x"));
      assertThatThrownBy(() -> records.updateIssueBody("demo", 2, "not an issue"))
          .isInstanceOf(IllegalArgumentException.class);
    }
    try (StateStore store = TestStores.open(state)) {
      JdbcLocalForgeRecords records = new JdbcLocalForgeRecords(store.dataSource());
      assertThat(records.issue("demo", 1).orElseThrow())
          .satisfies(
              i -> {
                assertThat(i.body()).isEqualTo("2 findings");
                assertThat(i.open()).isFalse();
              });
      assertThat(records.comments("demo", 2))
          .singleElement()
          .satisfies(c -> assertThat(c.body()).isEqualTo("Validation: 1 check failed"));
      assertThat(records.commitStatuses("demo", sha))
          .containsExactly(
              new CommitStatus(
                  sha,
                  CommitStatus.State.FAILURE,
                  "gitops-crew/validate",
                  "1 check failed",
                  "local://x"));
    }
  }

  @Test
  void twoWritersOnOneStoreShareTheNumberSequenceWithoutGapsOrRepeats() throws Exception {
    try (StateStore store = TestStores.open(state)) {
      // two instances, as two replicas: neither waits for the other in this process
      JdbcLocalForgeRecords one = new JdbcLocalForgeRecords(store.dataSource());
      JdbcLocalForgeRecords two = new JdbcLocalForgeRecords(store.dataSource());
      var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        var start = new java.util.concurrent.CountDownLatch(1);
        var issues =
            pool.submit(
                () -> {
                  start.await();
                  java.util.List<Integer> n = new java.util.ArrayList<>();
                  for (int i = 0; i < 30; i++) {
                    n.add(
                        one.insertIssue("demo", new NewIssue("i" + i, "b", Set.of("x"))).number());
                  }
                  return n;
                });
        var pulls =
            pool.submit(
                () -> {
                  start.await();
                  java.util.List<Integer> n = new java.util.ArrayList<>();
                  for (int i = 0; i < 30; i++) {
                    n.add(
                        two.insertPullRequest(
                                "demo",
                                new NewPullRequest(
                                    "p" + i, "b", "b" + i, "main", Set.of("y"), 0, null))
                            .number());
                  }
                  return n;
                });
        start.countDown();
        java.util.List<Integer> all = new java.util.ArrayList<>(issues.get());
        all.addAll(pulls.get());
        assertThat(all).doesNotHaveDuplicates().hasSize(60);
        assertThat(all)
            .containsExactlyInAnyOrderElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 60).boxed().toList());
        assertThat(one.issues("demo"))
            .hasSize(30)
            .allSatisfy(i -> assertThat(i.labels()).containsExactly("x"));
        assertThat(one.pullRequests("demo"))
            .hasSize(30)
            .allSatisfy(p -> assertThat(p.labels()).containsExactly("y"));
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void aStoreUpgradedFromBeforeTheSequenceGoesOnAfterItsHighestNumber() throws Exception {
    String url = "jdbc:h2:file:" + state.resolve("old").toAbsolutePath();
    var h2 = new org.h2.jdbcx.JdbcDataSource();
    h2.setURL(url);
    h2.setUser("sa");
    org.flywaydb.core.Flyway.configure()
        .dataSource(h2)
        .locations("classpath:db/migration")
        .target("17")
        .load()
        .migrate();
    try (var c = h2.getConnection();
        var s = c.createStatement()) {
      for (int n : new int[] {3, 7}) {
        s.execute(
            "INSERT INTO local_forge_item (repo, number, kind, title, body, state, created_at,"
                + " updated_at) VALUES ('infra', "
                + n
                + ", 'ISSUE', 'old', 'b', 'OPEN', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
      }
    }
    try (StateStore store = StateStore.open(url, "sa", "")) {
      JdbcLocalForgeRecords records =
          new JdbcLocalForgeRecords(store.dataSource(), java.time.Clock.systemUTC());
      assertThat(records.insertIssue("infra", new NewIssue("new", "b", Set.of())).number())
          .isEqualTo(8);
      assertThat(records.insertIssue("homelab", new NewIssue("first", "b", Set.of())).number())
          .isEqualTo(1);
    }
  }
}
