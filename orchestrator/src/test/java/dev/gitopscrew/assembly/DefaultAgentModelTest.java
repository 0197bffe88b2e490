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
import dev.gitopscrew.model.ModelProviders;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.settings.CrewContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 000's openclaw.json: one {@code default: true} agent {@code main} holds the model, its
 * fallback and the identity; the crew's homelab-admin takes its place, so free text is planned by
 * that model over the real chat-completions protocol (a WireMock double). Without {@code default:
 * true} the first agent of {@code agents.list} is the default one, as in OpenClaw. Without a usable
 * model, free text is refused naming the real cause.
 */
class DefaultAgentModelTest {

  static final String PATH = "/v1/chat/completions";

  @TempDir Path dir;
  WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private CrewContext load(String json, Map<String, String> env) throws Exception {
    Path config = dir.resolve("openclaw.json");
    Files.writeString(config, json);
    return CrewContext.load(Optional.of(config), Optional.of(dir.resolve("state")), env);
  }

  @Test
  void theDefaultAgentsModelAndIdentityBecomeHomelabAdminsAndPlanFreeText() throws Exception {
    server.stubFor(
        post(PATH)
            .withRequestBody(notContaining("tool_call_id"))
            .willReturn(
                aResponse()
                    .withBody(
                        """
                        {"id":"chatcmpl-1","object":"chat.completion","created":1733212398,
                         "model":"minimax-m2:cloud","choices":[{"index":0,"message":{
                           "role":"assistant","content":"","tool_calls":[{"id":"call_1",
                           "type":"function","function":{"name":"scan",
                           "arguments":"{\\"repository\\":\\"demo\\",\\"dryRun\\":true}"}}]},
                           "finish_reason":"tool_calls"}],
                         "usage":{"prompt_tokens":800,"completion_tokens":30,"total_tokens":830}}
                        """)));
    server.stubFor(
        post(PATH)
            .withRequestBody(containing("tool_call_id"))
            .willReturn(answer(2, "The demo scan ran as a dry run.", 900, 9)));
    CrewContext context =
        load(
            """
            {
              "models": { "providers": {
                "ollama": { "baseUrl": "%s/v1", "api": "openai-responses",
                            "models": [ {"id": "deepseek-v3.2:cloud"}, {"id": "minimax-m2:cloud"} ] }
              } },
              "agents": { "list": [
                { "id": "main", "default": true,
                  "identity": { "name": "Jairix", "emoji": "🦞" },
                  "model": { "primary": "ollama/minimax-m2:cloud",
                             "fallbacks": ["ollama/deepseek-v3.2:cloud"] } },
                { "id": "researcher", "model": { "primary": "ollama/kimi-k2-thinking:cloud" } }
              ] }
            }
            """
                .formatted(server.baseUrl()),
            Map.of());

    assertThat(context.problems())
        .anySatisfy(
            p ->
                assertThat(p.describe())
                    .contains("openclaw.json:")
                    .contains("agents.list[0]: agent 'main' is OpenClaw's default agent")
                    .contains("homelab-admin, the crew's entry point, answers in its place")
                    .contains(
                        "its model ollama/minimax-m2:cloud (fallbacks ollama/deepseek-v3.2:cloud)")
                    .contains("its identity (Jairix 🦞)"))
        .noneSatisfy(p -> assertThat(p.describe()).contains("'main' is not a GitOps Crew agent"))
        .anySatisfy(
            p -> assertThat(p.describe()).contains("'researcher' is not a GitOps Crew agent"));
    assertThat(ModelProviders.refsFor(context.loaded().config(), KnownAgent.HOMELAB_ADMIN))
        .containsExactly("ollama/minimax-m2:cloud", "ollama/deepseek-v3.2:cloud");

    try (Crew crew = Crew.open(context)) {
      RequestOutcome outcome =
          crew.runRequest()
              .runText(
                  "Jairix, is anything wrong with the demo manifests?",
                  Optional.empty(),
                  ChannelScope.unrestricted("the command line"),
                  new Origin("cli", "ada"),
                  true);
      assertThat(outcome).isInstanceOf(RequestOutcome.Ran.class);
      RequestOutcome.Ran ran = (RequestOutcome.Ran) outcome;
      assertThat(ran.succeeded()).as(outcome.toString()).isTrue();
      assertThat(ran.root().detail()).startsWith("The demo scan ran as a dry run.");
      assertThat(ran.tree()).anySatisfy(s -> assertThat(s.agent()).isEqualTo("security-analyst"));
    }
    List<LoggedRequest> sent = server.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(sent).hasSize(2);
    JsonNode first = new ObjectMapper().readTree(sent.get(0).getBodyAsString());
    assertThat(first.path("model").asText()).isEqualTo("minimax-m2:cloud");
    assertThat(first.path("messages").path(0).path("content").asText())
        .startsWith("You are homelab-admin of GitOps Crew")
        .contains("People here know you as Jairix 🦞");
    JsonNode second = new ObjectMapper().readTree(sent.get(1).getBodyAsString());
    JsonNode messages = second.path("messages");
    assertThat(messages.get(messages.size() - 1).path("content").asText()).startsWith("succeeded");
  }

  @Test
  void withoutADefaultFlagTheFirstAgentIsTheDefaultAndItsModelPlansFreeText() throws Exception {
    server.stubFor(post(PATH).willReturn(answer(3, "Nothing is wrong with the cluster.", 700, 8)));
    // seed 000 as OpenClaw reads it: one agent, no default: true, so it is the default agent
    String seed =
        """
        { "models": { "providers": { "ollama": { "baseUrl": "%s/v1" } } },
          "agents": { "list": [ { "id": "main", "model": "ollama/minimax-m2:cloud" } ] } }
        """
            .formatted(server.baseUrl());
    CrewContext context = load(seed, Map.of());

    assertThat(context.problems())
        .anySatisfy(
            p ->
                assertThat(p.describe())
                    .contains("agents.list[0]: agent 'main' is OpenClaw's default agent")
                    .contains("answers in its place with its model ollama/minimax-m2:cloud"));
    assertThat(ModelProviders.refsFor(context.loaded().config(), KnownAgent.HOMELAB_ADMIN))
        .containsExactly("ollama/minimax-m2:cloud");
    try (Crew crew = Crew.open(context)) {
      RequestOutcome outcome = askFreeText(crew);
      assertThat(outcome).as(outcome.toString()).isInstanceOf(RequestOutcome.Ran.class);
    }
    List<LoggedRequest> sent = server.findAll(postRequestedFor(urlEqualTo(PATH)));
    assertThat(sent).isNotEmpty();
    assertThat(new ObjectMapper().readTree(sent.get(0).getBodyAsString()).path("model").asText())
        .isEqualTo("minimax-m2:cloud");
  }

  @Test
  void aDefaultFlagFurtherDownAndHomelabAdminsOwnModelComeBeforeTheFirstAgent() throws Exception {
    String providers =
        "\"models\": { \"providers\": { \"ollama\": { \"baseUrl\": \"http://127.0.0.1:9/v1\" } } }";
    CrewContext flagged =
        load(
            """
            { %s, "agents": { "list": [
                { "id": "researcher", "model": "ollama/kimi-k2-thinking:cloud" },
                { "id": "main", "default": true, "model": "ollama/minimax-m2:cloud" } ] } }
            """
                .formatted(providers),
            Map.of());
    assertThat(ModelProviders.refsFor(flagged.loaded().config(), KnownAgent.HOMELAB_ADMIN))
        .containsExactly("ollama/minimax-m2:cloud");

    CrewContext own =
        load(
            """
            { %s, "agents": { "list": [
                { "id": "main", "model": "ollama/minimax-m2:cloud" },
                { "id": "homelab-admin", "model": "ollama/deepseek-v3.2:cloud" } ] } }
            """
                .formatted(providers),
            Map.of());
    assertThat(ModelProviders.refsFor(own.loaded().config(), KnownAgent.HOMELAB_ADMIN))
        .containsExactly("ollama/deepseek-v3.2:cloud");
    assertThat(own.problems())
        .anySatisfy(
            p ->
                assertThat(p.describe())
                    .contains("agent 'main' is OpenClaw's default agent")
                    .contains("homelab-admin keeps its own model ollama/deepseek-v3.2:cloud"));
  }

  @Test
  void freeTextWithoutAUsableModelIsRefusedNamingTheRealCause() throws Exception {
    // providers configured, but neither the default agent (the first) nor anyone names a model
    assertThat(
            refusal(
                """
                { "models": { "providers": { "ollama": { "baseUrl": "%s/v1" } } },
                  "agents": { "list": [ { "id": "main", "identity": { "name": "Jairix" } } ] } }
                """
                    .formatted(server.baseUrl()),
                Map.of()))
        .contains(
            "free text needs a model: no model for homelab-admin: models.providers has ollama,"
                + " but neither homelab-admin's model, the default agent's nor"
                + " agents.defaults.model names one");
    // nothing configured at all
    assertThat(refusal("{ \"gateway\": { \"port\": 18789 } }", Map.of()))
        .contains("free text needs a model: no model for homelab-admin and no models.providers");
    // a model whose provider's key variable is not set
    assertThat(
            refusal(
                """
                { "agents": { "defaults": { "model": "openrouter/stepfun/step-3.5-flash:free" } } }
                """,
                Map.of()))
        .contains(
            "free text needs a model: no usable model for homelab-admin"
                + " (openrouter/stepfun/step-3.5-flash:free: not configured: OPENROUTER_API_KEY"
                + " is not set)");
    assertThat(server.findAll(postRequestedFor(urlEqualTo(PATH)))).isEmpty();
  }

  /** Free text from the command line, as {@code crew ask} sends it. */
  private static RequestOutcome askFreeText(Crew crew) throws InterruptedException {
    return crew.runRequest()
        .runText(
            "how is the cluster doing?",
            Optional.empty(),
            ChannelScope.unrestricted("the command line"),
            new Origin("cli", "ada"),
            true);
  }

  private String refusal(String json, Map<String, String> env) throws Exception {
    try (Crew crew = Crew.open(load(json, env))) {
      RequestOutcome outcome = askFreeText(crew);
      assertThat(outcome).isInstanceOf(RequestOutcome.Invalid.class);
      return ((RequestOutcome.Invalid) outcome).reason();
    }
  }

  /** minimax-m2's final answer in the chat-completions protocol: its words, nothing to call. */
  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer(
      int id, String content, int promptTokens, int completionTokens) {
    return aResponse()
        .withBody(
            """
            {"id":"chatcmpl-%d","object":"chat.completion","created":%d,
             "model":"minimax-m2:cloud","choices":[{"index":0,"message":{
               "role":"assistant","content":"%s"},
               "finish_reason":"stop"}],
             "usage":{"prompt_tokens":%d,"completion_tokens":%d,"total_tokens":%d}}
            """
                .formatted(
                    id,
                    1733212397 + id,
                    content,
                    promptTokens,
                    completionTokens,
                    promptTokens + completionTokens));
  }
}
