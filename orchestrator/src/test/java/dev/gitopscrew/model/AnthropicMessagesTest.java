package dev.gitopscrew.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.model.adapters.ModelAdapters;
import dev.gitopscrew.model.anthropic.AnthropicMessages;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Anthropic Messages adapter against a double shaped like api.anthropic.com. */
class AnthropicMessagesTest {

  static final String KEY =
      "sk-ant-api03-Xq7Lm2Pz9Rv4Tn6Wb8Yc1Dd3Fg5Hj7Kk9Mm2Np4Qr6St8Uv0Wx2Yz4Ab6Cd8Ef0Gh2Ij4Kl6Mn8Op0Qr2StAA";

  WireMockServer server;
  ModelProvider provider;

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    provider =
        ModelAdapters.byApi(Clock.fixed(Instant.parse("2026-12-03T08:00:00Z"), ZoneOffset.UTC))
            .apply(
                new Endpoint(
                    "anthropic",
                    server.baseUrl() + "/v1",
                    Endpoint.ANTHROPIC,
                    "ANTHROPIC_API_KEY",
                    Optional.of(new Endpoint.ApiKey(KEY))));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  static ModelCall call() {
    return new ModelCall(
        "claude-sonnet-4-5",
        List.of(
            new ModelMessage.System("You are homelab-admin."),
            new ModelMessage.User("why are grafana and loki degraded?"),
            new ModelMessage.Assistant(
                "Triaging both.",
                List.of(
                    new ToolCall("toolu_01", "triage", "{\"application\":\"grafana\"}"),
                    new ToolCall("toolu_02", "triage", "{\"application\":\"loki\"}"))),
            new ModelMessage.ToolResult("toolu_01", "triage", "succeeded: OOMKilled"),
            new ModelMessage.ToolResult("toolu_02", "triage", "succeeded: Healthy")),
        List.of(RequestTools.named("triage").orElseThrow().spec()),
        Duration.ofSeconds(5));
  }

  @Test
  void speaksTheMessagesApiWithToolUseAndGroupsToolResults() throws Exception {
    server.stubFor(
        post("/v1/messages")
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        """
                        {
                          "id": "msg_01Aq9w938a90dw8q",
                          "type": "message",
                          "role": "assistant",
                          "model": "claude-sonnet-4-5-20250929",
                          "content": [
                            { "type": "text", "text": "Checking that it recovered." },
                            { "type": "tool_use", "id": "toolu_01A09q90qw90lq917835lq9",
                              "name": "verify", "input": { "application": "grafana" } }
                          ],
                          "stop_reason": "tool_use",
                          "stop_sequence": null,
                          "usage": { "input_tokens": 2095, "output_tokens": 503,
                                     "cache_creation_input_tokens": 0, "cache_read_input_tokens": 0 }
                        }
                        """)));

    ModelReply reply = provider.complete(call());

    assertThat(reply.text()).isEqualTo("Checking that it recovered.");
    assertThat(reply.toolCalls())
        .containsExactly(
            new ToolCall(
                "toolu_01A09q90qw90lq917835lq9", "verify", "{\"application\":\"grafana\"}"));
    assertThat(reply.usage()).isEqualTo(new ModelReply.Usage(2095, 503));
    server.verify(
        postRequestedFor(urlEqualTo("/v1/messages"))
            .withHeader("x-api-key", equalTo(KEY))
            .withHeader("anthropic-version", equalTo("2023-06-01"))
            .withRequestBody(matchingJsonPath("$.system", equalTo("You are homelab-admin.")))
            .withRequestBody(
                matchingJsonPath("$.tools[0].input_schema.required[0]", equalTo("application")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[1].content[1]",
                    equalToJson(
                        "{\"type\":\"tool_use\",\"id\":\"toolu_01\",\"name\":\"triage\","
                            + "\"input\":{\"application\":\"grafana\"}}")))
            .withRequestBody(
                matchingJsonPath(
                    "$.messages[2].content",
                    equalToJson(
                        "[{\"type\":\"tool_result\",\"tool_use_id\":\"toolu_01\",\"content\":"
                            + "\"succeeded: OOMKilled\"},{\"type\":\"tool_result\",\"tool_use_id\":"
                            + "\"toolu_02\",\"content\":\"succeeded: Healthy\"}]"))));
    assertThat(provider).isInstanceOf(AnthropicMessages.class);
  }

  @Test
  void overloadRateLimitAndABadKeyAreTypedWithoutTheKey() {
    server.stubFor(
        post("/v1/messages")
            .inScenario("errors")
            .whenScenarioStateIs(com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(529)
                    .withBody(
                        "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":"
                            + "\"Overloaded\"},\"request_id\":\"req_011CSHoEeqs5C35K2UUqR7Fy\"}"))
            .willSetStateTo("limited"));
    server.stubFor(
        post("/v1/messages")
            .inScenario("errors")
            .whenScenarioStateIs("limited")
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("retry-after", "17")
                    .withBody(
                        "{\"type\":\"error\",\"error\":{\"type\":\"rate_limit_error\",\"message\":"
                            + "\"This request would exceed the rate limit for your organization of"
                            + " 50 requests per minute.\"}}"))
            .willSetStateTo("bad key"));
    server.stubFor(
        post("/v1/messages")
            .inScenario("errors")
            .whenScenarioStateIs("bad key")
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"type\":\"error\",\"error\":{\"type\":\"authentication_error\","
                            + "\"message\":\"invalid x-api-key "
                            + KEY
                            + "\"}}")));

    ModelFailure overloaded =
        catchThrowableOfType(ModelFailure.class, () -> provider.complete(call()));
    ModelFailure limited =
        catchThrowableOfType(ModelFailure.class, () -> provider.complete(call()));
    ModelFailure auth = catchThrowableOfType(ModelFailure.class, () -> provider.complete(call()));

    assertThat(overloaded.kind()).isEqualTo(ModelFailure.Kind.OVERLOADED);
    assertThat(overloaded.getMessage()).isEqualTo("overloaded (HTTP 529): Overloaded");
    assertThat(limited.kind()).isEqualTo(ModelFailure.Kind.RATE_LIMITED);
    assertThat(limited.retryAfter()).contains(Duration.ofSeconds(17));
    assertThat(auth.kind()).isEqualTo(ModelFailure.Kind.AUTH);
    assertThat(auth.getMessage())
        .isEqualTo(
            "authentication failed (HTTP 401): invalid x-api-key *** - check ANTHROPIC_API_KEY");
  }

  @Test
  void aRefusalStopIsARefusal() {
    server.stubFor(
        post("/v1/messages")
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"id\":\"msg_02\",\"type\":\"message\",\"role\":\"assistant\",\"model\":"
                            + "\"claude-sonnet-4-5-20250929\",\"content\":[],\"stop_reason\":"
                            + "\"refusal\",\"usage\":{\"input_tokens\":812,\"output_tokens\":0}}")));

    ModelFailure f = catchThrowableOfType(ModelFailure.class, () -> provider.complete(call()));

    assertThat(f.kind()).isEqualTo(ModelFailure.Kind.REFUSED);
    assertThat(f.fallsThrough()).isFalse();
  }

  @Test
  void theProbeListsModelsWithTheKey() throws Exception {
    server.stubFor(
        get(urlPathEqualTo("/v1/models"))
            .withHeader("x-api-key", equalTo(KEY))
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"data\":[{\"type\":\"model\",\"id\":\"claude-sonnet-4-5\",\"display_name\":"
                            + "\"Claude Sonnet 4.5\",\"created_at\":\"2025-09-29T00:00:00Z\"}],"
                            + "\"has_more\":false,\"first_id\":\"claude-sonnet-4-5\",\"last_id\":"
                            + "\"claude-sonnet-4-5\"}")));

    assertThat(provider.probe(List.of("claude-sonnet-4-5")))
        .isEqualTo(new ModelProvider.Probe(true, "HTTP 200, 1 models listed"));
  }
}
