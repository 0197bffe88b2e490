package dev.gitopscrew.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew ask} with free text planned by a model (OpenRouter primary, Gemini fallback, both
 * chat-completions doubles): tool calls run as typed requests through the permission chain and the
 * session limits, fallbacks, every model failing, and no key anywhere.
 */
class ModelAskTest {

  static final String OPENROUTER_KEY =
      "sk-or-v1-5f0d3c2b9a8e7f6d5c4b3a29180716253443526170819ab7c6d5e4f3a2b1c0d9e";
  static final String GEMINI_KEY = "AIzaSyD4x7Qm9Lk2Wv8Rt5Np3Hs6Jc1Fb0Ge7Ua";
  static final String PRIMARY_PATH = "/openrouter/api/v1/chat/completions";
  static final String FALLBACK_PATH = "/gemini/v1beta/openai/chat/completions";
  static final String BUMP = "bump whoami to v1.10.4 in demo and open a PR";
  static final String EDIT_ARGS =
      "{\"repository\":\"demo\",\"object\":\"deployment/whoami\",\"set\":\"image\","
          + "\"value\":\"whoami=traefik/whoami:v1.10.4\"}";

  @TempDir Path dir;
  WireMockServer server;
  final List<String> logs = new ArrayList<>();
  final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord r) {
          logs.add(new SimpleFormatter().formatMessage(r) + " " + r.getThrown());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void start() {
    server = new WireMockServer(wireMockConfig().dynamicPort());
    server.start();
    Logger.getLogger("").addHandler(capture);
  }

  @AfterEach
  void stop() {
    Logger.getLogger("").removeHandler(capture);
    server.stop();
  }

  Path config(String agents, int retryBudgetSeconds) throws IOException {
    Path file = dir.resolve("crew.json");
    Files.writeString(
        file,
        """
        {
          "agents": {
            "defaults": { "model": { "primary": "openrouter/stepfun/step-3.5-flash:free",
                                     "fallbacks": ["google/gemini-2.5-pro"] } },
            "list": [ %s ]
          },
          "models": {
            "retryBudgetSeconds": %d,
            "providers": {
              "openrouter": { "baseUrl": "%s/openrouter/api/v1",
                              "models": [{ "id": "stepfun/step-3.5-flash:free", "name": "Step 3.5 Flash" }] },
              "google": { "baseUrl": "%s/gemini/v1beta/openai" }
            }
          }
        }
        """
            .formatted(agents, retryBudgetSeconds, server.baseUrl(), server.baseUrl()));
    return file;
  }

  CliRun crew(Path config, String... args) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 4);
    all[args.length] = "--state-dir";
    all[args.length + 1] = dir.resolve("state").toString();
    all[args.length + 2] = "--config";
    all[args.length + 3] = config.toString();
    return CliRun.of(
        Map.of("OPENROUTER_API_KEY", OPENROUTER_KEY, "GEMINI_API_KEY", GEMINI_KEY), all);
  }

  /** The provider at {@code path} proposes {@code function} first, then answers {@code text}. */
  void plans(String path, String function, String args, String text) {
    server.stubFor(
        post(path)
            .withRequestBody(notContaining("tool_call_id"))
            .willReturn(
                aResponse()
                    .withHeader("Content-Type", "application/json")
                    .withBody(toolCall("call_9b2e7d", function, args))));
    server.stubFor(
        post(path)
            .withRequestBody(containing("tool_call_id"))
            .willReturn(aResponse().withBody(text(text))));
  }

  void answers(String path, String text) {
    server.stubFor(post(path).willReturn(aResponse().withBody(text(text))));
  }

  List<LoggedRequest> requests(String path) {
    return server.findAll(postRequestedFor(urlEqualTo(path)));
  }

  @Test
  void aToolCallRunsAsATypedRequestThroughTheChainAndTheModelIsRecorded() throws Exception {
    Path config = config("", 90);
    plans(PRIMARY_PATH, "edit", EDIT_ARGS, "Opened the change for whoami v1.10.4.");

    CliRun run = crew(config, "ask", BUMP);

    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .contains(
            "Model: openrouter/stepfun/step-3.5-flash:free (planned by homelab-admin, 3875 tokens"
                + " in, 99 out)")
        .containsPattern("(?m)^#1 homelab-admin \\[succeeded\\] " + BUMP)
        .containsPattern(
            "(?m)^  #2 software-engineer \\[succeeded\\] edit demo deployment/whoami: image of"
                + " whoami to traefik/whoami:v1.10.4")
        .contains("Opened the change for whoami v1.10.4.")
        .contains("- edit → edit demo deployment/whoami")
        .containsPattern(
            "(?m)^  #2 software-engineer forge.pr.create .* ok -> local://demo/pulls/2$");
    List<LoggedRequest> sent = requests(PRIMARY_PATH);
    assertThat(sent).hasSize(2);
    assertThat(sent.get(0).getBodyAsString())
        .contains("\"name\":\"edit\"")
        .contains("\"name\":\"triage\"")
        .contains("## Skill homelab-admin")
        .contains(BUMP);
    assertThat(sent.get(1).getBodyAsString())
        .contains("\"tool_call_id\":\"call_9b2e7d\"")
        .contains("succeeded (edit demo deployment/whoami");
    assertThat(crew(config, "sessions", "show", "2").out())
        .startsWith("Model: openrouter/stepfun/step-3.5-flash:free (planned by homelab-admin");
    CliRun show = crew(config, "sessions", "show", "1", "--json");
    assertThat(show.out())
        .contains("\"model\" : \"openrouter/stepfun/step-3.5-flash:free\"")
        .contains("\"promptTokens\" : 3875")
        .contains("\"function\" : \"edit\"")
        .contains("\"state\" : \"succeeded\"");
  }

  @Test
  void aToolOutsideTheAgentsToolsIsRefusedAndReportedBackToTheModel() throws Exception {
    Path config =
        config(
            "{ \"id\": \"homelab-admin\", \"skills\": [\"homelab-admin\"] },"
                + " { \"id\": \"software-engineer\", \"skills\": [] }",
            90);
    plans(PRIMARY_PATH, "edit", EDIT_ARGS, "I may not change manifests here.");

    CliRun run = crew(config, "ask", BUMP);

    assertThat(run.status()).as(run.all()).isZero();
    List<LoggedRequest> sent = requests(PRIMARY_PATH);
    assertThat(sent.get(0).getBodyAsString())
        .doesNotContain("\"name\":\"edit\"")
        .contains("\"name\":\"release_plan\"");
    // refused before it runs, naming the missing link in the words every other door uses
    String link = "agent software-engineer has no skill granting git.change (its skills: )";
    assertThat(sent.get(1).getBodyAsString())
        .contains("refused (edit demo deployment/whoami")
        .contains(link + "; nothing was done");
    assertThat(run.out()).contains("- edit → edit demo deployment/whoami").contains(link);
    assertThat(run.out()).doesNotContain("#2 ");
    CliRun typed =
        crew(
            config,
            "edit",
            "--repo",
            "demo",
            "deployment/whoami",
            "--image",
            "whoami=traefik/whoami:v1.10.4");
    assertThat(typed.err()).contains("refused: " + link);
    assertThat(crew(config, "forge", "list").out()).contains("Pull requests: (none)");
  }

  @Test
  void argumentsThatMakeNoValidRequestAreRefusedAndReportedBack() throws Exception {
    Path config = config("", 90);
    plans(
        PRIMARY_PATH,
        "scale",
        "{\"workload\":\"deployment/web\",\"namespace\":\"apps\",\"replicas\":\"two\"}",
        "The replica count must be a number.");

    CliRun run = crew(config, "ask", "please run two replicas of web");

    assertThat(run.status()).as(run.all()).isZero();
    assertThat(requests(PRIMARY_PATH).get(1).getBodyAsString())
        .contains("refused: replicas must be a number, got two; nothing was done");
    assertThat(run.out()).doesNotContain("#2 ");
  }

  @Test
  void aStepThatNeedsApprovalBecomesItsOwnRequestWaitingForAPerson() throws Exception {
    Path config = config("", 90);
    CliRun edit = crew(config, "edit", "--repo", "demo", "deployment/whoami", "--replicas", "2");
    assertThat(edit.status()).as(edit.all()).isZero();
    CliRun merge = crew(config, "forge", "merge", "2");
    assertThat(merge.status()).as(merge.all()).isZero();
    plans(
        PRIMARY_PATH,
        "release_cut",
        "{\"repository\":\"demo\"}",
        "The release waits for your approval.");

    CliRun run = crew(config, "ask", "cut the next demo release");

    assertThat(run.status()).as(run.all()).isZero();
    assertThat(requests(PRIMARY_PATH).get(1).getBodyAsString())
        .contains("awaiting_approval (release cut demo by homelab-admin)")
        .containsPattern("submitted as request #[0-9]+; approval [a-z0-9]+ waits for a person");
    System.out.println(
        requests(PRIMARY_PATH).get(1).getBodyAsString().replaceAll(".*\"role\":\"tool\"", ""));
    System.out.println(crew(config, "sessions", "list").out());
    CliRun pending = crew(config, "approve");
    assertThat(pending.out()).as(pending.all()).contains("release cut demo");
    try (var repo =
        new org.eclipse.jgit.storage.file.FileRepositoryBuilder()
            .setGitDir(dir.resolve("state/repositories/demo.git").toFile())
            .setBare()
            .build()) {
      assertThat(repo.getRefDatabase().getRefsByPrefix("refs/tags/"))
          .as("nothing cut yet")
          .isEmpty();
    }
  }

  @Test
  void aRateLimitedPrimaryFallsBackAndAskShowsWhichModelAnswered() throws Exception {
    Path config = config("", 90);
    server.stubFor(
        post(PRIMARY_PATH)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "30")
                    .withBody(
                        "{\"error\":{\"message\":\"Rate limit exceeded: free-models-per-min.\",\"code\":429}}")));
    answers(FALLBACK_PATH, "grafana is Degraded because its pod is OOMKilled.");

    CliRun run = crew(config, "ask", "why is grafana degraded?");

    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .contains(
            "Model: google/gemini-2.5-pro (planned by homelab-admin, 2011 tokens in, 58 out, after 1 failed attempt(s))")
        .contains("grafana is Degraded because its pod is OOMKilled.");
    assertThat(requests(PRIMARY_PATH)).hasSize(1);
  }

  @Test
  void everyModelFailingIsAClearMessageAndStructuredCommandsStillWork() throws Exception {
    Path config = config("", 0);
    server.stubFor(
        post(PRIMARY_PATH)
            .willReturn(
                aResponse()
                    .withStatus(503)
                    .withBody("{\"error\":{\"message\":\"Service Unavailable\",\"code\":503}}")));
    server.stubFor(
        post(FALLBACK_PATH)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withBody(
                        "[{\"error\":{\"code\":500,\"message\":\"An internal error has occurred.\",\"status\":\"INTERNAL\"}}]")));

    CliRun run = crew(config, "ask", "why is grafana degraded?");

    assertThat(run.status()).as(run.all()).isEqualTo(1);
    assertThat(run.out())
        .contains(
            "no model answered; openrouter/stepfun/step-3.5-flash:free: overloaded (HTTP 503):"
                + " Service Unavailable; google/gemini-2.5-pro: server error (HTTP 500): An internal"
                + " error has occurred.")
        .contains("Structured requests still work without a model");

    CliRun edit =
        crew(config, "edit", "--repo", "demo", "deployment/whoami", "--replicas", "2", "--dry-run");
    assertThat(edit.status()).as(edit.all()).isZero();
    assertThat(edit.out()).contains("+  replicas: 2");
  }

  @Test
  void noKeyReachesTheOutputLogsSessionRecordsAuditOrTheStore() throws Exception {
    Path config = config("", 90);
    server.stubFor(
        post(PRIMARY_PATH)
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withBody(
                        "{\"error\":{\"message\":\"Invalid API key "
                            + OPENROUTER_KEY
                            + "\",\"code\":401}}")));
    plans(FALLBACK_PATH, "edit", EDIT_ARGS, "Done; your key " + GEMINI_KEY + " works.");

    CliRun run = crew(config, "ask", BUMP);
    CliRun show = crew(config, "sessions", "show", "1", "--json");
    CliRun audit = crew(config, "audit", "--json");

    assertThat(run.status()).as(run.all()).isZero();
    assertThat(run.out())
        .contains("after 1 failed attempt(s)")
        .contains("Done; your key *** works.");
    assertThat(show.out()).contains("Invalid API key *** - check OPENROUTER_API_KEY");
    assertThat(logs).anyMatch(l -> l.contains("authentication failed"));
    String everything = run.all() + show.all() + audit.all() + String.join("\n", logs);
    assertThat(everything).doesNotContain(OPENROUTER_KEY).doesNotContain(GEMINI_KEY);
    assertThat(audit.out()).contains("forge.pr.create");
    try (Stream<Path> files = Files.walk(dir.resolve("state"))) {
      List<Path> stored = files.filter(Files::isRegularFile).toList();
      String bytes = "";
      for (Path f : stored) {
        bytes += new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
      }
      assertThat(bytes)
          .as("the store holds the request text, so it would hold a key too")
          .contains("whoami to v1.10.4 in demo");
      assertThat(bytes).doesNotContain(OPENROUTER_KEY).doesNotContain(GEMINI_KEY);
    }
  }

  @Test
  void doctorProbesEachProviderWithItsKeyWithoutSpendingTokens() throws Exception {
    Path config = config("", 90);
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/openrouter/api/v1/models")
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + OPENROUTER_KEY))
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"data\":[{\"id\":\"stepfun/step-3.5-flash:free\",\"name\":\"StepFun:"
                            + " Step 3.5 Flash (free)\",\"context_length\":262144}]}")));
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/openrouter/api/v1/key")
            .withHeader(
                "Authorization",
                com.github.tomakehurst.wiremock.client.WireMock.equalTo("Bearer " + OPENROUTER_KEY))
            .willReturn(
                aResponse()
                    .withBody(
                        "{\"data\":{\"label\":\"sk-or-v1-5f0...d9e\",\"usage\":0.0,\"limit\":null,"
                            + "\"is_free_tier\":true,\"rate_limit\":{\"requests\":20,\"interval\":\"10s\"}}}")));
    server.stubFor(
        com.github.tomakehurst.wiremock.client.WireMock.get("/gemini/v1beta/openai/models")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withBody(
                        "[{\"error\":{\"code\":400,\"message\":\"API key not valid. Please pass a"
                            + " valid API key.\",\"status\":\"INVALID_ARGUMENT\"}}]")));

    CliRun run = crew(config, "doctor");

    assertThat(run.status()).as(run.all()).isEqualTo(1);
    assertThat(run.out())
        .contains("model provider openrouter: ok")
        .contains("HTTP 200, 1 models listed")
        .contains("model provider google: BROKEN")
        .contains("API key not valid")
        .contains("GEMINI_API_KEY");
    assertThat(run.all()).doesNotContain(OPENROUTER_KEY).doesNotContain(GEMINI_KEY);
    assertThat(
            server.findAll(
                postRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())))
        .isEmpty();
  }

  static String toolCall(String id, String function, String args) {
    return """
        {
          "id": "gen-1733212345-Xb9kQ2mZr8T4vLpW7nYc",
          "provider": "StepFun",
          "model": "stepfun/step-3.5-flash:free",
          "object": "chat.completion",
          "created": 1733212345,
          "choices": [ {
            "logprobs": null,
            "finish_reason": "tool_calls",
            "native_finish_reason": "tool_calls",
            "index": 0,
            "message": { "role": "assistant", "content": "", "refusal": null, "reasoning": null,
              "tool_calls": [ { "id": "%s", "index": 0, "type": "function",
                "function": { "name": "%s", "arguments": %s } } ] }
          } ],
          "usage": { "prompt_tokens": 1864, "completion_tokens": 41, "total_tokens": 1905 }
        }
        """
        .formatted(id, function, quote(args));
  }

  static String text(String content) {
    return """
        {
          "id": "chatcmpl-B9MHDbslfCsjHGkSEZcsrBY5Zl0xT",
          "object": "chat.completion",
          "created": 1733212399,
          "model": "gemini-2.5-pro",
          "choices": [ { "index": 0, "message": { "role": "assistant", "content": %s, "refusal": null },
            "logprobs": null, "finish_reason": "stop" } ],
          "usage": { "prompt_tokens": 2011, "completion_tokens": 58, "total_tokens": 2069 }
        }
        """
        .formatted(quote(content));
  }

  static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
