package dev.gitopscrew.forge.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gitopscrew.forge.WhoamiBump;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.git.change.ChangeWorkflow;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.GitHttpServer;
import dev.gitopscrew.git.testing.RecordedEffects;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The change workflow against WireMock GitHub and a JGit HTTP remote with basic auth. */
class GitHubChangeWorkflowTest {

  final RecordedEffects effects = new RecordedEffects("devops-sre");

  private static final String TOKEN = "github_pat_11ABCDEFG0123456789_s3cretTokenValueXYZ";
  private static final String REPO = "/repos/owner/homelab";
  private static final String TITLE = WhoamiBump.TITLE;
  private static final String BRANCH = "devops-sre/chore/42-bump-whoami-to-v1-10-3";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private WireMockServer github;
  private GitHttpServer git;
  private MirrorCache mirrors;
  private String api;
  // WireMock and the HTTP client log from their own threads while the test reads the list
  private final List<LogRecord> logs = new CopyOnWriteArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logs.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() throws Exception {
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
    api = github.baseUrl();
    DemoRepository.seedIfMissing(tmp.resolve("remote/homelab.git"));
    git = GitHttpServer.start(tmp.resolve("remote"), "x-access-token", TOKEN);
    mirrors = new MirrorCache(tmp.resolve("state"));
    Logger.getLogger("").addHandler(capture);
    Logger.getLogger("").setLevel(Level.ALL);
    github.stubFor(get(urlPathEqualTo(REPO)).willReturn(okJson(GitHubPayloads.repository(api))));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues"))
            .withQueryParam("state", equalTo("open"))
            .withQueryParam("labels", equalTo("agent:devops-sre"))
            .willReturn(okJson("[]")));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues/42/comments"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(GitHubPayloads.comment(api, 42))));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/pulls"))
            .withQueryParam("head", equalTo("owner:" + BRANCH))
            .willReturn(okJson("[]")));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues/43/labels"))
            .willReturn(
                okJson(
                    GitHubPayloads.labels(
                        "agent:devops-sre", "type:chore", "priority:medium", "area:gitops"))));
  }

  @AfterEach
  void stop() throws Exception {
    Logger.getLogger("").removeHandler(capture);
    mirrors.close();
    git.close();
    github.stop();
  }

  private ChangeWorkflow workflow(Duration maxWait) {
    RepositorySpec spec =
        new RepositorySpec(
            "homelab", ForgeKind.GITHUB, git.url("homelab"), api, "owner", null, "main");
    GitHubForge forge = new GitHubForge(spec, GitHubAuth.pat(TOKEN), maxWait);
    return WhoamiBump.workflow(mirrors, spec, forge);
  }

  private static ChangeRequest bump() {
    return WhoamiBump.in("homelab", null);
  }

  private String issue42() {
    return GitHubPayloads.issue(
        api,
        42,
        TITLE,
        "body",
        null,
        "agent:devops-sre",
        "type:chore",
        "priority:medium",
        "area:gitops");
  }

  private void milestones(String... milestones) {
    github.stubFor(
        get(urlPathEqualTo(REPO + "/milestones"))
            .willReturn(okJson("[" + String.join(",", milestones) + "]")));
  }

  private List<JsonNode> bodiesOf(String method, String path) throws Exception {
    List<JsonNode> out = new java.util.ArrayList<>();
    for (var e : github.getAllServeEvents()) {
      var r = e.getRequest();
      if (r.getMethod().getName().equals(method) && r.getUrl().split("\\?")[0].equals(path)) {
        out.add(0, JSON.readTree(r.getBodyAsString())); // the journal lists the newest first
      }
    }
    return out;
  }

  private void issueCreated() {
    github.stubFor(post(urlPathEqualTo(REPO + "/issues")).willReturn(created(issue42())));
  }

  /**
   * Issue #7 taken up: its comments (none yet, then the agent's), and the pull request #43 from
   * {@code branch} that the milestone {@code milestone} is carried to.
   */
  private void issue7Answered(String branch, String milestone) {
    github.stubFor(get(urlPathEqualTo(REPO + "/issues/7/comments")).willReturn(okJson("[]")));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues/7/comments"))
            .willReturn(created(GitHubPayloads.comment(api, 7))));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/pulls"))
            .willReturn(
                created(GitHubPayloads.pullRequest(api, 43, branch, "chore: " + TITLE, null))));
    github.stubFor(
        patch(urlPathEqualTo(REPO + "/issues/43"))
            .willReturn(okJson(GitHubPayloads.issue(api, 43, "chore: " + TITLE, "b", milestone))));
  }

  private void pullCreated() {
    github.stubFor(
        post(urlPathEqualTo(REPO + "/pulls"))
            .willReturn(
                created(GitHubPayloads.pullRequest(api, 43, BRANCH, "chore: " + TITLE, null))));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder created(
      String body) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private JsonNode bodyOf(String method, String path) throws Exception {
    List<LoggedRequest> found =
        github.getAllServeEvents().stream()
            .map(e -> e.getRequest())
            .filter(
                r ->
                    r.getMethod().getName().equals(method)
                        && r.getUrl().split("\\?")[0].equals(path))
            .toList();
    assertThat(found).as(method + " " + path).hasSize(1);
    return JSON.readTree(found.get(0).getBodyAsString());
  }

  @Test
  void aChangeOpensAnIssueAndAPullRequestWithEveryFootprintInTheMinimumOfCalls() throws Exception {
    issueCreated();
    pullCreated();
    // only a closed release milestone and one that is no version: no milestone is set
    milestones(
        GitHubPayloads.milestone(api, 2, "v1.2.0", "closed", 0),
        GitHubPayloads.milestone(api, 9, "backlog", "open", 4));

    ChangeOutcome outcome = workflow(Duration.ofSeconds(5)).run(bump(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    ChangeOutcome.Completed done = (ChangeOutcome.Completed) outcome;
    assertThat(done.issue())
        .isEqualTo(new ChangeOutcome.Ref(42, "https://github.com/owner/homelab/issues/42"));
    assertThat(done.pullRequest())
        .isEqualTo(new ChangeOutcome.Ref(43, "https://github.com/owner/homelab/pull/43"));
    assertThat(done.branch()).isEqualTo(BRANCH);

    JsonNode issue = bodyOf("POST", REPO + "/issues");
    assertThat(issue.get("title").asText()).isEqualTo(TITLE);
    assertThat(issue.has("milestone")).isFalse();
    assertThat(issue.get("labels"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "agent:devops-sre", "type:chore", "priority:medium", "area:gitops");
    assertThat(issue.get("body").asText()).endsWith("\n---\nAgent: devops-sre | GitOps Crew");
    JsonNode plan = bodyOf("POST", REPO + "/issues/42/comments");
    assertThat(plan.get("body").asText())
        .contains("k8s/apps/whoami/deployment.yaml")
        .endsWith("Agent: devops-sre | GitOps Crew");
    JsonNode pr = bodyOf("POST", REPO + "/pulls");
    assertThat(pr.get("head").asText()).isEqualTo(BRANCH);
    assertThat(pr.get("base").asText()).isEqualTo("main");
    assertThat(pr.get("title").asText()).isEqualTo("chore: " + TITLE);
    assertThat(pr.get("body").asText())
        .startsWith("Closes #42\n")
        .contains("## Summary", "## Test plan")
        .endsWith("\n---\nAgent: devops-sre | GitOps Crew");
    assertThat(bodyOf("POST", REPO + "/issues/43/labels").get("labels"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "agent:devops-sre", "type:chore", "priority:medium", "area:gitops");

    RevCommit commit = BareRepos.head(tmp.resolve("remote/homelab.git"), BRANCH);
    assertThat(commit.name()).isEqualTo(done.commit());
    assertThat(commit.getAuthorIdent().toExternalString())
        .startsWith("devops-sre[bot] <devops-sre@gitops-crew.local>");
    assertThat(commit.getFullMessage()).isEqualTo("chore: " + TITLE + " (#42) [devops-sre]\n");

    // repository, open-issue lookup, milestones, issue, plan comment, pull request, its labels; a
    // new branch has no PR to look up
    assertThat(github.getAllServeEvents())
        .extracting(e -> e.getRequest().getMethod() + " " + e.getRequest().getUrl().split("\\?")[0])
        .containsExactlyInAnyOrder(
            "GET " + REPO,
            "GET " + REPO + "/issues",
            "GET " + REPO + "/milestones",
            "POST " + REPO + "/issues",
            "POST " + REPO + "/issues/42/comments",
            "POST " + REPO + "/pulls",
            "POST " + REPO + "/issues/43/labels");
    assertThat(github.getAllServeEvents())
        .allSatisfy(
            e -> assertThat(e.getRequest().getHeader("Authorization")).isEqualTo("token " + TOKEN));
  }

  @Test
  void aCreateThatAnswers502AfterSucceedingIsFoundNotRepeated() throws Exception {
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues"))
            .inScenario("issue")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502).withBody("Bad Gateway"))
            .willSetStateTo("made"));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues"))
            .inScenario("issue")
            .whenScenarioStateIs("made")
            .withQueryParam("labels", equalTo("agent:devops-sre"))
            .willReturn(okJson("[" + issue42() + "]")));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/pulls"))
            .inScenario("pr")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("made"));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/pulls"))
            .inScenario("pr")
            .whenScenarioStateIs("made")
            .willReturn(
                okJson(
                    "["
                        + GitHubPayloads.pullRequest(api, 43, BRANCH, "chore: " + TITLE, null)
                        + "]")));

    ChangeOutcome outcome = workflow(Duration.ofSeconds(5)).run(bump(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    assertThat(((ChangeOutcome.Completed) outcome).pullRequest().number()).isEqualTo(43);
    github.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/issues")));
    github.verify(1, postRequestedFor(urlPathEqualTo(REPO + "/pulls")));
  }

  @Test
  void a429IsWaitedOutForTheTimeRetryAfterAsks() throws Exception {
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues"))
            .inScenario("limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withBody("{\"message\": \"You have exceeded a secondary rate limit.\"}"))
            .willSetStateTo("cooled"));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues"))
            .inScenario("limit")
            .whenScenarioStateIs("cooled")
            .willReturn(
                created(GitHubPayloads.issue(api, 42, TITLE, "body", null, "agent:devops-sre"))));
    pullCreated();

    ChangeOutcome outcome = workflow(Duration.ofSeconds(5)).run(bump(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    github.verify(2, postRequestedFor(urlPathEqualTo(REPO + "/issues")));
    assertThat(((ChangeOutcome.Completed) outcome).issue().number()).isEqualTo(42);
  }

  @Test
  void aRetryAfterBeyondTheBoundFailsClearlyInsteadOfStalling() {
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Retry-After", "3600")
                    .withBody("{\"message\": \"You have exceeded a secondary rate limit.\"}")));

    ChangeOutcome outcome = workflow(Duration.ofSeconds(2)).run(bump(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Failed.class);
    assertThat(outcome.describe())
        .contains("issue failed", "asked to wait 3600 s")
        .doesNotContain(TOKEN);
  }

  @Test
  void theTokenAppearsInNoLogExceptionOrCommit() throws Exception {
    issueCreated();
    github.stubFor(
        post(urlPathEqualTo(REPO + "/pulls"))
            .willReturn(
                aResponse()
                    .withStatus(422)
                    .withBody(
                        "{\"message\": \"Validation Failed\", \"errors\": [{\"message\": \"token "
                            + TOKEN
                            + " is not allowed\"}]}")));

    ChangeOutcome outcome = workflow(Duration.ofSeconds(2)).run(bump(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Failed.class);
    assertThat(outcome.describe()).contains("pull request failed").doesNotContain(TOKEN);
    assertThat(logs).isNotEmpty();
    assertThat(logs)
        .allSatisfy(
            r -> {
              assertThat(String.valueOf(r.getMessage())).doesNotContain(TOKEN);
              assertThat(String.valueOf(java.util.Arrays.toString(r.getParameters())))
                  .doesNotContain(TOKEN);
              assertThat(String.valueOf(r.getThrown())).doesNotContain(TOKEN);
            });
    assertThat(BareRepos.allCommitText(tmp.resolve("remote/homelab.git"))).doesNotContain(TOKEN);
  }

  @Test
  void aBranchIsDeletedOnlyAfterItsPullRequestWasMerged() throws Exception {
    issueCreated();
    pullCreated();
    ChangeWorkflow workflow = workflow(Duration.ofSeconds(2));
    workflow.run(bump(), effects.door());
    Path remote = tmp.resolve("remote/homelab.git");

    github.stubFor(
        get(urlPathEqualTo(REPO + "/pulls/43"))
            .inScenario("merge")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson(GitHubPayloads.pullRequest(api, 43, BRANCH, "t", null)))
            .willSetStateTo("merged"));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/pulls/43"))
            .inScenario("merge")
            .whenScenarioStateIs("merged")
            .willReturn(
                okJson(GitHubPayloads.pullRequest(api, 43, BRANCH, "t", "2026-11-21T06:00:00Z"))));

    assertThat(workflow.deleteBranchIfMerged("homelab", 43, effects.door()))
        .isInstanceOf(ChangeWorkflow.BranchCleanup.Kept.class);
    assertThat(BareRepos.branches(remote)).contains(BRANCH);
    assertThat(workflow.deleteBranchIfMerged("homelab", 43, effects.door()))
        .isEqualTo(new ChangeWorkflow.BranchCleanup.Deleted(BRANCH));
    assertThat(BareRepos.branches(remote)).containsExactly("main");
  }

  @Test
  void adoptingAnIssueLabelsItSaysSoAndCarriesItsMilestoneToThePullRequest() throws Exception {
    String branch = "devops-sre/chore/7-bump-whoami-to-v1-10-3";
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/7"))
            .willReturn(
                okJson(
                    GitHubPayloads.issue(
                        api, 7, "whoami is outdated", "Please bump it.", "v1.4.0", "bug"))));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues/7/labels"))
            .willReturn(okJson(GitHubPayloads.labels("bug", "agent:devops-sre"))));
    issue7Answered(branch, "v1.4.0");

    ChangeOutcome outcome =
        workflow(Duration.ofSeconds(2)).run(WhoamiBump.in("homelab", 7), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    assertThat(((ChangeOutcome.Completed) outcome).branch()).isEqualTo(branch);
    assertThat(bodyOf("POST", REPO + "/issues/7/labels").get("labels"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "agent:devops-sre", "type:chore", "priority:medium", "area:gitops");
    assertThat(bodyOf("POST", REPO + "/issues/7/comments").get("body").asText())
        .startsWith("Picking up this issue.")
        .endsWith("Agent: devops-sre | GitOps Crew");
    assertThat(bodyOf("POST", REPO + "/pulls").get("body").asText()).startsWith("Closes #7\n");
    assertThat(bodyOf("PATCH", REPO + "/issues/43").get("milestone").asInt()).isEqualTo(3);
    github.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/issues")));
  }

  @Test
  void aNewIssueAndItsPullRequestGoInTheMilestoneTheNextReleaseCuts() throws Exception {
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues"))
            .willReturn(
                created(
                    GitHubPayloads.issue(
                        api, 42, TITLE, "body", "v1.2.1", "agent:devops-sre", "type:chore"))));
    pullCreated();
    github.stubFor(
        patch(urlPathEqualTo(REPO + "/issues/43"))
            .willReturn(okJson(GitHubPayloads.issue(api, 43, "chore: " + TITLE, "b", "v1.2.1"))));
    // the release cuts the lowest open version: v1.2.1 (#4), not v1.3.0, the closed v1.2.0 or
    // the backlog
    milestones(
        GitHubPayloads.milestone(api, 5, "v1.3.0", "open", 2),
        GitHubPayloads.milestone(api, 2, "v1.2.0", "closed", 0),
        GitHubPayloads.milestone(api, 4, "v1.2.1", "open", 1),
        GitHubPayloads.milestone(api, 9, "backlog", "open", 7));

    ChangeOutcome outcome = workflow(Duration.ofSeconds(5)).run(bump(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    assertThat(bodyOf("POST", REPO + "/issues").get("milestone").asInt()).isEqualTo(4);
    assertThat(bodyOf("PATCH", REPO + "/issues/43").get("milestone").asInt()).isEqualTo(4);
    github.verify(
        1,
        com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
            urlPathEqualTo(REPO + "/milestones")));
  }

  @Test
  void aClosedIssueIsReopenedItsOtherTypeReplacedAndItGoesInTheNextMilestone() throws Exception {
    String branch = "devops-sre/chore/7-bump-whoami-to-v1-10-3";
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/7"))
            .willReturn(
                okJson(
                    GitHubPayloads.issue(
                        api,
                        "closed",
                        7,
                        "whoami is outdated",
                        "Please bump it.",
                        null,
                        "bug",
                        "type:fix",
                        "priority:high"))));
    github.stubFor(
        patch(urlPathEqualTo(REPO + "/issues/7"))
            .willReturn(
                okJson(GitHubPayloads.issue(api, 7, "whoami is outdated", "b", null, "bug"))));
    issue7Answered(branch, "v0.4.0");
    milestones(GitHubPayloads.milestone(api, 6, "v0.4.0", "open", 3));

    ChangeOutcome outcome =
        workflow(Duration.ofSeconds(2)).run(WhoamiBump.in("homelab", 7), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    List<JsonNode> edits = bodiesOf("PATCH", REPO + "/issues/7");
    // reopened first, then its labels set in one write (type:fix out, the person's priority
    // kept), then put in the milestone v0.4.0 (#6)
    assertThat(edits).hasSize(3);
    assertThat(edits.get(0).get("state").asText()).isEqualTo("open");
    assertThat(edits.get(1).get("labels"))
        .extracting(JsonNode::asText)
        .containsExactlyInAnyOrder(
            "bug", "priority:high", "agent:devops-sre", "type:chore", "area:gitops");
    assertThat(edits.get(2).get("milestone").asInt()).isEqualTo(6);
    github.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/issues/7/labels")));
    assertThat(bodyOf("POST", REPO + "/issues/7/comments").get("body").asText())
        .startsWith("Picking up this issue.")
        .contains(
            "This issue was closed: reopened to work on it.",
            "Its type label type:fix is replaced by type:chore: an issue keeps exactly one type.")
        .endsWith("Agent: devops-sre | GitOps Crew");
    assertThat(bodyOf("PATCH", REPO + "/issues/43").get("milestone").asInt()).isEqualTo(6);
  }

  @Test
  void aClosedIssueTheForgeWillNotReopenStopsTheChangeWithTheReason() throws Exception {
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/7"))
            .willReturn(
                okJson(
                    GitHubPayloads.issue(
                        api, "closed", 7, "whoami is outdated", "b", "v1.0.0", "bug"))));
    github.stubFor(
        patch(urlPathEqualTo(REPO + "/issues/7"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\": \"Resource not accessible by personal access token\","
                            + " \"documentation_url\":"
                            + " \"https://docs.github.com/rest/issues/issues#update-an-issue\","
                            + " \"status\": \"403\"}")));

    ChangeOutcome outcome =
        workflow(Duration.ofSeconds(2)).run(WhoamiBump.in("homelab", 7), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Failed.class);
    assertThat(outcome.describe())
        .contains("issue #7 is closed", "would not reopen it", "403")
        .doesNotContain(TOKEN);
    github.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/issues/7/comments")));
    github.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/pulls")));
    assertThat(BareRepos.branches(tmp.resolve("remote/homelab.git"))).containsExactly("main");
  }
}
