package dev.gitopscrew.forge.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.RepositorySpec;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reports on Azure DevOps: a work item's description replaced and closed in either process, a pull
 * request thread found and updated, a commit status.
 */
class AzureDevOpsReportsTest {

  private static final String PAT = "azdopat5k2lq7xj3m4n6p8r0t2v4x6z8b0d2f4h6j8l0n2p4";
  private static final String BASE = "/org/project/_apis";
  private static final String GIT = BASE + "/git/repositories/infra";
  private static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WireMockServer azure;
  private AzureDevOpsForge forge;

  @BeforeEach
  void start() {
    azure = new WireMockServer(wireMockConfig().dynamicPort());
    azure.start();
    forge =
        AzureDevOpsForge.connect(
            new RepositorySpec(
                "infra",
                ForgeKind.AZURE_DEVOPS,
                "https://dev.azure.com/org/project/_git/infra",
                azure.baseUrl(),
                "org",
                "project",
                "main"),
            PAT);
  }

  @AfterEach
  void stop() {
    azure.stop();
  }

  /** The bodies sent, oldest first (WireMock lists the newest first). */
  private List<JsonNode> bodies(RequestMethod method, String path) {
    List<com.github.tomakehurst.wiremock.stubbing.ServeEvent> events =
        new java.util.ArrayList<>(azure.getAllServeEvents());
    java.util.Collections.reverse(events);
    return events.stream()
        .map(e -> e.getRequest())
        .filter(r -> r.getMethod().equals(method) && r.getUrl().startsWith(path))
        .map(
            r -> {
              try {
                return JSON.readTree(r.getBodyAsString());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  @Test
  void aWorkItemsDescriptionIsReplacedAndItClosesAsDoneWhereClosedIsNoState() {
    azure.stubFor(
        patch(urlPathEqualTo(BASE + "/wit/workitems/42"))
            .withRequestBody(containing("System.Description"))
            .willReturn(okJson(AzureDevOpsChangeWorkflowTest.workItem(3))));
    azure.stubFor(
        patch(urlPathEqualTo(BASE + "/wit/workitems/42"))
            .withRequestBody(containing("\"Closed\""))
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\": \"TF401320: Rule Error for field State. Error code:"
                            + " Required, HasValues, LimitedToValues.\"}")));
    azure.stubFor(
        patch(urlPathEqualTo(BASE + "/wit/workitems/42"))
            .withRequestBody(containing("\"Done\""))
            .willReturn(okJson(AzureDevOpsChangeWorkflowTest.workItem(4))));

    Issue updated = forge.updateIssue(42, "2 findings");
    forge.closeIssue(42);

    assertThat(updated.number()).isEqualTo(42);
    List<JsonNode> patches = bodies(RequestMethod.PATCH, BASE + "/wit/workitems/42");
    assertThat(patches).hasSize(3);
    assertThat(patches.get(0).get(0).path("path").asText()).isEqualTo("/fields/System.Description");
    assertThat(patches.get(0).get(0).path("value").asText()).isEqualTo("2 findings");
    assertThat(patches.get(1).get(0).path("value").asText()).isEqualTo("Closed");
    assertThat(patches.get(2).get(0).path("value").asText()).isEqualTo("Done");
  }

  @Test
  void aPullRequestCommentIsTheFirstCommentOfAThreadAndIsUpdatedInPlace() {
    azure.stubFor(
        get(urlPathEqualTo(GIT + "/pullrequests/7/threads"))
            .willReturn(
                okJson(
                    """
                    {"count": 2, "value": [
                      {"id": 11, "status": "active", "comments": [
                        {"id": 1, "parentCommentId": 0, "content": "LGTM", "commentType": "text"}]},
                      {"id": 17, "status": "unknown", "comments": [
                        {"id": 1, "parentCommentId": 0,
                         "content": "Validation\\n<!-- gitops-crew:report qa-tester validation -->",
                         "commentType": "text"}]}]}
                    """)));
    azure.stubFor(
        patch(urlPathEqualTo(GIT + "/pullrequests/7/threads/17/comments/1"))
            .willReturn(okJson("{\"id\": 1, \"content\": \"1 check failed\"}")));
    azure.stubFor(
        post(urlPathEqualTo(GIT + "/pullrequests/8/threads"))
            .willReturn(okJson("{\"id\": 21, \"comments\": [{\"id\": 1}]}")));

    Comment found =
        forge
            .findPullRequestComment(7, "<!-- gitops-crew:report qa-tester validation -->")
            .orElseThrow();
    Comment updated = forge.updatePullRequestComment(7, found.id(), "1 check failed");
    Comment created = forge.commentOnPullRequest(8, "All checks passed");

    assertThat(found.id()).isEqualTo(17);
    assertThat(updated.url())
        .isEqualTo(azure.baseUrl() + "/org/project/_git/infra/pullrequest/7?discussionId=17");
    assertThat(bodies(RequestMethod.PATCH, GIT + "/pullrequests/7/threads/17/comments/1"))
        .singleElement()
        .satisfies(b -> assertThat(b.path("content").asText()).isEqualTo("1 check failed"));
    assertThat(created.id()).isEqualTo(21);
    assertThat(bodies(RequestMethod.POST, GIT + "/pullrequests/8/threads"))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.path("comments").get(0).path("content").asText())
                  .isEqualTo("All checks passed");
              assertThat(b.path("comments").get(0).path("parentCommentId").asInt()).isZero();
            });
  }

  @Test
  void aCommitStatusNamesItsGenreAndState() {
    azure.stubFor(
        post(urlPathEqualTo(GIT + "/commits/" + SHA + "/statuses"))
            .willReturn(okJson("{\"id\": 1, \"state\": \"failed\"}")));

    forge.setCommitStatus(
        new CommitStatus(
            SHA, CommitStatus.State.FAILURE, "gitops-crew/validate", "2 checks failed", null));

    assertThat(bodies(RequestMethod.POST, GIT + "/commits/" + SHA + "/statuses"))
        .singleElement()
        .satisfies(
            b -> {
              assertThat(b.path("state").asText()).isEqualTo("failed");
              assertThat(b.path("description").asText()).isEqualTo("2 checks failed");
              assertThat(b.path("context").path("name").asText()).isEqualTo("validate");
              assertThat(b.path("context").path("genre").asText()).isEqualTo("gitops-crew");
            });
  }
}
