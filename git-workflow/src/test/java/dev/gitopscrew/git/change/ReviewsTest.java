package dev.gitopscrew.git.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.local.InMemoryLocalForgeRecords;
import dev.gitopscrew.forge.local.LocalForge;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.ChangedFiles;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.RecordedEffects;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a change brings, and reports kept current on the local forge: never a duplicate. */
class ReviewsTest {

  @TempDir Path tmp;
  private Path bare;
  private final InMemoryLocalForgeRecords records = new InMemoryLocalForgeRecords();
  private MirrorCache mirrors;
  private ChangeWorkflow workflow;

  @BeforeEach
  void start() {
    RepositorySpec spec = DemoRepository.ensure(tmp);
    bare = tmp.resolve("repositories/demo.git");
    mirrors = new MirrorCache(tmp.resolve("state"));
    workflow =
        new ChangeWorkflow(
            Footprint.defaults(),
            mirrors,
            Map.of("demo", spec),
            s -> new LocalForge("demo", records),
            new CreateOnce(Duration.ofMillis(1)));
  }

  @AfterEach
  void stop() {
    mirrors.close();
  }

  private static Report findings(String body) {
    return new Report(
        "security-analyst",
        "findings",
        "Security scan findings",
        body,
        "The scan found nothing left; closing.",
        ChangeType.SECURITY,
        "high",
        List.of("security"));
  }

  @Test
  void aReportOpensOneIssueUpdatesItAndClosesItWhenNothingIsLeft() {
    RecordedEffects effects = new RecordedEffects("security-analyst");

    ReportOutcome first = workflow.report("demo", findings("3 findings"), effects.door());
    ReportOutcome again = workflow.report("demo", findings("3 findings"), effects.door());
    ReportOutcome changed = workflow.report("demo", findings("2 findings"), effects.door());

    assertThat(first.action()).isEqualTo(ReportOutcome.Action.OPENED);
    assertThat(again.action()).isEqualTo(ReportOutcome.Action.UNCHANGED);
    assertThat(changed.action()).isEqualTo(ReportOutcome.Action.UPDATED);
    assertThat(changed.ref()).isEqualTo(first.ref());
    assertThat(records.issues("demo"))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.body())
                  .startsWith("2 findings\n\n<!-- gitops-crew:report security-analyst findings -->")
                  .endsWith("---\nAgent: security-analyst | GitOps Crew");
              assertThat(i.labels())
                  .containsExactlyInAnyOrder(
                      "agent:security-analyst", "type:security", "priority:high", "area:security");
            });

    ReportOutcome closed = workflow.report("demo", findings(null), effects.door());
    ReportOutcome nothing = workflow.report("demo", findings(null), effects.door());

    assertThat(closed.action()).isEqualTo(ReportOutcome.Action.CLOSED);
    assertThat(closed.describe("issue")).isEqualTo("issue #1 local://demo/issues/1 (closed)");
    assertThat(nothing.action()).isEqualTo(ReportOutcome.Action.NOTHING);
    assertThat(records.issues("demo")).singleElement().matches(i -> !i.open());
    assertThat(records.comments("demo", 1))
        .singleElement()
        .satisfies(c -> assertThat(c.body()).startsWith("The scan found nothing left; closing."));
    assertThat(effects.kinds())
        .containsExactly(
            "forge.issue.create ok",
            "forge.issue.update ok",
            "forge.comment.create ok",
            "forge.issue.close ok");
  }

  @Test
  void aDryRunReportReadsButWritesNothing() {
    RecordedEffects dry = new RecordedEffects("security-analyst", true);

    ReportOutcome outcome = workflow.report("demo", findings("1 finding"), dry.door());

    assertThat(outcome.action()).isEqualTo(ReportOutcome.Action.PREVIEWED);
    assertThat(outcome.describe("issue"))
        .isEqualTo("issue: dry run: would open issue \"Security scan findings\"");
    assertThat(records.issues("demo")).isEmpty();
    assertThat(dry.kinds()).containsExactly("forge.issue.create previewed");
  }

  @Test
  void aPullRequestsChangesAreItsBranchAgainstTheMergeBaseAndItsReportIsOneComment()
      throws Exception {
    ChangeOutcome.Completed change =
        (ChangeOutcome.Completed)
            workflow.run(
                ChangeRequest.of(
                    "demo",
                    ChangeType.FIX,
                    "Add a config",
                    null,
                    "software-engineer",
                    Map.of("k8s/apps/whoami/config.yaml", bytes("a: 1\n"))),
                new RecordedEffects("software-engineer").door());
    // main moves on after the branch: that commit is not the pull request's
    BareRepos.commit(bare, "main", Map.of("README.md", "moved on\n"), "Edit the readme");

    ChangedFiles changes = workflow.pullRequestChanges("demo", change.pullRequest().number());

    assertThat(changes.changes())
        .containsExactly(
            new ChangedFiles.FileChange(
                "k8s/apps/whoami/config.yaml", ChangedFiles.FileChange.Kind.ADDED, List.of(1)));
    assertThat(changes.after().commit()).isEqualTo(change.commit());
    assertThat(changes.before().readText("k8s/apps/whoami/config.yaml")).isEmpty();
    assertThat(changes.head()).startsWith(change.branch() + " (");
    assertThat(changes.urls()).containsExactly(DemoRepository.ensure(tmp).url());

    RecordedEffects qa = new RecordedEffects("qa-tester");
    Report report =
        new Report(
            "qa-tester",
            "validation",
            "Validation",
            "All checks passed",
            null,
            ChangeType.CHORE,
            null,
            null);
    CommitStatus ok =
        new CommitStatus(
            change.commit(),
            CommitStatus.State.SUCCESS,
            "gitops-crew/validate",
            "7 checks passed",
            null);
    int pr = change.pullRequest().number();
    ReportOutcome posted = workflow.reportOnPullRequest("demo", pr, report, ok, qa.door());
    CommitStatus failed =
        new CommitStatus(
            change.commit(),
            CommitStatus.State.FAILURE,
            "gitops-crew/validate",
            "1 check failed",
            null);
    ReportOutcome updated =
        workflow.reportOnPullRequest(
            "demo",
            pr,
            new Report(
                "qa-tester",
                "validation",
                "Validation",
                "1 check failed",
                null,
                ChangeType.CHORE,
                null,
                null),
            failed,
            qa.door());

    assertThat(posted.action()).isEqualTo(ReportOutcome.Action.OPENED);
    assertThat(updated.action()).isEqualTo(ReportOutcome.Action.UPDATED);
    assertThat(updated.detail()).isEqualTo("comment updated, status failure");
    assertThat(records.comments("demo", pr))
        .singleElement()
        .satisfies(
            c -> assertThat(c.body()).startsWith("1 check failed\n\n<!-- gitops-crew:report"));
    assertThat(records.commitStatuses("demo", change.commit())).containsExactly(failed);
    assertThat(qa.kinds())
        .containsExactly(
            "forge.comment.create ok",
            "forge.status ok",
            "forge.comment.update ok",
            "forge.status ok");
  }

  @Test
  void theDefaultBranchsChangesAreItsLastCommitUnlessABaseIsNamed() throws Exception {
    var seeded = BareRepos.head(bare, "main");
    BareRepos.commit(bare, "main", Map.of("apps/extra.yaml", "kind: Application\n"), "Add extra");
    BareRepos.commit(
        bare, "main", Map.of("k8s/apps/whoami/service.yaml", "changed\n"), "Change the service");

    assertThat(workflow.defaultBranchChanges("demo", null).changes())
        .extracting(ChangedFiles.FileChange::path)
        .containsExactly("k8s/apps/whoami/service.yaml");
    assertThat(workflow.defaultBranchChanges("demo", seeded.name()).changes())
        .extracting(c -> c.path() + " " + c.kind())
        .containsExactly("apps/extra.yaml ADDED", "k8s/apps/whoami/service.yaml MODIFIED");
    assertThatThrownBy(() -> workflow.defaultBranchChanges("demo", "v9.9.9"))
        .isInstanceOf(GitWorkflowException.class)
        .hasMessage("no branch, tag or commit 'v9.9.9' in demo");
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
