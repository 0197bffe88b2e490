package dev.gitopscrew.assembly;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.model.ConversationMemory;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Ask;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.settings.CrewContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Free text through the crew's own door: the repository functions follow forge.read in the place
 * the text came from (checked again when called), and the conversation memory is the place's own.
 */
class ModelGroundingTest {

  static final String PATH = "/v1/chat/completions";

  @TempDir Path dir;
  WireMockServer server;
  Crew crew;

  @BeforeEach
  void start() throws Exception {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    Path config = dir.resolve("crew.json");
    Files.writeString(
        config,
        """
        {
          "agents": { "defaults": { "model": "ollama/qwen3:8b" } },
          "models": { "providers": { "ollama": { "baseUrl": "%s/v1" } } }
        }
        """
            .formatted(server.baseUrl()));
    crew =
        Crew.open(
            CrewContext.load(Optional.of(config), Optional.of(dir.resolve("state")), Map.of()));
  }

  @AfterEach
  void stop() {
    crew.close();
    server.stop();
  }

  static String text(String content) {
    return """
        {"id":"chatcmpl-7","object":"chat.completion","created":1733212399,"model":"qwen3:8b",
         "choices":[{"index":0,"message":{"role":"assistant","content":%s},"finish_reason":"stop"}],
         "usage":{"prompt_tokens":900,"completion_tokens":12,"total_tokens":912}}
        """
        .formatted(new ObjectMapper().valueToTree(content).toString());
  }

  static String readCall() {
    return """
        {"id":"chatcmpl-6","object":"chat.completion","created":1733212398,"model":"qwen3:8b",
         "choices":[{"index":0,"message":{"role":"assistant","content":"",
           "tool_calls":[{"id":"call_readme","type":"function","function":{"name":"read_file",
             "arguments":"{\\"repository\\":\\"demo\\",\\"path\\":\\"README.md\\"}"}}]},
           "finish_reason":"tool_calls"}],
         "usage":{"prompt_tokens":800,"completion_tokens":30,"total_tokens":830}}
        """;
  }

  List<LoggedRequest> sent() {
    return server.findAll(postRequestedFor(urlEqualTo(PATH)));
  }

  RequestOutcome ask(Object text, ChannelScope scope, Origin origin) throws Exception {
    RequestOutcome outcome =
        text instanceof Ask a
            ? crew.runRequest().run(a, Optional.empty(), scope, origin, true)
            : crew.runRequest().runText((String) text, Optional.empty(), scope, origin, true);
    assertThat(outcome).isInstanceOf(RequestOutcome.Ran.class);
    assertThat(((RequestOutcome.Ran) outcome).succeeded()).as(outcome.toString()).isTrue();
    return outcome;
  }

  @Test
  void aChannelWithoutForgeReadIsNotOfferedTheReadsAndAForcedCallIsRefusedWithTheMissingLink()
      throws Exception {
    server.stubFor(
        post(PATH)
            .withRequestBody(notContaining("tool_call_id"))
            .willReturn(aResponse().withBody(readCall())));
    server.stubFor(
        post(PATH)
            .withRequestBody(containing("tool_call_id"))
            .willReturn(aResponse().withBody(text("I cannot read files here."))));
    ChannelScope alerts =
        new ChannelScope(
            "discord channel 42 (guild lab)", Optional.of(List.of("incident-response")));

    RequestOutcome outcome =
        ask("what does the demo README say?", alerts, new Origin("discord", "987654321"));

    List<LoggedRequest> sent = sent();
    assertThat(sent).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(sent.get(0).getBodyAsString());
    List<String> functions = new ArrayList<>();
    first.path("tools").forEach(t -> functions.add(t.path("function").path("name").asText()));
    assertThat(functions).doesNotContain("read_file", "list_files", "search_files");
    assertThat(sent.get(0).getBodyAsString()).doesNotContain("read_file");
    assertThat(sent.get(1).getBodyAsString())
        .contains(
            "refused: discord channel 42 (guild lab) does not allow the skills homelab-admin,"
                + " gitops that grant forge.read to homelab-admin; nothing was read")
        .doesNotContain("A small GitOps repository");
    assertThat(((RequestOutcome.Ran) outcome).root().detail())
        .contains("- read_file refused: discord channel 42");
  }

  @Test
  void aFollowUpInTheSamePlaceSeesTheTurnBeforeAndAnotherPlaceDoesNot() throws Exception {
    server.stubFor(post(PATH).willReturn(aResponse().withBody(text("demo holds five apps."))));
    ChannelScope cli = ChannelScope.unrestricted("the command line");

    ask("what does demo hold?", cli, new Origin("cli", "ada"));
    ask("and which of them is whoami?", cli, new Origin("cli", "ada"));
    ask("and which of them is whoami?", cli, new Origin("api", "bot"));
    Ask inChannel = new Ask("restart it").at(ConversationMemory.discord("42"));
    ask(inChannel, cli, new Origin("discord", "111"));
    ask(
        new Ask("and scale it").at(ConversationMemory.discord("42")),
        cli,
        new Origin("discord", "222"));

    List<LoggedRequest> sent = sent();
    assertThat(sent).hasSize(5);
    String first = "{\"role\":\"user\",\"content\":\"what does demo hold?\"}";
    assertThat(sent.get(0).getBodyAsString()).doesNotContain("demo holds five apps.");
    assertThat(sent.get(1).getBodyAsString())
        .contains(
            first
                + ",{\"role\":\"assistant\",\"content\":\"demo holds five apps.\"}"
                + ",{\"role\":\"user\",\"content\":\"and which of them is whoami?\"}");
    assertThat(sent.get(2).getBodyAsString())
        .doesNotContain("what does demo hold?")
        .doesNotContain("demo holds five apps.");
    assertThat(sent.get(3).getBodyAsString()).doesNotContain("which of them");
    assertThat(sent.get(4).getBodyAsString())
        .contains("{\"role\":\"user\",\"content\":\"restart it\"}")
        .doesNotContain("what does demo hold?");
  }
}
