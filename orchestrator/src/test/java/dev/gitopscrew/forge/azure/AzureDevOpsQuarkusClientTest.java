package dev.gitopscrew.forge.azure;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.RepositorySpec;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Azure DevOps client interface as the application runs it: implemented by Quarkus REST Client.
 */
@QuarkusTest
class AzureDevOpsQuarkusClientTest {

  private WireMockServer azure;

  @BeforeEach
  void start() {
    azure = new WireMockServer(wireMockConfig().dynamicPort());
    azure.start();
  }

  @AfterEach
  void stop() {
    azure.stop();
  }

  @Test
  void quarkusRestClientSpeaksTheSameApi() {
    azure.stubFor(
        get(urlPathEqualTo("/org/project/_apis/git/repositories/infra/pullrequests"))
            .withQueryParam("searchCriteria.sourceRefName", equalTo("refs/heads/sre/fix/1-x"))
            .willReturn(okJson("{\"value\": [], \"count\": 0}")));
    azure.stubFor(
        patch(urlPathEqualTo("/org/project/_apis/wit/workitems/42"))
            .willReturn(okJson("{\"id\": 42, \"rev\": 3, \"fields\": {\"System.Title\": \"t\"}}")));
    RepositorySpec spec =
        new RepositorySpec(
            "infra",
            ForgeKind.AZURE_DEVOPS,
            "https://dev.azure.com/org/project/_git/infra",
            azure.baseUrl(),
            "org",
            "project",
            "main");
    AzureDevOpsForge forge = AzureDevOpsForge.connect(spec, "pat-value");

    assertThat(forge.findOpenPullRequest("sre/fix/1-x")).isEmpty();
    assertThat(forge.comment(42, "Plan").id()).isEqualTo(3);
    azure.verify(
        patchRequestedFor(urlPathEqualTo("/org/project/_apis/wit/workitems/42"))
            .withHeader("Content-Type", containing("application/json-patch+json"))
            .withRequestBody(containing("/fields/System.History")));
  }
}
