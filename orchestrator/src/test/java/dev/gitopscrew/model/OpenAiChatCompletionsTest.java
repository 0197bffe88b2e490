package dev.gitopscrew.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.model.openai.OpenAiChatCompletions;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The OpenAI-compatible adapter against a chat-completions server double. */
class OpenAiChatCompletionsTest {

  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC);

  WireMockServer server;
  OpenAiChatCompletions provider;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    provider =
        new OpenAiChatCompletions(
            new Endpoint(
                "openrouter",
                server.baseUrl() + "/api/v1/",
                Endpoint.OPENAI,
                "OPENROUTER_API_KEY",
                Optional.of(new Endpoint.ApiKey(Completions.OPENROUTER_KEY))),
            HttpClient.newHttpClient(),
            CLOCK);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  ModelCall call(Duration timeout) {
    var tool = RequestTools.named("triage").orElseThrow().spec();
    return new ModelCall(
        "stepfun/step-3.5-flash:free",
        List.of(
            new ModelMessage.System("You are homelab-admin."),
            new ModelMessage.User("why is grafana degraded?"),
            new ModelMessage.Assistant(
                "", List.of(new ToolCall("call_1", "triage", "{\"application\":\"grafana\"}"))),
            new ModelMessage.ToolResult("call_1", "triage", "succeeded: Degraded")),
        List.of(tool),
        timeout);
  }

  @Test
  void sendsTheConversationAndToolsAndReadsToolCallsAndUsage() throws Exception {
    server.stubFor(
        post("/api/v1/chat/completions")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        Completions.toolCall(
                            "stepfun/step-3.5-flash:free",
                            "call_7f3a9c2e",
                            "verify",
                            "{\"application\":\"grafana\",\"namespace\":\"argocd\"}"))));

    ModelReply reply = provider.complete(call(Duration.ofSeconds(5)));

    assertThat(reply.toolCalls())
        .containsExactly(
            new ToolCall(
                "call_7f3a9c2e",
                "verify",
                "{\"application\":\"grafana\",\"namespace\":\"argocd\"}"));
    assertThat(reply.usage()).isEqualTo(new ModelReply.Usage(1864, 41));
    assertThat(reply.finishReason()).isEqualTo("tool_calls");
    server.verify(
        postRequestedFor(urlEqualTo("/api/v1/chat/completions"))
            .withHeader("Authorization", equalTo("Bearer " + Completions.OPENROUTER_KEY))
            .withRequestBody(matchingJsonPath("$.model", equalTo("stepfun/step-3.5-flash:free")))
            .withRequestBody(matchingJsonPath("$.tool_choice", equalTo("auto")))
            .withRequestBody(matchingJsonPath("$.tools[0].function.name", equalTo("triage")))
            .withRequestBody(
                matchingJsonPath(
                    "$.tools[0].function.parameters.required[0]", equalTo("application")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[2].tool_calls[0]",
                    equalToJson(
                        "{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":"
                            + "\"triage\",\"arguments\":\"{\\\"application\\\":\\\"grafana\\\"}\"}}")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[3]",
                    equalToJson(
                        "{\"role\":\"tool\",\"tool_call_id\":\"call_1\",\"content\":\"succeeded:"
                            + " Degraded\"}"))));
  }

  @Test
  void aRateLimitIsTypedWithItsRetryAfter() {
    server.stubFor(
        post("/api/v1/chat/completions")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withHeader("Content-Type", "application/json")
                    .withBody(Completions.OPENROUTER_429)));

    ModelFailure f =
        catchThrowableOfType(
            ModelFailure.class, () -> provider.complete(call(Duration.ofSeconds(5))));

    assertThat(f.kind()).isEqualTo(ModelFailure.Kind.RATE_LIMITED);
    assertThat(f.fallsThrough()).isTrue();
    assertThat(f.retryAfter()).contains(Duration.ofSeconds(30));
    assertThat(f.getMessage())
        .startsWith(
            "rate limited (HTTP 429): stepfun/step-3.5-flash:free is temporarily rate-limited");
  }

  @Test
  void aRetryAfterDateIsReadToo() {
    assertThat(
            ModelFailure.parseRetryAfter(
                Optional.of("Thu, 03 Dec 2026 08:01:30 GMT"), CLOCK.instant()))
        .contains(Duration.ofSeconds(90));
    assertThat(ModelFailure.parseRetryAfter(Optional.of("soon"), CLOCK.instant())).isEmpty();
  }

  @Test
  void aRejectedKeyNamesTheVariableAndNeverTheKeyEvenWhenTheProviderEchoesIt() {
    server.stubFor(
        post("/api/v1/chat/completions")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"error\":{\"message\":\"Incorrect API key provided: "
                            + Completions.OPENROUTER_KEY
                            + ". You can find your API key at https://openrouter.ai/keys.\","
                            + "\"type\":\"invalid_request_error\",\"code\":401}}")));

    ModelFailure f =
        catchThrowableOfType(
            ModelFailure.class, () -> provider.complete(call(Duration.ofSeconds(5))));

    assertThat(f.kind()).isEqualTo(ModelFailure.Kind.AUTH);
    assertThat(f.getMessage())
        .contains("Incorrect API key provided: ***")
        .contains("check OPENROUTER_API_KEY")
        .doesNotContain(Completions.OPENROUTER_KEY)
        .doesNotContain(Completions.OPENROUTER_KEY.substring(10, 40));
  }

  @Test
  void anUpstreamErrorSentWithStatus200IsAFailureNotAnAnswer() {
    server.stubFor(
        post("/api/v1/chat/completions")
            .willReturn(aResponse().withStatus(200).withBody(Completions.OPENROUTER_200_ERROR)));

    ModelFailure f =
        catchThrowableOfType(
            ModelFailure.class, () -> provider.complete(call(Duration.ofSeconds(5))));

    assertThat(f.kind()).isEqualTo(ModelFailure.Kind.SERVER);
    assertThat(f.getMessage()).contains("Upstream error from StepFun: Service Unavailable");
  }

  @Test
  void geminisArrayShapedOverloadIsTyped() {
    server.stubFor(
        post("/api/v1/chat/completions")
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody(
                        Completions.gemini(
                            503,
                            "UNAVAILABLE",
                            "The model is overloaded. Please try again later."))));

    ModelFailure f =
        catchThrowableOfType(
            ModelFailure.class, () -> provider.complete(call(Duration.ofSeconds(5))));

    assertThat(f.kind()).isEqualTo(ModelFailure.Kind.OVERLOADED);
    assertThat(f.getMessage()).contains("The model is overloaded");
  }

  @Test
  void aSlowProviderTimesOut() {
    server.stubFor(
        post("/api/v1/chat/completions")
            .willReturn(aResponse().withFixedDelay(3_000).withBody(Completions.text("m", "late"))));

    ModelFailure f =
        catchThrowableOfType(
            ModelFailure.class, () -> provider.complete(call(Duration.ofMillis(200))));

    assertThat(f.kind()).isEqualTo(ModelFailure.Kind.TIMEOUT);
    assertThat(f.fallsThrough()).isTrue();
  }

  @Test
  void aRefusalIsTypedAndDoesNotFallThrough() {
    server.stubFor(
        post("/api/v1/chat/completions").willReturn(aResponse().withBody(Completions.REFUSAL)));

    ModelFailure f =
        catchThrowableOfType(
            ModelFailure.class, () -> provider.complete(call(Duration.ofSeconds(5))));

    assertThat(f.kind()).isEqualTo(ModelFailure.Kind.REFUSED);
    assertThat(f.fallsThrough()).isFalse();
    assertThat(f.getMessage()).contains("I'm sorry, I can't help with that.");
  }

  @Test
  void notJsonIsMalformed() {
    server.stubFor(
        post("/api/v1/chat/completions")
            .willReturn(aResponse().withStatus(200).withBody("<html>Bad gateway</html>")));

    ModelFailure f =
        catchThrowableOfType(
            ModelFailure.class, () -> provider.complete(call(Duration.ofSeconds(5))));

    assertThat(f.kind()).isEqualTo(ModelFailure.Kind.MALFORMED);
  }

  @Test
  void theProbeListsModelsWithTheKeyAndSpendsNoTokens() throws Exception {
    server.stubFor(
        get("/api/v1/models")
            .withHeader("Authorization", equalTo("Bearer " + Completions.OPENROUTER_KEY))
            .willReturn(aResponse().withBody(Completions.MODELS)));

    server.stubFor(
        get("/api/v1/key")
            .withHeader("Authorization", equalTo("Bearer " + Completions.OPENROUTER_KEY))
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"data\":{\"label\":\"sk-or-v1-5f0...d9e\",\"usage\":0.0,\"limit\":null,"
                            + "\"is_free_tier\":true}}")));

    ModelProvider.Probe ok = provider.probe(List.of("stepfun/step-3.5-flash:free"));
    ModelProvider.Probe missing = provider.probe(List.of("stepfun/step-4:free"));

    assertThat(ok.ok()).isTrue();
    assertThat(ok.detail()).isEqualTo("HTTP 200, 2 models listed");
    assertThat(missing.ok()).isFalse();
    assertThat(missing.detail()).contains("not listed: stepfun/step-4:free");
    assertThat(server.findAll(postRequestedFor(urlEqualTo("/api/v1/chat/completions")))).isEmpty();
    assertThat(new ObjectMapper().readTree(Completions.MODELS).path("data").size()).isEqualTo(2);
  }

  @Test
  void openRoutersModelListIsPublicSoItsKeyIsProbedOnItsOwn() throws Exception {
    server.stubFor(get("/api/v1/models").willReturn(aResponse().withBody(Completions.MODELS)));
    server.stubFor(
        get("/api/v1/key")
            .willReturn(aResponse().withStatus(401).withBody(Completions.OPENROUTER_401)));

    ModelProvider.Probe probe = provider.probe(List.of("stepfun/step-3.5-flash:free"));

    assertThat(probe.ok()).isFalse();
    assertThat(probe.detail())
        .isEqualTo(
            "key: authentication failed (HTTP 401): No auth credentials found - check"
                + " OPENROUTER_API_KEY");
  }
}
