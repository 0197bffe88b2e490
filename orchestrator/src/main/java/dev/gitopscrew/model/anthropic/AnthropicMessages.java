package dev.gitopscrew.model.anthropic;

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
import java.util.TreeSet;

/**
 * Anthropic's Messages API with tool use ({@code api: anthropic-messages}): {@code POST /messages}
 * with {@code x-api-key} and {@code anthropic-version}, {@code GET /models} to probe. Its error
 * types ({@code overloaded_error}, {@code rate_limit_error}…) and {@code Retry-After} are typed
 * like every other provider's; a {@code refusal} stop is a refusal.
 */
public final class AnthropicMessages implements ModelProvider {

  static final String VERSION = "2023-06-01";
  static final int MAX_TOKENS = 4096;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Endpoint endpoint;
  private final ProviderHttp wire;
  private final Clock clock;

  public AnthropicMessages(Endpoint endpoint, HttpClient http, Clock clock) {
    this.endpoint = endpoint;
    this.wire = new ProviderHttp(http, endpoint);
    this.clock = clock;
  }

  @Override
  public ModelReply complete(ModelCall call) throws ModelFailure, InterruptedException {
    HttpRequest request =
        headers(HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/messages")))
            .timeout(call.timeout())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body(call), StandardCharsets.UTF_8))
            .build();
    HttpResponse<String> response = wire.send(request);
    JsonNode json = parse(response);
    if (response.statusCode() / 100 != 2 || "error".equals(json.path("type").asText())) {
      throw failure(response, json);
    }
    return reply(json);
  }

  private static String body(ModelCall call) {
    ObjectNode body = JSON.createObjectNode();
    body.put("model", call.model()).put("max_tokens", MAX_TOKENS);
    StringBuilder system = new StringBuilder();
    ArrayNode messages = body.putArray("messages");
    for (ModelMessage m : call.messages()) {
      if (m instanceof ModelMessage.System s) {
        system.append(system.length() == 0 ? "" : "\n\n").append(s.text());
      } else if (m instanceof ModelMessage.User u) {
        messages.addObject().put("role", "user").put("content", u.text());
      } else if (m instanceof ModelMessage.Assistant a) {
        ArrayNode content = messages.addObject().put("role", "assistant").putArray("content");
        if (!a.text().isBlank()) {
          content.addObject().put("type", "text").put("text", a.text());
        }
        for (ToolCall c : a.toolCalls()) {
          content
              .addObject()
              .put("type", "tool_use")
              .put("id", c.id())
              .put("name", c.name())
              .set("input", input(c.arguments()));
        }
      } else if (m instanceof ModelMessage.ToolResult r) {
        // the results of one turn's calls go back together, in one user message
        JsonNode last = messages.isEmpty() ? null : messages.get(messages.size() - 1);
        ArrayNode content =
            last != null
                    && "user".equals(last.path("role").asText())
                    && last.path("content").isArray()
                ? (ArrayNode) last.path("content")
                : messages.addObject().put("role", "user").putArray("content");
        content
            .addObject()
            .put("type", "tool_result")
            .put("tool_use_id", r.callId())
            .put("content", r.text());
      }
    }
    if (system.length() > 0) {
      body.put("system", system.toString());
    }
    if (!call.tools().isEmpty()) {
      ArrayNode tools = body.putArray("tools");
      for (ToolSpec t : call.tools()) {
        tools
            .addObject()
            .put("name", t.name())
            .put("description", t.description())
            .set("input_schema", t.parameters());
      }
    }
    return body.toString();
  }

  private static JsonNode input(String arguments) {
    try {
      JsonNode node = JSON.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
      return node.isObject() ? node : JSON.createObjectNode();
    } catch (IOException e) {
      return JSON.createObjectNode();
    }
  }

  private static ModelReply reply(JsonNode json) throws ModelFailure {
    String stop = json.path("stop_reason").asText("");
    StringBuilder text = new StringBuilder();
    List<ToolCall> calls = new ArrayList<>();
    for (JsonNode block : json.path("content")) {
      switch (block.path("type").asText()) {
        case "text" -> text.append(block.path("text").asText());
        case "tool_use" ->
            calls.add(
                new ToolCall(
                    block.path("id").asText(),
                    block.path("name").asText(),
                    block.path("input").isMissingNode() ? "{}" : block.path("input").toString()));
        default -> {}
      }
    }
    if (stop.equals("refusal")) {
      throw new ModelFailure(
          Kind.REFUSED, text.length() == 0 ? "the model declined to answer" : text.toString());
    }
    if (calls.isEmpty() && text.toString().isBlank()) {
      throw new ModelFailure(Kind.MALFORMED, "an empty answer (stop_reason " + stop + ")");
    }
    JsonNode usage = json.path("usage");
    return new ModelReply(
        text.toString(),
        calls,
        new ModelReply.Usage(
            usage.path("input_tokens").asLong(0), usage.path("output_tokens").asLong(0)),
        stop);
  }

  @Override
  public Probe probe(List<String> models) throws InterruptedException {
    HttpRequest request =
        headers(HttpRequest.newBuilder(URI.create(endpoint.baseUrl() + "/models?limit=1000")))
            .timeout(Duration.ofSeconds(10))
            .GET()
            .build();
    try {
      HttpResponse<String> response = wire.send(request);
      JsonNode json = parse(response);
      if (response.statusCode() / 100 != 2) {
        return new Probe(false, failure(response, json).getMessage());
      }
      TreeSet<String> listed = new TreeSet<>();
      json.path("data").forEach(m -> listed.add(m.path("id").asText()));
      List<String> missing = models.stream().filter(m -> !listed.contains(m)).toList();
      return new Probe(
          missing.isEmpty(),
          "HTTP "
              + response.statusCode()
              + ", "
              + listed.size()
              + " models listed"
              + (missing.isEmpty() ? "" : "; not listed: " + String.join(", ", missing)));
    } catch (ModelFailure e) {
      return new Probe(false, e.getMessage());
    }
  }

  private HttpRequest.Builder headers(HttpRequest.Builder builder) {
    endpoint.key().ifPresent(k -> builder.header("x-api-key", k.value()));
    return builder.header("anthropic-version", VERSION).header("Accept", "application/json");
  }

  private JsonNode parse(HttpResponse<String> response) throws ModelFailure {
    String body = response.body() == null ? "" : response.body();
    try {
      return body.isBlank() ? JSON.createObjectNode() : JSON.readTree(body);
    } catch (IOException e) {
      if (response.statusCode() / 100 != 2) {
        return JSON.createObjectNode().put("raw", body);
      }
      throw new ModelFailure(Kind.MALFORMED, "not JSON from " + wire.host());
    }
  }

  private ModelFailure failure(HttpResponse<String> response, JsonNode json) {
    int status = response.statusCode();
    JsonNode error = json.path("error");
    String type = error.path("type").asText("");
    String message = error.path("message").asText(json.path("raw").asText(""));
    Kind kind =
        switch (type) {
          case "authentication_error", "permission_error", "billing_error" -> Kind.AUTH;
          case "rate_limit_error" -> Kind.RATE_LIMITED;
          case "overloaded_error" -> Kind.OVERLOADED;
          case "api_error" -> Kind.SERVER;
          case "not_found_error" -> Kind.UNKNOWN_MODEL;
          case "timeout_error" -> Kind.TIMEOUT;
          default -> ModelFailure.kindOf(status / 100 == 2 ? 500 : status);
        };
    if (kind == Kind.AUTH) {
      message = (message.isBlank() ? "" : message + " - ") + "check " + endpoint.keyVariable();
    }
    return new ModelFailure(
        kind,
        status,
        wire.detail(message),
        ModelFailure.parseRetryAfter(response.headers().firstValue("Retry-After"), clock.instant())
            .orElse(null));
  }
}
