package dev.gitopscrew.model.openai;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.model.Endpoint;
import dev.gitopscrew.model.ModelCall;
import dev.gitopscrew.model.ModelFailure;
import dev.gitopscrew.model.ModelFailure.Kind;
import dev.gitopscrew.model.ModelMessage;
import dev.gitopscrew.model.ModelProvider;
import dev.gitopscrew.model.ModelReply;
import dev.gitopscrew.model.ProviderHttp;
import dev.gitopscrew.model.ToolCall;
import dev.gitopscrew.model.ToolSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The OpenAI chat-completions API with tool calling, as OpenAI, OpenRouter, Gemini's OpenAI
 * endpoint, Ollama's {@code /v1} and vLLM serve it: {@code POST /chat/completions}, and {@code GET
 * /models} to probe. Errors are typed from the status, the body's {@code error} (OpenRouter also
 * sends one with HTTP 200) and {@code Retry-After}; the key never appears in a message.
 */
public final class OpenAiChatCompletions implements ModelProvider {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Endpoint endpoint;
  private final ProviderHttp wire;
  private final Clock clock;

  public OpenAiChatCompletions(Endpoint endpoint, HttpClient http, Clock clock) {
    this.endpoint = endpoint;
    this.wire = new ProviderHttp(http, endpoint);
    this.clock = clock;
  }

  /** Adapters for endpoints, sharing one HTTP client. */
  public static java.util.function.Function<Endpoint, ModelProvider> factory(Clock clock) {
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    return endpoint -> new OpenAiChatCompletions(endpoint, http, clock);
  }

  @Override
  public ModelReply complete(ModelCall call) throws ModelFailure, InterruptedException {
    HttpRequest.Builder request =
        authorized(HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/chat/completions")))
            .timeout(call.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(call), StandardCharsets.UTF_8));
    HttpResponse<String> response = send(request.build());
    JsonNode json = parse(response);
    if (response.statusCode() / 100 != 2) {
      throw failure(response, json);
    }
    JsonNode error = json.path("error");
    if (error.isObject()) {
      // OpenRouter reports some upstream errors with HTTP 200 and an error object
      int code = error.path("code").asInt(502);
      throw new ModelFailure(
          ModelFailure.kindOf(code), code, detail(error.path("message").asText("")), null);
    }
    return reply(json);
  }

  private String body(ModelCall call) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", call.model());
    ArrayNode messages = body.putArray("messages");
    for (ModelMessage m : call.messages()) {
      messages.add(message(m));
    }
    if (!call.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolSpec t : call.tools()) {
        ObjectNode fn = tools.addObject().put("type", "function").putObject("function");
        fn.put("name", t.name())
            .put("description", t.description())
            .set("parameters", t.parameters());
      }
      body.put("tool_choice", "auto");
    }
    body.put("stream", false);
    return body.toString();
  }

  private static ObjectNode message(ModelMessage m) {
    ObjectNode node = JSON.createObjectNode();
    if (m instanceof ModelMessage.System s) {
      node.put("role", "system").put("content", s.text());
    } else if (m instanceof ModelMessage.User u) {
      node.put("role", "user").put("content", u.text());
    } else if (m instanceof ModelMessage.Assistant a) {
      node.put("role", "assistant");
      if (a.text().isEmpty()) {
        node.putNull("content");
      } else {
        node.put("content", a.text());
      }
      if (!a.toolCalls().isEmpty()) {
        ArrayNode calls = node.putArray("tool_calls");
        for (ToolCall c : a.toolCalls()) {
          calls
              .addObject()
              .put("id", c.id())
              .put("type", "function")
              .putObject("function")
              .put("name", c.name())
              .put("arguments", c.arguments());
        }
      }
    } else if (m instanceof ModelMessage.ToolResult r) {
      node.put("role", "tool").put("tool_call_id", r.callId()).put("content", r.text());
    }
    return node;
  }

  private static ModelReply reply(JsonNode json) throws ModelFailure {
    JsonNode choice = json.path("choices").path(0);
    if (!choice.isObject()) {
      throw new ModelFailure(Kind.MALFORMED, "no choices in the answer");
    }
    JsonNode message = choice.path("message");
    String finish = choice.path("finish_reason").asText("");
    String refusal = message.path("refusal").asText("");
    if (!refusal.isBlank() || finish.equals("content_filter")) {
      throw new ModelFailure(
          Kind.REFUSED, refusal.isBlank() ? "stopped by the content filter" : refusal);
    }
    List<ToolCall> calls = new ArrayList<>();
    int n = 0;
    for (JsonNode call : message.path("tool_calls")) {
      JsonNode fn = call.path("function");
      if (!fn.path("name").isTextual()) {
        throw new ModelFailure(Kind.MALFORMED, "a tool call without a function name");
      }
      JsonNode args = fn.path("arguments");
      String id = call.path("id").asText("");
      calls.add(
          new ToolCall(
              id.isBlank() ? "call_" + n : id,
              fn.path("name").asText(),
              args.isTextual() ? args.asText() : args.isMissingNode() ? "{}" : args.toString()));
      n++;
    }
    String text = message.path("content").isTextual() ? message.path("content").asText() : "";
    if (calls.isEmpty() && text.isBlank()) {
      throw new ModelFailure(Kind.MALFORMED, "an empty answer (finish_reason " + finish + ")");
    }
    JsonNode usage = json.path("usage");
    return new ModelReply(
        text,
        calls,
        new ModelReply.Usage(
            usage.path("prompt_tokens").asLong(0), usage.path("completion_tokens").asLong(0)),
        finish);
  }

  @Override
  public Probe probe(List<String> models) throws InterruptedException {
    HttpRequest request =
        authorized(HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/models")))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    HttpResponse<String> response;
    JsonNode json;
    try {
      response = send(request);
      json = parse(response);
      if (response.statusCode() / 100 != 2) {
        return new Probe(false, failure(response, json).getMessage());
      }
    } catch (ModelFailure e) {
      return new Probe(false, e.getMessage());
    }
    if (isOpenRouter()) {
      // OpenRouter lists its models to anyone: its /key endpoint is what proves the key
      Probe key = probeKey();
      if (!key.ok()) {
        return key;
      }
    }
    TreeSet<String> listed = new TreeSet<>();
    json.path("data").forEach(m -> listed.add(m.path("id").asText()));
    // Gemini lists "models/gemini-2.5-pro"; the chat API takes "gemini-2.5-pro"
    List<String> missing =
        models.stream()
            .filter(m -> !listed.contains(m) && !listed.contains("models/" + m))
            .toList();
    String detail =
        "HTTP "
            + response.statusCode()
            + ", "
            + listed.size()
            + " models listed"
            + (missing.isEmpty() ? "" : "; not listed: " + String.join(", ", missing));
    return new Probe(missing.isEmpty() || listed.isEmpty(), detail);
  }

  private boolean isOpenRouter() {
    return endpoint.name().equals("openrouter") || endpoint.baseUrl().contains("openrouter.ai");
  }

  private Probe probeKey() throws InterruptedException {
    HttpRequest request =
        authorized(HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/key")))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      HttpResponse<String> response = send(request);
      if (response.statusCode() / 100 != 2) {
        return new Probe(false, "key: " + failure(response, parse(response)).getMessage());
      }
      return new Probe(true, "key accepted");
    } catch (ModelFailure e) {
      return new Probe(false, "key: " + e.getMessage());
    }
  }

  private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
    endpoint.key().ifPresent(k -> builder.header("Authorization", "Bearer " + k.value()));
    return builder.header("Accept", "application/json").header("X-Title", "GitOps Crew");
  }

  private HttpResponse<String> send(HttpRequest request) throws ModelFailure, InterruptedException {
    return wire.send(request);
  }

  private JsonNode parse(HttpResponse<String> response) throws ModelFailure {
    String body = response.body() == null ? "" : response.body();
    try {
      JsonNode json = body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
      // Gemini wraps its errors in an array
      return json.isArray() && json.size() > 0 ? json.get(0) : json;
    } catch (IOException e) {
      if (response.statusCode() / 100 != 2) {
        return JSON.createObjectNode().put("raw", body);
      }
      throw new ModelFailure(Kind.MALFORMED, "not JSON from " + host());
    }
  }

  private ModelFailure failure(HttpResponse<String> response, JsonNode json) {
    int status = response.statusCode();
    JsonNode error = json.path("error");
    String message =
        error.isObject()
            ? error.path("message").asText("")
            : error.isTextual() ? error.asText() : json.path("raw").asText("");
    Kind kind = ModelFailure.kindOf(status);
    String type = error.path("type").asText("") + " " + error.path("status").asText("");
    if (kind == Kind.BAD_REQUEST && type.contains("overloaded")) {
      kind = Kind.OVERLOADED;
    }
    if (kind == Kind.AUTH) {
      message = (message.isBlank() ? "" : message + " - ") + "check " + endpoint.keyVariable();
    }
    Optional<Duration> retry =
        ModelFailure.parseRetryAfter(response.headers().firstValue("Retry-After"), clock.instant());
    return new ModelFailure(kind, status, detail(message), retry.orElse(null));
  }

  private String detail(String text) {
    return wire.detail(text);
  }

  private String host() {
    return wire.host();
  }
}
