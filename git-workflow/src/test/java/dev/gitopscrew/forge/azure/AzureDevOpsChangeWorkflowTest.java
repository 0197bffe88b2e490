package dev.gitopscrew.forge.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The change workflow against WireMock Azure DevOps (REST 7.1) through the MicroProfile REST
 * Client.
 */
class AzureDevOpsChangeWorkflowTest {

  final RecordedEffects effects = new RecordedEffects("devops-sre");

  private static final String PAT = "azdopat5k2lq7xj3m4n6p8r0t2v4x6z8b0d2f4h6j8l0n2p4";
  private static final String BASE = "/org/project/_apis";
  private static final String PROJECT_ID = "a7573007-bbb3-4341-b726-0c4148a07853";
  private static final String REPO_ID = "3411ebc1-d5aa-464f-9615-0b527bc66719";
  private static final String TITLE = WhoamiBump.TITLE;
  private static final String BRANCH = "devops-sre/chore/42-bump-whoami-to-v1-10-3";
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;
  private WireMockServer azure;
  private GitHttpServer git;
  private MirrorCache mirrors;
  private RepositorySpec spec;

  @BeforeEach
  void start() throws Exception {
    azure = new WireMockServer(wireMockConfig().dynamicPort());
    azure.start();
    DemoRepository.seedIfMissing(tmp.resolve("remote/infra.git"));
    git = GitHttpServer.start(tmp.resolve("remote"), "pat", PAT);
    mirrors = new MirrorCache(tmp.resolve("state"));
    spec =
        new RepositorySpec(
            "infra",
            ForgeKind.AZURE_DEVOPS,
            git.url("infra"),
            azure.baseUrl(),
            "org",
            "project",
            "main");
    azure.stubFor(post(urlPathEqualTo(BASE + "/wit/wiql")).willReturn(okJson(wiql())));
    azure.stubFor(
        post(urlPathEqualTo(BASE + "/wit/workitems/$Task")).willReturn(okJson(workItem(1))));
    azure.stubFor(
        patch(urlPathEqualTo(BASE + "/wit/workitems/42")).willReturn(okJson(workItem(2))));
  }

  @AfterEach
  void stop() throws Exception {
    mirrors.close();
    git.close();
    azure.stop();
  }

  private ChangeWorkflow workflow() {
    AzureDevOpsForge forge = AzureDevOpsForge.connect(spec, PAT);
    return WhoamiBump.workflow(mirrors, spec, forge);
  }

  private static ChangeRequest bump() {
    return WhoamiBump.in("infra", null);
  }

  static String wiql(int... ids) {
    StringBuilder items = new StringBuilder();
    for (int id : ids) {
      items
          .append(items.length() == 0 ? "" : ",")
          .append("{\"id\": ")
          .append(id)
          .append(", \"url\": \"https://dev.azure.com/org/_apis/wit/workItems/")
          .append(id)
          .append("\"}");
    }
    return """
        {"queryType": "flat", "queryResultType": "workItem", "asOf": "2026-11-21T05:00:00Z",
         "columns": [{"referenceName": "System.Id", "name": "ID", "url": "https://dev.azure.com/org/_apis/wit/fields/System.Id"}],
         "workItems": [%s]}
        """
        .formatted(items);
  }

  static String workItem(int rev) {
    return """
        {"id": 42, "rev": %d,
         "fields": {"System.AreaPath": "project", "System.TeamProject": "project", "System.IterationPath": "project",
                    "System.WorkItemType": "Task", "System.State": "To Do", "System.Title": "%s",
                    "System.Tags": "agent:devops-sre; area:gitops; priority:medium; type:chore",
                    "System.Description": "Bump whoami"},
         "url": "https://dev.azure.com/org/project/_apis/wit/workItems/42"}
        """
        .formatted(rev, TITLE);
  }

  static String pullRequest(String status) {
    return """
        {"repository": {"id": "%s", "name": "infra", "url": "https://dev.azure.com/org/project/_apis/git/repositories/%1$s",
                        "project": {"id": "%s", "name": "project", "state": "wellFormed"}},
         "pullRequestId": 43, "codeReviewId": 43, "status": "%s",
         "createdBy": {"displayName": "GitOps Crew", "id": "d6245f20-2af8-44f4-9451-8107cb2767db"},
         "creationDate": "2026-11-21T05:00:02Z", "title": "chore: %s", "description": "Closes #42",
         "sourceRefName": "refs/heads/%s", "targetRefName": "refs/heads/main", "mergeStatus": "queued",
         "isDraft": false, "reviewers": [],
         "labels": [{"id": "b9c0bd3e-0f4c-4a6b-8f69-8e3e7b0f3b8a", "name": "agent:devops-sre", "active": true}],
         "url": "https://dev.azure.com/org/project/_apis/git/repositories/%1$s/pullRequests/43"}
        """
        .formatted(REPO_ID, PROJECT_ID, status, TITLE, BRANCH);
  }

  private List<LoggedRequest> requests(String method, String path) {
    return azure.getAllServeEvents().stream()
        .map(e -> e.getRequest())
        .filter(
            r -> r.getMethod().getName().equals(method) && r.getUrl().split("\\?")[0].equals(path))
        .toList();
  }

  @Test
  void aChangeMakesAWorkItemAndALinkedPullRequestWithEveryFootprint() throws Exception {
    azure.stubFor(
        post(urlPathEqualTo(BASE + "/git/repositories/infra/pullrequests"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(pullRequest("active"))));

    ChangeOutcome outcome = workflow().run(bump(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    ChangeOutcome.Completed done = (ChangeOutcome.Completed) outcome;
    assertThat(done.issue())
        .isEqualTo(new ChangeOutcome.Ref(42, azure.baseUrl() + "/org/project/_workitems/edit/42"));
    assertThat(done.pullRequest())
        .isEqualTo(
            new ChangeOutcome.Ref(43, azure.baseUrl() + "/org/project/_git/infra/pullrequest/43"));

    LoggedRequest create = requests("POST", BASE + "/wit/workitems/$Task").get(0);
    assertThat(create.getHeader("Content-Type")).startsWith("application/json-patch+json");
    JsonNode fields = JSON.readTree(create.getBodyAsString());
    assertThat(fields)
        .anySatisfy(
            op -> {
              assertThat(op.get("path").asText()).isEqualTo("/fields/System.Tags");
              assertThat(op.get("value").asText().split("; "))
                  .containsExactlyInAnyOrder(
                      "agent:devops-sre", "type:chore", "priority:medium", "area:gitops");
            });
    assertThat(fields)
        .anySatisfy(
            op -> {
              assertThat(op.get("path").asText()).isEqualTo("/fields/System.Description");
              assertThat(op.get("value").asText()).endsWith("---\nAgent: devops-sre | GitOps Crew");
            });

    // the journal lists the newest first: the plan comment, then the link once the PR exists
    List<LoggedRequest> updates = requests("PATCH", BASE + "/wit/workitems/42");
    assertThat(updates).hasSize(2);
    JsonNode link = JSON.readTree(updates.get(0).getBodyAsString()).get(0);
    JsonNode plan = JSON.readTree(updates.get(1).getBodyAsString()).get(0);
    assertThat(plan.get("path").asText()).isEqualTo("/fields/System.History");
    assertThat(plan.get("value").asText())
        .contains("Plan")
        .endsWith("Agent: devops-sre | GitOps Crew");
    assertThat(link.get("path").asText()).isEqualTo("/relations/-");
    assertThat(link.get("value").get("rel").asText()).isEqualTo("ArtifactLink");
    assertThat(link.get("value").get("url").asText())
        .isEqualTo("vstfs:///Git/PullRequestId/" + PROJECT_ID + "%2F" + REPO_ID + "%2F43");

    JsonNode pr =
        JSON.readTree(
            requests("POST", BASE + "/git/repositories/infra/pullrequests")
                .get(0)
                .getBodyAsString());
    assertThat(pr.get("sourceRefName").asText()).isEqualTo("refs/heads/" + BRANCH);
    assertThat(pr.get("targetRefName").asText()).isEqualTo("refs/heads/main");
    assertThat(pr.get("description").asText())
        .startsWith("Closes #42")
        .endsWith("---\nAgent: devops-sre | GitOps Crew");
    assertThat(pr.get("labels"))
        .extracting(l -> l.get("name").asText())
        .containsExactlyInAnyOrder(
            "agent:devops-sre", "type:chore", "priority:medium", "area:gitops");

    RevCommit commit = BareRepos.head(tmp.resolve("remote/infra.git"), BRANCH);
    assertThat(commit.getFullMessage()).isEqualTo("chore: " + TITLE + " (#42) [devops-sre]\n");
    assertThat(commit.getAuthorIdent().getEmailAddress()).isEqualTo("devops-sre@gitops-crew.local");

    String basic =
        "Basic " + Base64.getEncoder().encodeToString((":" + PAT).getBytes(StandardCharsets.UTF_8));
    assertThat(azure.getAllServeEvents())
        .hasSize(5)
        .allSatisfy(
            e -> {
              assertThat(e.getRequest().getHeader("Authorization")).isEqualTo(basic);
              assertThat(e.getRequest().queryParameter("api-version").firstValue())
                  .isEqualTo("7.1");
            });
  }

  @Test
  void aPullRequestCreateThatAnswers502AfterSucceedingIsFoundNotRepeated() {
    azure.stubFor(
        post(urlPathEqualTo(BASE + "/git/repositories/infra/pullrequests"))
            .inScenario("pr")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(502))
            .willSetStateTo("made"));
    azure.stubFor(
        get(urlPathEqualTo(BASE + "/git/repositories/infra/pullrequests"))
            .inScenario("pr")
            .whenScenarioStateIs("made")
            .withQueryParam("searchCriteria.sourceRefName", equalTo("refs/heads/" + BRANCH))
            .withQueryParam("searchCriteria.status", equalTo("active"))
            .willReturn(okJson("{\"value\": [" + pullRequest("active") + "], \"count\": 1}")));

    ChangeOutcome outcome = workflow().run(bump(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    assertThat(((ChangeOutcome.Completed) outcome).pullRequest().number()).isEqualTo(43);
    azure.verify(
        1, postRequestedFor(urlPathEqualTo(BASE + "/git/repositories/infra/pullrequests")));
  }

  @Test
  void anOpenWorkItemWithTheSameTitleIsAdoptedNotDuplicated() {
    azure.stubFor(post(urlPathEqualTo(BASE + "/wit/wiql")).willReturn(okJson(wiql(42))));
    azure.stubFor(get(urlPathEqualTo(BASE + "/wit/workitems/42")).willReturn(okJson(workItem(1))));
    azure.stubFor(
        get(urlPathEqualTo(BASE + "/wit/workitems/42/updates"))
            .willReturn(okJson("{\"count\": 0, \"value\": []}")));
    azure.stubFor(
        post(urlPathEqualTo(BASE + "/git/repositories/infra/pullrequests"))
            .willReturn(okJson(pullRequest("active"))));

    ChangeOutcome outcome = workflow().run(bump(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    azure.verify(0, postRequestedFor(urlPathEqualTo(BASE + "/wit/workitems/$Task")));
    String wiql = requests("POST", BASE + "/wit/wiql").get(0).getBodyAsString();
    assertThat(wiql)
        .contains("[System.Title] = 'Bump whoami to v1.10.3'", "CONTAINS 'agent:devops-sre'");
  }

  @Test
  void reviewersTagsAndFailuresSpeakTheApi() {
    AzureDevOpsForge forge = AzureDevOpsForge.connect(spec, PAT);
    azure.stubFor(
        put(urlPathEqualTo(BASE + "/git/repositories/infra/pullrequests/43/reviewers/d6245f20"))
            .willReturn(okJson("{\"id\": \"d6245f20\", \"vote\": 0}")));
    azure.stubFor(
        post(urlPathEqualTo(BASE + "/git/repositories/infra/annotatedtags"))
            .willReturn(
                okJson(
                    "{\"name\": \"v1.4.0\", \"objectId\": \"c2b3f5d0a1e4f6b7c8d9e0f1a2b3c4d5e6f7a8b9\", \"taggedObject\": {\"objectId\": \"6dcb09b5b57875f334f61aebed695e2e4193db5e\", \"objectType\": \"commit\"}, \"message\": \"Release v1.4.0\"}")));
    azure.stubFor(
        get(urlPathEqualTo(BASE + "/git/repositories/infra/pullrequests/44"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\": \"TF401180: The requested pull request was not found.\", \"typeKey\": \"GitPullRequestNotFoundException\"}")));

    forge.addReviewer(43, "d6245f20");
    assertThat(
            forge.createAnnotatedTag(
                "v1.4.0", "6dcb09b5b57875f334f61aebed695e2e4193db5e", "Release v1.4.0"))
        .isEqualTo("c2b3f5d0a1e4f6b7c8d9e0f1a2b3c4d5e6f7a8b9");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> forge.pullRequest(44))
        .isInstanceOf(dev.gitopscrew.forge.ForgeException.class)
        .hasMessageContaining("404")
        .hasMessageContaining("TF401180")
        .hasMessageNotContaining(PAT);
    assertThat(
            requests("PUT", BASE + "/git/repositories/infra/pullrequests/43/reviewers/d6245f20")
                .get(0)
                .getBodyAsString())
        .contains("\"vote\":0");
  }

  static String closedWorkItem(String state, String tags) {
    return """
        {"id": 42, "rev": 7,
         "fields": {"System.AreaPath": "project", "System.TeamProject": "project", "System.IterationPath": "project",
                    "System.WorkItemType": "Task", "System.State": "%s", "System.Title": "whoami is outdated",
                    "System.Tags": "%s", "System.Description": "Please bump it."},
         "url": "https://dev.azure.com/org/project/_apis/wit/workItems/42"}
        """
        .formatted(state, tags);
  }

  private ChangeRequest adopting42() {
    return WhoamiBump.in("infra", 42);
  }

  @Test
  void aClosedWorkItemIsReopenedItsOtherTypeTagReplacedAndNoMilestoneIsAsked() throws Exception {
    azure.stubFor(
        get(urlPathEqualTo(BASE + "/wit/workitems/42"))
            .willReturn(okJson(closedWorkItem("Closed", "bug; type:fix"))));
    azure.stubFor(
        get(urlPathEqualTo(BASE + "/wit/workitems/42/updates"))
            .willReturn(okJson("{\"count\": 0, \"value\": []}")));
    azure.stubFor(
        post(urlPathEqualTo(BASE + "/git/repositories/infra/pullrequests"))
            .willReturn(okJson(pullRequest("active"))));

    ChangeOutcome outcome = workflow().run(adopting42(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Completed.class);
    // the journal lists the newest first: reopen, tags, plan comment, pull request link
    List<LoggedRequest> updates =
        new java.util.ArrayList<>(requests("PATCH", BASE + "/wit/workitems/42"));
    java.util.Collections.reverse(updates);
    assertThat(updates).hasSize(4);
    JsonNode reopen = JSON.readTree(updates.get(0).getBodyAsString()).get(0);
    assertThat(reopen.get("path").asText()).isEqualTo("/fields/System.State");
    assertThat(reopen.get("value").asText()).isEqualTo("Active");
    JsonNode tags = JSON.readTree(updates.get(1).getBodyAsString()).get(0);
    assertThat(tags.get("path").asText()).isEqualTo("/fields/System.Tags");
    assertThat(tags.get("value").asText().split("; "))
        .containsExactlyInAnyOrder(
            "bug", "agent:devops-sre", "type:chore", "priority:medium", "area:gitops");
    JsonNode plan = JSON.readTree(updates.get(2).getBodyAsString()).get(0);
    assertThat(plan.get("value").asText())
        .contains(
            "This issue was closed: reopened to work on it.",
            "Its type label type:fix is replaced by type:chore");
    // Azure DevOps keeps no milestones: nothing asks for one
    assertThat(azure.getAllServeEvents())
        .noneMatch(e -> e.getRequest().getUrl().toLowerCase().contains("iteration"));
  }

  @Test
  void aWorkItemTheProcessWillNotReopenStopsTheChangeWithTheReason() throws Exception {
    azure.stubFor(
        get(urlPathEqualTo(BASE + "/wit/workitems/42"))
            .willReturn(okJson(closedWorkItem("Removed", "type:chore"))));
    azure.stubFor(
        patch(urlPathEqualTo(BASE + "/wit/workitems/42"))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"$id\": \"1\", \"innerException\": null, \"message\": \"TF401320: Rule"
                            + " Error for field State. Error code: InvalidListValue.\","
                            + " \"typeName\": \"Microsoft.TeamFoundation.WorkItemTracking.Server"
                            + ".RuleValidationException\", \"typeKey\":"
                            + " \"RuleValidationException\", \"errorCode\": 0, \"eventId\": 3200}")));

    ChangeOutcome outcome = workflow().run(adopting42(), effects.door());

    assertThat(outcome).isInstanceOf(ChangeOutcome.Failed.class);
    assertThat(outcome.describe())
        .contains("issue #42 is closed", "would not reopen it", "TF401320")
        .doesNotContain(PAT);
    // Active, then To Do; nothing else is written
    assertThat(requests("PATCH", BASE + "/wit/workitems/42")).hasSize(2);
    azure.verify(
        0, postRequestedFor(urlPathEqualTo(BASE + "/git/repositories/infra/pullrequests")));
    assertThat(BareRepos.branches(tmp.resolve("remote/infra.git"))).containsExactly("main");
  }
}
