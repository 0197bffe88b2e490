package dev.gitopscrew.metrics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gitopscrew.assembly.Forges;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.github.GitHubPayloads;
import dev.gitopscrew.forge.local.InMemoryLocalForgeRecords;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.RepositorySpec;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Forge calls and rate-limit waits as the gateway's metrics show them, against a WireMock GitHub
 * that limits the first call; the token never reaches a meter.
 */
class ForgeMetricsTest {

  private static final String TOKEN = "github_pat_11ABCDEFG0123456789_m3tricsTokenValueQRS";
  private static final String REPO = "/repos/owner/homelab";

  private WireMockServer github;
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeEach
  void start() {
    github = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    github.start();
  }

  @AfterEach
  void stop() {
    github.stop();
  }

  @Test
  void everyCallIsCountedByOperationAndOutcomeAndALimitWaitIsTimed() {
    String api = github.baseUrl();
    github.stubFor(get(urlPathEqualTo(REPO)).willReturn(okJson(GitHubPayloads.repository(api))));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/42"))
            .inScenario("limit")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Content-Type", "application/json")
                    .withHeader("Retry-After", "1")
                    .withBody(
                        "{\"message\": \"You have exceeded a secondary rate limit.\","
                            + " \"documentation_url\": \"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}"))
            .willSetStateTo("cooled"));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/42"))
            .inScenario("limit")
            .whenScenarioStateIs("cooled")
            .willReturn(
                okJson(
                    GitHubPayloads.issue(
                        api, 42, "Bump whoami", "body", null, "agent:devops-sre"))));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/7"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"message\": \"Not Found\", \"documentation_url\":"
                            + " \"https://docs.github.com/rest/issues/issues#get-an-issue\","
                            + " \"status\": \"404\"}")));
    Forge forge =
        new Forges(Map.of("GITHUB_TOKEN", TOKEN)::get, null, new CrewMetrics(registry))
            .apply(
                new RepositorySpec(
                    "homelab",
                    ForgeKind.GITHUB,
                    api + "/owner/homelab.git",
                    api,
                    null,
                    null,
                    "main"));

    assertThat(forge.issue(42).number()).isEqualTo(42);
    // what a person sees for the missing issue: the forge, the repository and the call, not a
    // metering wrapper's own failure
    assertThatThrownBy(() -> forge.issue(7))
        .isExactlyInstanceOf(ForgeException.class)
        .hasMessage("GitHub homelab: cannot read issue #7: 404 not found")
        .satisfies(e -> assertThat(((ForgeException) e).notFound()).isTrue());

    assertThat(count("issue", "ok")).isEqualTo(1);
    assertThat(count("issue", "failed")).isEqualTo(1);
    var waits = registry.get("crew.forge.rate.limit.waits").tag("forge", "github").timer();
    assertThat(waits.count()).isEqualTo(1);
    assertThat(waits.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1000);
    for (Meter m : registry.getMeters()) {
      assertThat(m.getId().toString()).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(11));
    }
  }

  /**
   * The local forge is counted as every forge is, its milestones and releases and its merge button
   * included: no forge is left unmetered to keep its type visible.
   */
  @Test
  void theLocalForgeAndItsCapabilitiesAreCountedToo() {
    Forge forge =
        new Forges(name -> null, new InMemoryLocalForgeRecords(), new CrewMetrics(registry))
            .apply(
                new RepositorySpec(
                    "demo", ForgeKind.LOCAL, "file:///srv/demo.git", null, null, null, "main"));

    int number = forge.createIssue(new NewIssue("Bump whoami", "body", Set.of())).number();
    assertThatThrownBy(() -> forge.pullRequest(9)).isInstanceOf(ForgeException.class);
    assertThat(forge.releases().orElseThrow().milestones()).isEmpty();
    assertThat(forge.localMerges().orElseThrow().mergeCommit(number)).isEmpty();

    assertThat(count("local", "createIssue", "ok")).isEqualTo(1);
    assertThat(count("local", "pullRequest", "failed")).isEqualTo(1);
    assertThat(count("local", "milestones", "ok")).isEqualTo(1);
    assertThat(count("local", "mergeCommit", "ok")).isEqualTo(1);
  }

  private double count(String operation, String outcome) {
    return count("github", operation, outcome);
  }

  private double count(String forge, String operation, String outcome) {
    return registry
        .get("crew.forge.calls")
        .tags("forge", forge, "operation", operation, "outcome", outcome)
        .counter()
        .count();
  }
}
