package dev.gitopscrew.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.RecordedEffects;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every edge case of a release against WireMock GitHub and a real Git remote. */
class GitHubReleaseTest {

  @TempDir Path dir;
  GitHubRelease repo;
  FakeGitHub github;
  final RecordedEffects effects = new RecordedEffects("homelab-admin", false, GitHubRelease.TOKEN);

  @BeforeEach
  void start() throws Exception {
    repo = new GitHubRelease(dir);
    github = repo.github;
  }

  @AfterEach
  void stop() throws Exception {
    repo.close();
  }

  @Test
  void aRepositoryWithNothingMergedHasNothingToReleaseAndTheCutWritesNothing() {
    Plan plan = repo.plan();

    assertThat(plan.status()).isEqualTo(Plan.Status.NOTHING_TO_RELEASE);
    assertThat(plan.reason()).isEqualTo("no pull request has been merged into main yet");
    assertThat(plan.describe()).startsWith("nothing to release in homelab");
    CutResult cut = repo.cut(effects);
    assertThat(cut.describe()).isEqualTo("nothing changed: " + plan.reason());
    assertThat(github.writes()).isEmpty();
    assertThat(repo.tags()).isEmpty();
    assertThat(effects.records()).isEmpty();
  }

  @Test
  void nothingMergedSinceTheLastReleaseMeansNoRelease() throws Exception {
    repo.released("v0.1.0");

    Plan plan = repo.plan();

    assertThat(plan.status()).isEqualTo(Plan.Status.NOTHING_TO_RELEASE);
    assertThat(plan.reason()).isEqualTo("no pull request merged into main since v0.1.0 (released)");
    assertThat(plan.ignored()).extracting(Plan.Pr::why).containsExactly("shipped in v0.1.0");
    assertThat(repo.cut(effects).changes()).isEmpty();
    assertThat(github.writes()).isEmpty();
  }

  @Test
  void onlyChoreAndDocsPullRequestsMakeAPatchRelease() throws Exception {
    repo.released("v0.1.0");
    int next = github.milestoneTitled("v0.1.1").number;
    repo.merged(5, "chore: bump whoami", next, "type:chore", "agent:devops-sre");
    repo.merged(6, "docs: explain the demo", next, "type:docs");

    Plan plan = repo.plan();

    assertThat(plan.status()).isEqualTo(Plan.Status.READY);
    assertThat(plan.version()).isEqualTo("v0.1.1");
    assertThat(plan.previous()).isEqualTo("v0.1.0");
    assertThat(plan.reason())
        .isEqualTo("PATCH: #5 \"chore: bump whoami\" is no feat or breaking label");
    assertThat(plan.counted())
        .extracting(p -> p.number() + " " + p.why())
        .containsExactly(
            "5 PATCH: no feat or breaking label", "6 PATCH: no feat or breaking label");
    assertThat(plan.steps())
        .extracting(s -> s.name() + " " + s.done())
        .containsExactly("tag false", "close false", "next false", "release false");
  }

  @Test
  void aPullRequestLabelledBothFeatAndFixAsksForTheMinor() throws Exception {
    repo.released("v0.1.0");
    int next = github.milestoneTitled("v0.1.1").number;
    repo.merged(5, "fix: probes", next, "type:fix");
    repo.merged(6, "feat: probes and their fix", next, "type:fix", "type:feat");

    Plan plan = repo.plan();

    assertThat(plan.version()).isEqualTo("v0.2.0");
    assertThat(plan.reason())
        .isEqualTo("MINOR: #6 \"feat: probes and their fix\" is labelled type:feat");
    assertThat(plan.steps())
        .extracting(Plan.Step::what)
        .contains("rename milestone v0.1.1 to v0.2.0 and close it");
  }

  @Test
  void aFeatRevertedInsideTheMilestoneDoesNotCount() throws Exception {
    repo.released("v0.1.0");
    int next = github.milestoneTitled("v0.1.1").number;
    repo.merged(5, "feat: add probes", next, "type:feat");
    repo.merged(6, "fix: whoami port", next, "type:fix");
    FakeGitHub.Item revert = repo.merged(7, "Revert \"feat: add probes\"", next);
    revert.body = "Reverts owner/homelab#5\n\nThe probes restart healthy pods.";

    Plan plan = repo.plan();

    assertThat(plan.version()).isEqualTo("v0.1.1");
    assertThat(plan.counted()).extracting(Plan.Pr::number).containsExactly(6);
    assertThat(plan.ignored())
        .extracting(p -> p.number() + " " + p.why())
        .contains("5 reverted by #7 in this release", "7 reverts #5, which is in this release");
  }

  @Test
  void closedButUnmergedPullRequestsAreIgnored() throws Exception {
    repo.released("v0.1.0");
    int next = github.milestoneTitled("v0.1.1").number;
    repo.closedUnmerged(5, "feat: a rejected idea", next, "type:feat");
    repo.merged(6, "fix: whoami port", next, "type:fix");

    Plan plan = repo.plan();

    assertThat(plan.version()).isEqualTo("v0.1.1");
    assertThat(plan.ignored())
        .extracting(p -> p.number() + " " + p.why())
        .contains("5 closed without merging");
  }

  @Test
  void aMergedPullRequestWithNoMilestoneCountsAndIsPutInTheReleasedOneInTheFewestCalls()
      throws Exception {
    repo.released("v0.1.0");
    FakeGitHub.Milestone next = github.milestoneTitled("v0.1.1");
    repo.merged(5, "fix: whoami port", next.number, "type:fix");
    repo.merged(6, "feat: homepage widgets", null, "type:feat");
    String head = repo.head();
    github.resetRequests();

    CutResult cut = repo.cut(effects);

    assertThat(cut.changes())
        .containsExactly(
            "#6 put in milestone v0.1.1",
            "tag v0.2.0 pushed: "
                + head.substring(0, 7)
                + " (the head of main), annotated by homelab-admin[bot]",
            "milestone v0.1.1 renamed to v0.2.0 and closed",
            "milestone v0.2.1 open for the next release",
            "release v0.2.0 published, marked latest: " + FakeGitHub.WEB + "/releases/tag/v0.2.0");
    assertThat(github.item(6).milestone).isEqualTo(next.number);
    assertThat(next.title).isEqualTo("v0.2.0");
    assertThat(next.state).isEqualTo("closed");
    assertThat(next.description).startsWith("Renamed from v0.1.1 when v0.2.0 was cut");
    assertThat(repo.tags()).containsEntry("v0.2.0", head + " homelab-admin[bot]");
    assertThat(repo.tagMessage("v0.2.0"))
        .isEqualTo(
            "Release v0.2.0\n\n## What's changed\n\n- fix: whoami port (#5)\n"
                + "- feat: homepage widgets (#6)\n\nChanges since v0.1.0.\n");
    assertThat(github.requests())
        .containsExactly(
            "GET /repos/owner/homelab/releases?per_page=100",
            "GET /repos/owner/homelab/pulls?state=closed&sort=updated&direction=desc&per_page=100",
            "PATCH /repos/owner/homelab/issues/6",
            "PATCH /repos/owner/homelab/milestones/" + next.number,
            "POST /repos/owner/homelab/milestones",
            "POST /repos/owner/homelab/releases/generate-notes",
            "POST /repos/owner/homelab/releases");
    FakeGitHub.Release release = github.releases.get(github.releases.size() - 1);
    assertThat(release.tag).isEqualTo("v0.2.0");
    assertThat(release.latest).isTrue();
    assertThat(release.target).isEqualTo(head);
    assertThat(release.body)
        .isEqualTo(
            "## What's Changed\n* generated by GitHub for v0.2.0\n\n**Full Changelog**: "
                + FakeGitHub.WEB
                + "/compare/v0.1.0...v0.2.0");
    assertThat(github.milestoneTitled("v0.2.1").state).isEqualTo("open");
    assertThat(effects.kinds())
        .containsExactly(
            "forge.milestone ok",
            "git.tag ok",
            "forge.milestone ok",
            "forge.milestone ok",
            "forge.release ok");
    assertThat(effects.records()).noneMatch(r -> r.toString().contains(GitHubRelease.TOKEN));
  }

  @Test
  void theFirstReleaseIsV010AndCreatesItsMilestone() throws Exception {
    repo.merged(1, "fix: whoami port", null, "type:fix");
    repo.merged(2, "chore: bump homepage", null, "type:chore");

    Plan plan = repo.plan();
    assertThat(plan.version()).isEqualTo("v0.1.0");
    assertThat(plan.previous()).isNull();
    assertThat(plan.reason())
        .isEqualTo(
            "PATCH: #1 \"fix: whoami port\" is no feat or breaking label; first release: never"
                + " below v0.1.0 (release.firstVersion)");
    assertThat(plan.steps())
        .extracting(Plan.Step::what)
        .startsWith(
            "create milestone v0.1.0", "put #1, #2 (merged with no milestone) in milestone v0.1.0");

    repo.cut(effects);

    FakeGitHub.Milestone made = github.milestoneTitled("v0.1.0");
    assertThat(made.state).isEqualTo("closed");
    assertThat(github.item(1).milestone).isEqualTo(made.number);
    assertThat(github.item(2).milestone).isEqualTo(made.number);
    assertThat(repo.tags()).containsKey("v0.1.0");
    assertThat(github.releases).singleElement().satisfies(r -> assertThat(r.draft).isFalse());
  }

  @Test
  void aTagAlreadyOnTheDefaultBranchIsContinuedFromNotMovedOrRepeated() throws Exception {
    repo.released("v0.1.0");
    FakeGitHub.Milestone m = github.milestone(20, "v0.2.0", true);
    repo.merged(5, "feat: homepage widgets", m.number, "type:feat");
    String tagged = repo.head();
    repo.tag("v0.2.0", tagged, new PersonIdent("Ada Operator", "ada@example.org"));
    repo.merged(6, "fix: after the tag", null, "type:fix");

    Plan plan = repo.plan();

    assertThat(plan.status()).isEqualTo(Plan.Status.CONTINUING);
    assertThat(plan.version()).isEqualTo("v0.2.0");
    assertThat(plan.commit()).isEqualTo(tagged);
    assertThat(plan.reason())
        .isEqualTo(
            "the tag v0.2.0 is on main at "
                + tagged.substring(0, 7)
                + ": the cut continues from there");
    assertThat(plan.ignored())
        .extracting(p -> p.number() + " " + p.why())
        .contains("6 merged after v0.2.0 was tagged: the next release");

    CutResult cut = releasesCut("v0.2.0");

    assertThat(cut.describe())
        .startsWith("release v0.2.0 of homelab finished (it was tagged before):");
    assertThat(repo.tags()).containsEntry("v0.2.0", tagged + " Ada Operator");
    assertThat(m.state).isEqualTo("closed");
    assertThat(github.releases).filteredOn(r -> r.tag.equals("v0.2.0")).hasSize(1);
    assertThat(effects.kinds()).doesNotContain("git.tag ok");
    assertThat(repo.plan().status()).isEqualTo(Plan.Status.READY);
    assertThat(repo.plan().version()).isEqualTo("v0.2.1");
  }

  @Test
  void aTagOfTheVersionOffTheDefaultBranchIsRefusedAndNothingIsWritten() throws Exception {
    repo.released("v0.1.0");
    repo.merged(5, "fix: whoami port", github.milestoneTitled("v0.1.1").number, "type:fix");
    String elsewhere =
        BareRepos.commit(repo.bare, "experiment", Map.of("x.yaml", "x: 1\n"), "experiment").name();
    repo.tag("v0.1.1", elsewhere, new PersonIdent("Ada Operator", "ada@example.org"));
    github.resetRequests();

    Plan plan = repo.plan();

    assertThat(plan.status()).isEqualTo(Plan.Status.BLOCKED);
    assertThat(plan.reason())
        .isEqualTo(
            "the tag v0.1.1 exists on "
                + elsewhere.substring(0, 7)
                + ", which is not on main; a tag is never moved: delete it, or release from main"
                + " under another version");
    assertThatThrownBy(() -> repo.cut(effects))
        .isInstanceOf(ReleaseException.class)
        .hasMessageContaining("is blocked: the tag v0.1.1 exists on " + elsewhere.substring(0, 7));
    assertThat(github.writes()).isEmpty();
    assertThat(repo.tags()).containsEntry("v0.1.1", elsewhere + " Ada Operator");
  }

  @Test
  void aDraftReleaseGetsItsTagFirstAndIsThenPublishedNotDuplicated() throws Exception {
    repo.released("v0.1.0");
    repo.merged(5, "fix: whoami port", github.milestoneTitled("v0.1.1").number, "type:fix");
    FakeGitHub.Release draft = github.release("v0.1.1", true, "Notes Ada drafted");

    Plan plan = repo.plan();
    assertThat(plan.steps())
        .extracting(Plan.Step::what)
        .contains("publish the draft release \"v0.1.1\" (its notes kept), marked latest");

    github.resetRequests();
    repo.cut(effects);

    assertThat(github.releasesWithoutTag).isEmpty();
    assertThat(github.releases).filteredOn(r -> r.tag.equals("v0.1.1")).containsExactly(draft);
    assertThat(draft.draft).isFalse();
    assertThat(draft.latest).isTrue();
    assertThat(draft.body).isEqualTo("Notes Ada drafted");
    assertThat(github.requests())
        .contains("PATCH /repos/owner/homelab/releases/" + draft.id)
        .doesNotContain(
            "POST /repos/owner/homelab/releases",
            "POST /repos/owner/homelab/releases/generate-notes");
  }

  @Test
  void aReleaseMadeMeanwhileAnswers422AndIsFoundByItsTagAndUpdated() throws Exception {
    repo.released("v0.1.0");
    repo.merged(5, "fix: whoami port", github.milestoneTitled("v0.1.1").number, "type:fix");
    github.failNext("POST", "/releases", FakeGitHub.Fault.RACE_RELEASE);

    CutResult cut = repo.cut(effects);

    assertThat(github.releases)
        .filteredOn(r -> r.tag.equals("v0.1.1"))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.body).startsWith("## What's Changed\n* generated by GitHub for v0.1.1");
              assertThat(r.latest).isTrue();
            });
    assertThat(cut.changes()).last().asString().startsWith("release v0.1.1 published");
  }

  @Test
  void aCutThatStopsAfterTaggingIsFinishedByTheNextRunWithoutTaggingTwice() throws Exception {
    repo.released("v0.1.0");
    FakeGitHub.Milestone next = github.milestoneTitled("v0.1.1");
    repo.merged(5, "fix: whoami port", next.number, "type:fix");
    String head = repo.head();
    github.failNext("PATCH", "/milestones/\\d+", FakeGitHub.Fault.BEFORE);

    assertThatThrownBy(() -> repo.cut(effects))
        .isInstanceOf(ReleaseException.class)
        .hasMessageStartingWith(
            "the cut of v0.1.1 stopped at step close: GitHub homelab: cannot"
                + " update milestone v0.1.1: 500 Server Error (done before it: tag v0.1.1 pushed")
        .hasMessageEndingWith("What is done stays done: run the cut again to finish it.")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(GitHubRelease.TOKEN));
    assertThat(repo.tags()).containsOnlyKeys("v0.1.0", "v0.1.1");

    Plan plan = repo.plan();
    assertThat(plan.status()).isEqualTo(Plan.Status.CONTINUING);
    assertThat(plan.reason()).contains("(cut by homelab-admin): the cut continues from there");
    assertThat(plan.steps())
        .extracting(s -> s.name() + " " + s.done())
        .containsExactly("tag true", "close false", "next false", "release false");

    CutResult rerun = repo.cut(effects);

    assertThat(rerun.changes())
        .containsExactly(
            "milestone v0.1.1 closed",
            "milestone v0.1.2 open for the next release",
            "release v0.1.1 published, marked latest: " + FakeGitHub.WEB + "/releases/tag/v0.1.1");
    assertThat(repo.tags()).containsEntry("v0.1.1", head + " homelab-admin[bot]");
    assertThat(effects.kinds())
        .filteredOn(k -> k.startsWith("git.tag"))
        .containsExactly("git.tag ok");
    assertThat(repo.cut(effects).describe())
        .isEqualTo("nothing changed: no pull request merged into main since v0.1.1 (released)");
  }

  @Test
  void secondaryRateLimitsAreWaitedOutOnReadsAndWrites() throws Exception {
    repo.released("v0.1.0");
    repo.merged(5, "fix: whoami port", github.milestoneTitled("v0.1.1").number, "type:fix");
    github.resetRequests();
    github.failNext("GET", "/pulls", FakeGitHub.Fault.SECONDARY_LIMIT);
    github.failNext("POST", "/releases", FakeGitHub.Fault.SECONDARY_LIMIT);

    repo.cut(effects);

    assertThat(github.requests())
        .filteredOn(r -> r.startsWith("GET /repos/owner/homelab/pulls"))
        .hasSize(2);
    assertThat(github.requests())
        .filteredOn("POST /repos/owner/homelab/releases"::equals)
        .hasSize(2);
    assertThat(github.releases).filteredOn(r -> r.tag.equals("v0.1.1")).hasSize(1);
  }

  @Test
  void openIssuesInTheMilestoneBlockTheCutAndAreListed() throws Exception {
    repo.released("v0.1.0");
    int next = github.milestoneTitled("v0.1.1").number;
    repo.merged(5, "fix: whoami port", next, "type:fix");
    github.issue(6, "Homepage shows a 502", next);
    github.pull(7, "fix: not ready yet", "type:fix").milestone = next;
    github.resetRequests();

    Plan plan = repo.plan();

    assertThat(plan.status()).isEqualTo(Plan.Status.BLOCKED);
    assertThat(plan.blockers())
        .extracting(p -> p.number() + " " + p.title() + " " + p.why())
        .containsExactly("6 Homepage shows a 502 open issue in milestone v0.1.1");
    assertThat(plan.ignored()).extracting(p -> p.number() + " " + p.why()).contains("7 still open");
    assertThat(plan.reason())
        .startsWith(
            "1 open issue in milestone v0.1.1: close them or move them to another milestone");
    assertThatThrownBy(() -> repo.cut(effects)).hasMessageContaining("is blocked: 1 open issue");
    assertThat(github.writes()).isEmpty();
    assertThat(github.requests())
        .contains("GET /repos/owner/homelab/issues?milestone=" + next + "&state=open&per_page=100");
  }

  @Test
  void aDryRunCutIsThePlanAndWritesNothing() throws Exception {
    repo.released("v0.1.0");
    repo.merged(5, "feat: widgets", github.milestoneTitled("v0.1.1").number, "type:feat");
    RecordedEffects dry = new RecordedEffects("homelab-admin", true);
    github.resetRequests();

    CutResult cut = repo.releases.cut("homelab", null, dry.door());

    assertThat(cut.describe())
        .startsWith(
            "dry run, nothing written; the cut would do the steps marked todo:\n"
                + "release v0.2.0 of homelab is ready to cut");
    assertThat(dry.kinds())
        .containsExactly(
            "git.tag previewed",
            "forge.milestone previewed",
            "forge.milestone previewed",
            "forge.release previewed");
    assertThat(github.writes()).isEmpty();
    assertThat(repo.tags()).containsOnlyKeys("v0.1.0");
  }

  @Test
  void theListingStopsOnceItHasSeenEveryMergeGitNames() throws Exception {
    repo.released("v0.1.0");
    int next = github.milestoneTitled("v0.1.1").number;
    for (int n = 200; n < 300; n++) {
      repo.closedUnmerged(n, "chore: an idea " + n, null).updatedAt =
          java.time.Instant.now().minusSeconds(3600);
    }
    for (int n = 300; n < 400; n++) {
      repo.merged(n, "fix: number " + n, next, "type:fix");
    }
    github.resetRequests();

    Plan plan = repo.plan();

    assertThat(plan.counted()).hasSize(100);
    assertThat(github.requests())
        .containsExactly(
            "GET /repos/owner/homelab/releases?per_page=100",
            "GET /repos/owner/homelab/pulls?state=closed&sort=updated&direction=desc&per_page=100");
  }

  @Test
  void aNamedMilestoneThatDoesNotExistIsSaid() throws Exception {
    repo.released("v0.1.0");
    assertThatThrownBy(() -> repo.releases.plan("homelab", "v9.9.9"))
        .isInstanceOf(ReleaseException.class)
        .hasMessage("no milestone named v9.9.9; open milestones: [v0.1.1]");
  }

  private CutResult releasesCut(String milestone) {
    return repo.releases.cut("homelab", milestone, effects.door());
  }
}
