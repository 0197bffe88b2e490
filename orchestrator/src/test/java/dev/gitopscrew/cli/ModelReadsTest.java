package dev.gitopscrew.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code crew ask} grounded in the repository: the model reads the demo repository's README and
 * searches its manifests over several rounds, each result reaching it in the next request; and a
 * follow-up at the same command line is shown the turn before it.
 */
class ModelReadsTest {

  static final String PATH = OpenRouterCrew.PATH;
  static final String README_LINE =
      "A small GitOps repository managed by Argo CD, seeded by GitOps Crew so every workflow can be"
          + " tried";

  @RegisterExtension final OpenRouterCrew model = new OpenRouterCrew();

  @Test
  void theModelReadsTheReadmeThenSearchesAndEachResultReachesItInTheNextRound() {
    model.server.stubFor(
        post(PATH)
            .withRequestBody(notContaining("tool_call_id"))
            .willReturn(
                aResponse()
                    .withBody(
                        ModelAskTest.toolCall(
                            "call_read_1",
                            "read_file",
                            "{\"repository\":\"demo\",\"path\":\"README.md\"}"))));
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing("call_read_1"))
            .withRequestBody(notContaining("call_search_2"))
            .willReturn(
                aResponse()
                    .withBody(
                        ModelAskTest.toolCall(
                            "call_search_2",
                            "search_files",
                            "{\"repository\":\"demo\",\"text\":\"TRAEFIK/whoami\",\"path\":\"k8s\"}"))));
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing("call_search_2"))
            .willReturn(
                aResponse()
                    .withBody(ModelAskTest.text("whoami runs traefik/whoami:v1.10.2 in demo."))));

    CliRun run = model.crew("ask", "which whoami version does demo run?");

    assertThat(run.status()).as(run.all()).isZero();
    List<LoggedRequest> sent = model.requests();
    assertThat(sent).hasSize(3);
    assertThat(sent.get(0).getBodyAsString())
        .contains("\"name\":\"read_file\"")
        .contains("\"name\":\"list_files\"")
        .contains("\"name\":\"search_files\"")
        .contains("\"additionalProperties\":false")
        .doesNotContain(README_LINE);
    assertThat(sent.get(1).getBodyAsString())
        .contains("\"tool_call_id\":\"call_read_1\"")
        .contains("succeeded: README.md of demo at main (")
        .contains(README_LINE);
    assertThat(sent.get(2).getBodyAsString())
        .contains("\"tool_call_id\":\"call_search_2\"")
        .contains("k8s/apps/whoami/deployment.yaml:18: image: traefik/whoami:v1.10.2");
    assertThat(run.out())
        .contains("whoami runs traefik/whoami:v1.10.2 in demo.")
        .contains("- read_file succeeded: README.md of demo at main (")
        .contains("- search_files succeeded: ")
        .doesNotContain("#2 "); // reads run in the planning session, they start none
  }

  @Test
  void aFollowUpAtTheSameCommandLineIsShownTheTurnBefore() {
    model.server.stubFor(
        post(PATH)
            .withRequestBody(notContaining("and what is the default branch?"))
            .willReturn(aResponse().withBody(ModelAskTest.text("demo holds five applications."))));
    model.server.stubFor(
        post(PATH)
            .withRequestBody(containing("and what is the default branch?"))
            .willReturn(aResponse().withBody(ModelAskTest.text("main."))));

    assertThat(model.crew("ask", "what does demo hold?").status()).isZero();
    CliRun second = model.crew("ask", "and what is the default branch?");

    assertThat(second.status()).as(second.all()).isZero();
    List<LoggedRequest> sent = model.requests();
    assertThat(sent).hasSize(2);
    String body = sent.get(1).getBodyAsString();
    assertThat(body)
        .contains(
            "{\"role\":\"user\",\"content\":\"what does demo hold?\"},"
                + "{\"role\":\"assistant\",\"content\":\"demo holds five applications.\"},"
                + "{\"role\":\"user\",\"content\":\"and what is the default branch?\"}");
    assertThat(sent.get(0).getBodyAsString()).doesNotContain("demo holds five applications.");
    assertThat(model.crew("sessions", "show", "2").out())
        .contains("Memory: 1 earlier turn(s) of cli:")
        .contains("  #1 what does demo hold? → demo holds five applications.");
  }
}
