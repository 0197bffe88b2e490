package dev.gitopscrew.forge.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.RepositorySpec;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reports on GitHub: an issue's body replaced, closed, a PR comment updated, a commit status. */
class GitHubReportsTest {

  private static final String TOKEN = "ghp_R3p0rtT0kenValue0123456789abcdefABCD";
  private static final String REPO = "/repos/owner/homelab";
  private static final String SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WireMockServer github;
  private GitHubForge forge;

  @BeforeEach
  void start() {
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
    String api = github.baseUrl();
    github.stubFor(get(urlPathEqualTo(REPO)).willReturn(okJson(GitHubPayloads.repository(api))));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/7"))
            .willReturn(
                okJson(
                    GitHubPayloads.issue(
                        api, 7, "Security scan findings", "old", null, "agent:security-analyst"))));
    github.stubFor(
        patch(urlPathEqualTo(REPO + "/issues/7"))
            .willReturn(
                okJson(
                    GitHubPayloads.issue(
                        api, 7, "Security scan findings", "new", null, "agent:security-analyst"))));
    forge =
        new GitHubForge(
            new RepositorySpec(
                "homelab",
                ForgeKind.GITHUB,
                "https://github.com/owner/homelab.git",
                api,
                "owner",
                null,
                "main"),
            GitHubAuth.pat(TOKEN),
            Duration.ofSeconds(1));
  }

  @AfterEach
  void stop() {
    github.stop();
  }

  private JsonNode body(RequestMethod method, String path) throws Exception {
    var request =
        github.getAllServeEvents().stream()
            .map(e -> e.getRequest())
            .filter(r -> r.getMethod().equals(method) && r.getUrl().startsWith(path))
            .findFirst()
            .orElseThrow();
    return JSON.readTree(request.getBodyAsString());
  }

  @Test
  void anIssueBodyIsReplacedAndTheIssueClosed() throws Exception {
    Issue updated = forge.updateIssue(7, "2 findings\n<!-- marker -->");
    assertThat(updated.body()).isEqualTo("2 findings\n<!-- marker -->");
    assertThat(updated.title()).isEqualTo("Security scan findings");
    assertThat(body(RequestMethod.PATCH, REPO + "/issues/7").path("body").asText())
        .isEqualTo("2 findings\n<!-- marker -->");

    github.resetRequests();
    forge.closeIssue(7);
    assertThat(body(RequestMethod.PATCH, REPO + "/issues/7").path("state").asText())
        .isEqualTo("closed");
  }

  @Test
  void aPullRequestCommentIsFoundByItsMarkerAndUpdatedInPlace() throws Exception {
    String api = github.baseUrl();
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/43"))
            .willReturn(
                okJson(GitHubPayloads.issue(api, 43, "fix: a change", "Closes #42", null))));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/43/comments"))
            .willReturn(
                okJson(
                    "["
                        + GitHubPayloads.comment(api, 43)
                            .replace(
                                "\"Plan\"",
                                "\"Validation\\n<!-- gitops-crew:report qa-tester validation -->\"")
                        + "]")));
    github.stubFor(
        patch(urlPathEqualTo(REPO + "/issues/comments/555"))
            .willReturn(okJson(GitHubPayloads.comment(api, 43))));

    Comment found =
        forge
            .findPullRequestComment(43, "<!-- gitops-crew:report qa-tester validation -->")
            .orElseThrow();
    Comment updated = forge.updatePullRequestComment(43, found.id(), "1 check failed");

    assertThat(found.id()).isEqualTo(555);
    assertThat(updated.url())
        .isEqualTo("https://github.com/owner/homelab/issues/43#issuecomment-555");
    assertThat(body(RequestMethod.PATCH, REPO + "/issues/comments/555").path("body").asText())
        .isEqualTo("1 check failed");
  }

  @Test
  void aCommitStatusCarriesStateContextAndDescription() throws Exception {
    github.stubFor(
        post(urlPathEqualTo(REPO + "/statuses/" + SHA))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {"id": 1, "state": "failure", "context": "gitops-crew/validate",
                         "description": "2 checks failed", "target_url": null,
                         "url": "%s/repos/owner/homelab/statuses/%s",
                         "created_at": "2026-11-21T05:00:00Z", "updated_at": "2026-11-21T05:00:00Z"}
                        """
                            .formatted(github.baseUrl(), SHA))));

    forge.setCommitStatus(
        new CommitStatus(
            SHA, CommitStatus.State.FAILURE, "gitops-crew/validate", "2 checks failed", null));

    JsonNode sent = body(RequestMethod.POST, REPO + "/statuses/" + SHA);
    assertThat(sent.path("state").asText()).isEqualTo("failure");
    assertThat(sent.path("context").asText()).isEqualTo("gitops-crew/validate");
    assertThat(sent.path("description").asText()).isEqualTo("2 checks failed");
  }

  @Test
  void aRefusedStatusFailsWithTheReasonAndNoToken() {
    github.stubFor(
        post(urlPathEqualTo(REPO + "/statuses/" + SHA))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\": \"Resource not accessible by personal access token\"}")));

    assertThatThrownBy(
            () ->
                forge.setCommitStatus(
                    new CommitStatus(
                        SHA, CommitStatus.State.SUCCESS, "gitops-crew/validate", "ok", null)))
        .isInstanceOf(ForgeException.class)
        .hasMessageContaining("cannot set the status of " + SHA)
        .hasMessageContaining("403")
        .hasMessageNotContaining(TOKEN);
  }
}
