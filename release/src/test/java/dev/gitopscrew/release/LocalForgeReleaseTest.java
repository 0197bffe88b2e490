package dev.gitopscrew.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.local.InMemoryLocalForgeRecords;
import dev.gitopscrew.forge.local.LocalForge;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.git.change.ChangeWorkflow;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.RecordedEffects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Change, merge and release on the local forge: no token, every step real Git. */
class LocalForgeReleaseTest {

  @TempDir Path state;
  final InMemoryLocalForgeRecords records = new InMemoryLocalForgeRecords();
  final RecordedEffects effects = new RecordedEffects("homelab-admin");
  MirrorCache mirrors;
  ChangeWorkflow changes;
  ReleaseWorkflow releases;
  Path bare;

  @BeforeEach
  void start() {
    RepositorySpec spec = DemoRepository.ensure(state);
    bare = state.resolve("repositories/demo.git");
    LocalForge forge = new LocalForge("demo", records);
    mirrors = new MirrorCache(state);
    changes =
        new ChangeWorkflow(
            Footprint.defaults(),
            mirrors,
            Map.of("demo", spec),
            s -> forge,
            new CreateOnce(Duration.ofMillis(1)));
    releases =
        new ReleaseWorkflow(
            Footprint.defaults(),
            mirrors,
            Map.of("demo", spec),
            s -> forge,
            ReleasePolicy.defaults());
  }

  @AfterEach
  void stop() {
    mirrors.close();
  }

  private int change(ChangeType type, String title, String path, String content) {
    ChangeOutcome outcome =
        changes.run(
            ChangeRequest.of(
                "demo",
                type,
                title,
                null,
                "software-engineer",
                Map.of(path, content.getBytes(StandardCharsets.UTF_8))),
            new RecordedEffects("software-engineer").door());
    return ((ChangeOutcome.Completed) outcome).pullRequest().number();
  }

  @Test
  void mergedChangesAreReleasedAsV010ByHomelabAdminAndASecondCutChangesNothing() throws Exception {
    int feat =
        change(
            ChangeType.FEAT, "Add a whoami probe", "k8s/apps/whoami/probe.yaml", "probe: http\n");
    int fix =
        change(
            ChangeType.FIX,
            "Run two whoami replicas",
            "k8s/apps/whoami/replicas.yaml",
            "replicas: 2\n");

    MergeResult merged = releases.merge("demo", feat, effects.door());
    releases.merge("demo", fix, effects.door());

    RevCommit head = BareRepos.head(bare, "main");
    assertThat(merged.describe())
        .startsWith("pull request #" + feat + " of demo merged: software-engineer/feat/");
    assertThat(head.getParentCount()).isEqualTo(2);
    assertThat(head.getAuthorIdent().getName()).isEqualTo("homelab-admin[bot]");
    assertThat(head.getFullMessage())
        .startsWith("Merge pull request #" + fix + " from software-engineer/fix/");
    assertThat(records.pullRequest("demo", feat).orElseThrow().state())
        .isEqualTo(PullRequest.State.MERGED);
    assertThat(releases.merge("demo", fix, effects.door()).already()).isTrue();

    Plan plan = releases.plan("demo", null);
    assertThat(plan.version()).isEqualTo("v0.1.0");
    assertThat(plan.reason())
        .startsWith("MINOR: #" + feat + " \"feat: Add a whoami probe\" is labelled type:feat");
    assertThat(plan.counted()).extracting(Plan.Pr::number).containsExactly(feat, fix);

    CutResult cut = releases.cut("demo", null, effects.door());

    assertThat(cut.changes()).hasSize(6);
    assertThat(TestTags.all(bare))
        .containsOnly(Map.entry("v0.1.0", head.name() + " homelab-admin[bot]"));
    assertThat(records.milestones("demo"))
        .extracting(m -> m.title() + " " + m.open())
        .containsExactly("v0.1.0 false", "v0.1.1 true");
    assertThat(records.releases("demo"))
        .singleElement()
        .satisfies(r -> assertThat(r.notes()).contains("feat: Add a whoami probe (#" + feat + ")"));
    assertThat(records.pullRequest("demo", fix).orElseThrow().milestone()).isEqualTo("v0.1.0");

    CutResult again = releases.cut("demo", null, effects.door());
    assertThat(again.describe())
        .isEqualTo("nothing changed: no pull request merged into main since v0.1.0 (released)");
    assertThat(effects.kinds())
        .filteredOn(k -> k.startsWith("git.tag"))
        .containsExactly("git.tag ok");
  }

  @Test
  void aMergeThatConflictsMergesNothingAndSaysWhichFiles() throws Exception {
    int first =
        change(ChangeType.FIX, "Two replicas", "k8s/apps/whoami/replicas.yaml", "replicas: 2\n");
    int second =
        change(ChangeType.FIX, "Three replicas", "k8s/apps/whoami/replicas.yaml", "replicas: 3\n");
    releases.merge("demo", first, effects.door());
    String head = BareRepos.head(bare, "main").name();

    assertThatThrownBy(() -> releases.merge("demo", second, effects.door()))
        .isInstanceOf(ReleaseException.class)
        .hasMessageContaining("conflicts in k8s/apps/whoami/replicas.yaml; nothing was merged");
    assertThat(BareRepos.head(bare, "main").name()).isEqualTo(head);
    assertThat(records.pullRequest("demo", second).orElseThrow().state())
        .isEqualTo(PullRequest.State.OPEN);
    assertThat(effects.kinds()).containsExactly("forge.pr.merge ok", "forge.pr.merge failed");
  }

  @Test
  void aPullRequestThatDoesNotExistIsSaid() {
    assertThatThrownBy(() -> releases.merge("demo", 9, effects.door()))
        .isInstanceOf(ReleaseException.class)
        .hasMessage("pull request #9 does not exist in demo");
  }

  @Test
  void aTeamsLabelSchemeDrivesTheBumpAndTheCrewsChangesLandInTheMilestoneTheCutReleases() {
    // an OpenClaw-like scheme, with a type prefix of its own to show the release reads it
    Footprint theirs =
        new Footprint(
            null,
            "OpenClaw Homelab",
            new dev.gitopscrew.git.LabelScheme("kind/", null, null, Map.of("*", "k8s")));
    RepositorySpec spec = DemoRepository.ensure(state);
    LocalForge forge = new LocalForge("demo", records);
    ChangeWorkflow theirChanges =
        new ChangeWorkflow(
            theirs,
            mirrors,
            Map.of("demo", spec),
            s -> forge,
            new CreateOnce(Duration.ofMillis(1)));
    ReleaseWorkflow theirReleases =
        new ReleaseWorkflow(
            theirs, mirrors, Map.of("demo", spec), s -> forge, ReleasePolicy.defaults());
    records.createMilestone("demo", "v0.1.0", "");
    records.createMilestone("demo", "v0.2.0", "");

    int feat =
        theirChanges.run(
                    ChangeRequest.of(
                        "demo",
                        ChangeType.FEAT,
                        "Add a whoami probe",
                        null,
                        "software-engineer",
                        Map.of(
                            "k8s/apps/whoami/probe.yaml",
                            "probe: http\n".getBytes(StandardCharsets.UTF_8))),
                    new RecordedEffects("software-engineer").door())
                instanceof ChangeOutcome.Completed c
            ? c.pullRequest().number()
            : -1;
    assertThat(records.pullRequest("demo", feat).orElseThrow().milestone()).isEqualTo("v0.1.0");
    assertThat(records.pullRequest("demo", feat).orElseThrow().labels())
        .contains("kind/feat", "area:k8s");
    theirReleases.merge("demo", feat, effects.door());

    Plan plan = theirReleases.plan("demo", null);
    // the milestone the crew put the change in is the one the release picks
    assertThat(plan.milestone()).isEqualTo("v0.1.0");
    assertThat(plan.counted())
        .singleElement()
        .satisfies(p -> assertThat(p.why()).isEqualTo("MINOR: labelled kind/feat"));
    theirReleases.cut("demo", null, effects.door());

    ChangeOutcome breaking =
        theirChanges.run(
            new ChangeRequest(
                "demo",
                ChangeType.FIX,
                "Rename the whoami service",
                null,
                "software-engineer",
                Map.of(
                    "k8s/apps/whoami/service.yaml", "name: who\n".getBytes(StandardCharsets.UTF_8)),
                null,
                null,
                null,
                java.util.List.of("semver:breaking")),
            new RecordedEffects("software-engineer").door());
    int fix = ((ChangeOutcome.Completed) breaking).pullRequest().number();
    // v0.1.0 is closed now: the next open one is the v0.1.1 the cut opened, below v0.2.0
    assertThat(records.pullRequest("demo", fix).orElseThrow().milestone()).isEqualTo("v0.1.1");
    theirReleases.merge("demo", fix, effects.door());

    Plan next = theirReleases.plan("demo", null);
    assertThat(next.milestone()).isEqualTo("v0.1.1");
    assertThat(next.version()).isEqualTo("v0.2.0");
    assertThat(next.reason()).contains("semver:breaking");
  }
}
