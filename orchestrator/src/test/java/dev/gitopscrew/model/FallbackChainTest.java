package dev.gitopscrew.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.config.ConfigLoader;
import dev.gitopscrew.effect.Redactor;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.testing.MovingClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fallbacks across two providers (OpenRouter primary, Gemini fallback, both doubles): what moves on
 * to the next model, what does not, cool-downs that end, and the retry budget.
 */
class FallbackChainTest {

  static final String PRIMARY = "openrouter/stepfun/step-3.5-flash:free";
  static final String FALLBACK = "google/gemini-2.5-pro";
  static final String PRIMARY_PATH = "/openrouter/api/v1/chat/completions";
  static final String FALLBACK_PATH = "/gemini/v1beta/openai/chat/completions";

  @TempDir Path dir;
  WireMockServer server;

  /** A clock tests move; the chain's sleeps move it too. */
  MovingClock clock = new MovingClock("2026-12-03T08:00:00Z");

  List<Duration> slept = new ArrayList<>();
  Cooldowns cooldowns = new Cooldowns(clock);
  ModelProviders providers;

  @BeforeEach
  void start() throws Exception {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    Path config = dir.resolve("crew.json");
    Files.writeString(
        config,
        """
        {
          "agents": { "defaults": { "model": { "primary": "%s", "fallbacks": ["%s"] } } },
          "models": { "providers": {
            "openrouter": { "baseUrl": "%s/openrouter/api/v1" },
            "google": { "baseUrl": "%s/gemini/v1beta/openai" }
          } }
        }
        """
            .formatted(PRIMARY, FALLBACK, server.baseUrl(), server.baseUrl()));
    Map<String, String> env =
        Map.of(
            "OPENROUTER_API_KEY", Completions.OPENROUTER_KEY,
            "GEMINI_API_KEY", Completions.GEMINI_KEY);
    providers =
        new ModelProviders(
            new ConfigLoader(env).load(Optional.of(config)).config(),
            env,
            dev.gitopscrew.model.openai.OpenAiChatCompletions.factory(clock));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  FallbackChain chain(Duration timeout) {
    return new FallbackChain(
        providers,
        cooldowns,
        clock,
        pause -> {
          slept.add(pause);
          clock.advance(pause);
        },
        timeout,
        Redactor.of(List.of(Completions.OPENROUTER_KEY, Completions.GEMINI_KEY)));
  }

  FallbackChain.Answered complete(Duration budget) throws Exception {
    return chain(Duration.ofSeconds(5))
        .complete(
            providers.refsFor(KnownAgent.HOMELAB_ADMIN),
            new ModelCall(
                "",
                List.of(new ModelMessage.User("why is grafana degraded?")),
                List.of(),
                Duration.ZERO),
            new FallbackChain.Budget(clock, budget));
  }

  void primary(int status, String retryAfter, String body) {
    var response = aResponse().withStatus(status).withBody(body);
    if (retryAfter != null) {
      response.withHeader("Retry-After", retryAfter);
    }
    server.stubFor(post(PRIMARY_PATH).willReturn(response));
  }

  /** The primary's first call is OpenRouter's 429 with Retry-After; every later one answers. */
  void primaryRateLimitedOnceThenAnswers(String retryAfter, String text) {
    server.stubFor(
        post(PRIMARY_PATH)
            .inScenario("primary")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", retryAfter)
                    .withBody(Completions.OPENROUTER_429))
            .willSetStateTo("recovered"));
    server.stubFor(
        post(PRIMARY_PATH)
            .inScenario("primary")
            .whenScenarioStateIs("recovered")
            .willReturn(
                aResponse().withBody(Completions.text("stepfun/step-3.5-flash:free", text))));
  }

  void fallbackAnswers() {
    server.stubFor(
        post(FALLBACK_PATH)
            .willReturn(
                aResponse()
                    .withBody(
                        Completions.text(
                            "gemini-2.5-pro", "grafana is Degraded: its pod is OOMKilled."))));
  }

  int calls(String path) {
    return server.findAll(postRequestedFor(urlEqualTo(path))).size();
  }

  @Test
  void aRateLimitedPrimaryFallsThroughToTheFallbackWhichAnswers() throws Exception {
    primary(429, "30", Completions.OPENROUTER_429);
    fallbackAnswers();

    FallbackChain.Answered a = complete(Duration.ofSeconds(90));

    assertThat(a.model()).isEqualTo(FALLBACK);
    assertThat(a.reply().text()).contains("OOMKilled");
    assertThat(a.attempts())
        .singleElement()
        .satisfies(t -> assertThat(t.outcome()).startsWith("rate limited (HTTP 429)"));
    assertThat(calls(PRIMARY_PATH)).isEqualTo(1);
    assertThat(slept).isEmpty();
  }

  @Test
  void theModelIdKeepsItsSlashAndColonAndTheFallbackGetsItsOwnKey() throws Exception {
    primary(500, null, "{\"error\":{\"message\":\"Internal Server Error\",\"code\":500}}");
    fallbackAnswers();

    complete(Duration.ofSeconds(90));

    server.verify(
        postRequestedFor(urlEqualTo(PRIMARY_PATH))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                    "$.model",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        "stepfun/step-3.5-flash:free"))));
    server.verify(
        postRequestedFor(urlEqualTo(FALLBACK_PATH))
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                    "Bearer " + Completions.GEMINI_KEY))
            .withRequestBody(
                com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath(
                    "$.model",
                    com.github.tomakehurst.wiremock.client.WireMock.equalTo("gemini-2.5-pro"))));
  }

  @Test
  void aPrimaryThatTimesOutFallsThrough() throws Exception {
    server.stubFor(
        post(PRIMARY_PATH)
            .willReturn(aResponse().withFixedDelay(3_000).withBody(Completions.text("x", "late"))));
    fallbackAnswers();

    FallbackChain.Answered a =
        chain(Duration.ofMillis(300))
            .complete(
                List.of(PRIMARY, FALLBACK),
                new ModelCall("", List.of(new ModelMessage.User("hi")), List.of(), Duration.ZERO),
                new FallbackChain.Budget(clock, Duration.ofSeconds(90)));

    assertThat(a.model()).isEqualTo(FALLBACK);
    assertThat(a.attempts().get(0).outcome()).startsWith("timed out");
  }

  @Test
  void theResting_primaryIsSkippedThenTriedAgainAfterItsCoolDown() throws Exception {
    primaryRateLimitedOnceThenAnswers("30", "back on the primary");
    fallbackAnswers();

    assertThat(complete(Duration.ofSeconds(90)).model()).isEqualTo(FALLBACK);
    clock.advance(java.time.Duration.ofSeconds(10));
    FallbackChain.Answered resting = complete(Duration.ofSeconds(90));
    assertThat(resting.model()).isEqualTo(FALLBACK);
    assertThat(resting.attempts()).as("a resting model is skipped, not a failure").isEmpty();
    assertThat(calls(PRIMARY_PATH)).isEqualTo(1);

    clock.advance(java.time.Duration.ofSeconds(21));
    FallbackChain.Answered back = complete(Duration.ofSeconds(90));

    assertThat(back.model()).isEqualTo(PRIMARY);
    assertThat(back.reply().text()).isEqualTo("back on the primary");
    assertThat(calls(PRIMARY_PATH)).isEqualTo(2);
  }

  @Test
  void whenEveryModelRestsTheChainWaitsForTheFirstWithinTheBudget() throws Exception {
    primaryRateLimitedOnceThenAnswers("2", "answered after waiting");
    server.stubFor(
        post(FALLBACK_PATH)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "20")
                    .withBody(
                        Completions.gemini(
                            429,
                            "RESOURCE_EXHAUSTED",
                            "Resource has been exhausted (e.g. check quota)."))));

    FallbackChain.Answered a = complete(Duration.ofSeconds(90));

    assertThat(a.model()).isEqualTo(PRIMARY);
    assertThat(slept).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void everyModelFailingGivesEachReasonAndStaysWithinTheBudget() throws Exception {
    primary(429, "120", Completions.OPENROUTER_429);
    server.stubFor(
        post(FALLBACK_PATH)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody(
                        Completions.gemini(500, "INTERNAL", "An internal error has occurred."))));

    FallbackChain.Exhausted e =
        catchThrowableOfType(FallbackChain.Exhausted.class, () -> complete(Duration.ofSeconds(45)));

    assertThat(e.getMessage())
        .startsWith("no model answered; " + PRIMARY + ": rate limited (HTTP 429)")
        .contains(FALLBACK + ": server error (HTTP 500): An internal error has occurred.");
    // the fallback rests 30 s, which fits the 45 s budget once: one wait, one more try, the end
    assertThat(slept).containsExactly(Duration.ofSeconds(30));
    assertThat(calls(FALLBACK_PATH)).isEqualTo(2);
    assertThat(calls(PRIMARY_PATH)).isEqualTo(1);
  }

  @Test
  void aRefusalEndsTheTurnWithoutTryingTheFallback() throws Exception {
    server.stubFor(post(PRIMARY_PATH).willReturn(aResponse().withBody(Completions.REFUSAL)));
    fallbackAnswers();

    FallbackChain.Exhausted e =
        catchThrowableOfType(FallbackChain.Exhausted.class, () -> complete(Duration.ofSeconds(90)));

    assertThat(e.last()).map(ModelFailure::kind).contains(ModelFailure.Kind.REFUSED);
    assertThat(calls(FALLBACK_PATH)).isZero();
  }

  @Test
  void aRejectedKeyRestsTheWholeProviderAndNeverShowsTheKey() throws Exception {
    server.stubFor(
        post(PRIMARY_PATH)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":{\"message\":\"Invalid key "
                            + Completions.OPENROUTER_KEY
                            + "\",\"code\":401}}")));
    server.stubFor(
        post(FALLBACK_PATH)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        Completions.gemini(
                            400,
                            "INVALID_ARGUMENT",
                            "API key not valid. Please pass a valid API key. "
                                + Completions.GEMINI_KEY))));

    FallbackChain.Exhausted e =
        catchThrowableOfType(FallbackChain.Exhausted.class, () -> complete(Duration.ofSeconds(0)));

    assertThat(e.getMessage())
        .contains("authentication failed (HTTP 401)")
        .contains("check OPENROUTER_API_KEY")
        .contains("check GEMINI_API_KEY")
        .doesNotContain(Completions.OPENROUTER_KEY)
        .doesNotContain(Completions.GEMINI_KEY);
    assertThat(cooldowns.restingUntil("openrouter/another-model")).isPresent();

    // the next turn, while both rest, still says why: not a bare "after a failure"
    FallbackChain.Exhausted resting =
        catchThrowableOfType(FallbackChain.Exhausted.class, () -> complete(Duration.ofSeconds(0)));
    assertThat(resting.getMessage())
        .contains("resting until")
        .contains("check OPENROUTER_API_KEY")
        .contains("check GEMINI_API_KEY")
        .doesNotContain(Completions.OPENROUTER_KEY)
        .doesNotContain(Completions.GEMINI_KEY);
  }

  @Test
  void aMissingKeyIsTypedWithoutCallingTheProvider() throws Exception {
    ModelProviders noKeys =
        new ModelProviders(
            new ConfigLoader(Map.of()).load(Optional.of(dir.resolve("crew.json"))).config(),
            Map.of(),
            dev.gitopscrew.model.openai.OpenAiChatCompletions.factory(clock));

    ModelFailure f = catchThrowableOfType(ModelFailure.class, () -> noKeys.resolve(PRIMARY));

    assertThat(f.kind()).isEqualTo(ModelFailure.Kind.NOT_CONFIGURED);
    assertThat(f.getMessage()).isEqualTo("not configured: OPENROUTER_API_KEY is not set");
  }
}
