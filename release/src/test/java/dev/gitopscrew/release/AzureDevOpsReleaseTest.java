package dev.gitopscrew.release;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.forge.azure.AzureDevOpsForge;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.GitHttpServer;
import dev.gitopscrew.git.testing.RecordedEffects;
import java.nio.file.Path;
import java.util.Map;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A release on Azure DevOps: the version from the labels of the pull requests completed since the
 * last tag, an annotated tag whose message holds the notes, and nothing else to write.
 */
class AzureDevOpsReleaseTest {

  private static final String PAT = "azdopat5k2lq7xj3m4n6p8r0t2v4x6z8b0d2f4h6j8l0n2p4";
  private static final String PULLS = "/org/project/_apis/git/repositories/infra/pullrequests";

  @TempDir Path dir;
  WireMockServer azure;
  GitHttpServer git;
  MirrorCache mirrors;
  Path bare;
  ReleaseWorkflow releases;

  @BeforeEach
  void start() throws Exception {
    azure = new WireMockServer(wireMockConfig().dynamicPort());
    azure.start();
    bare = dir.resolve("remote/infra.git");
    DemoRepository.seedIfMissing(bare);
    git = GitHttpServer.start(dir.resolve("remote"), "pat", PAT);
    mirrors = new MirrorCache(dir.resolve("state"));
    RepositorySpec spec =
        new RepositorySpec(
            "infra",
            ForgeKind.AZURE_DEVOPS,
            git.url("infra"),
            azure.baseUrl(),
            "org",
            "project",
            "main");
    AzureDevOpsForge forge = AzureDevOpsForge.connect(spec, PAT);
    releases =
        new ReleaseWorkflow(
            Footprint.defaults(),
            mirrors,
            Map.of("infra", spec),
            s -> forge,
            ReleasePolicy.defaults());
  }

  @AfterEach
  void stop() throws Exception {
    mirrors.close();
    git.close();
    azure.stop();
  }

  private String merge(int id) throws Exception {
    return BareRepos.commit(
            bare, "main", Map.of("apps/pr-" + id + ".yaml", "id: " + id + "\n"), "Merged PR " + id)
        .name();
  }

  private static String pull(int id, String title, String commit, String labels) {
    return """
        {"repository": {"id": "3411ebc1-d5aa-464f-9615-0b527bc66719", "name": "infra",
          "project": {"id": "a7573007-bbb3-4341-b726-0c4148a07853", "name": "project"}},
         "pullRequestId": %1$d, "codeReviewId": %1$d, "status": "completed",
         "createdBy": {"displayName": "software-engineer[bot]", "id": "6b0a9f3e-0000-4000-8000-000000000001"},
         "creationDate": "2026-11-20T08:00:00Z", "closedDate": "2026-11-21T09:00:00Z",
         "title": "%2$s", "description": "Closes AB#7",
         "sourceRefName": "refs/heads/software-engineer/feat/%1$d-x", "targetRefName": "refs/heads/main",
         "mergeStatus": "succeeded", "isDraft": false, "mergeId": "f1b7a0e2-0000-4000-8000-0000000000%1$d",
         "lastMergeCommit": {"commitId": "%3$s",
           "url": "https://dev.azure.com/org/project/_apis/git/repositories/infra/commits/%3$s"},
         "reviewers": [], %4$s
         "url": "https://dev.azure.com/org/project/_apis/git/repositories/infra/pullRequests/%1$d",
         "supportsIterations": true}
        """
        .formatted(id, title, commit, labels);
  }

  @Test
  void theVersionComesFromThePullRequestsCompletedSinceTheLastTagAndTheTagCarriesTheNotes()
      throws Exception {
    String previous = merge(40);
    TestTags.annotate(bare, "v1.3.0", previous, new PersonIdent("Ada Operator", "ada@example.org"));
    String feat = merge(41);
    String fix = merge(42);
    azure.stubFor(
        get(urlPathEqualTo(PULLS))
            .withQueryParam("searchCriteria.status", equalTo("completed"))
            .willReturn(
                okJson(
                    "{\"count\": 2, \"value\": ["
                        + pull(42, "fix: whoami port", fix, "")
                        + ","
                        + pull(
                            41,
                            "feat: homepage widgets",
                            feat,
                            "\"labels\": [{\"id\": \"2b3c\", \"name\": \"type:feat\", \"active\": true}],")
                        + "]}")));
    azure.stubFor(
        get(urlPathEqualTo(PULLS + "/42/labels"))
            .willReturn(
                okJson(
                    "{\"count\": 1, \"value\": [{\"id\": \"9f1e\", \"name\": \"type:fix\","
                        + " \"active\": true}]}")));

    Plan plan = releases.plan("infra", null);

    assertThat(plan.version()).isEqualTo("v1.4.0");
    assertThat(plan.reason())
        .isEqualTo("MINOR: #41 \"feat: homepage widgets\" is labelled type:feat");
    assertThat(plan.counted()).extracting(Plan.Pr::number).containsExactly(41, 42);
    assertThat(plan.steps())
        .singleElement()
        .satisfies(s -> assertThat(s.what()).endsWith(", the release notes in its message"));
    azure.verify(
        getRequestedFor(urlPathEqualTo(PULLS))
            .withQueryParam("searchCriteria.targetRefName", equalTo("refs/heads/main"))
            .withQueryParam("searchCriteria.queryTimeRangeType", equalTo("closed"))
            .withQueryParam("$top", equalTo("100")));

    RecordedEffects effects = new RecordedEffects("homelab-admin", false, PAT);
    CutResult cut = releases.cut("infra", null, effects.door());

    assertThat(cut.changes())
        .singleElement()
        .asString()
        .startsWith("tag v1.4.0 pushed: " + fix.substring(0, 7));
    assertThat(TestTags.message(bare, "v1.4.0"))
        .isEqualTo(
            "Release v1.4.0\n\n## What's changed\n\n- feat: homepage widgets (#41)\n"
                + "- fix: whoami port (#42)\n\nChanges since v1.3.0.\n");
    assertThat(TestTags.tagger(bare, "v1.4.0"))
        .isEqualTo("homelab-admin[bot] <homelab-admin@gitops-crew.local>");
    assertThat(effects.kinds()).containsExactly("git.tag ok");
    assertThat(releases.cut("infra", null, effects.door()).describe())
        .isEqualTo("nothing changed: no pull request merged into main since v1.4.0 (released)");
  }

  @Test
  void azureDevOpsHasNoMilestonesToName() {
    assertThatThrownBy(() -> releases.plan("infra", "v1.4.0"))
        .isInstanceOf(ReleaseException.class)
        .hasMessageStartingWith("infra is on azure-devops, which has no milestones");
  }
}
