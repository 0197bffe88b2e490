package dev.gitopscrew.channel.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.gitopscrew.channel.ChatReply;
import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.retry.Retries;
import dev.gitopscrew.settings.UserAgents;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Notifications without the bot: a reply posted to a Discord webhook URL from the environment
 * ({@code DISCORD_WEBHOOK_ALERTS} is the {@code alerts} webhook, {@code DISCORD_WEBHOOK_DAILY} the
 * {@code daily} one...). A 429 is honoured: the post waits the {@code Retry-After} Discord names
 * and tries again ({@link Retries#chatPost}). The URL holds the webhook's token, so only the
 * webhook's name ever reaches a record, a log or an error.
 */
public final class PostWebhookNotification {

  public static final String PREFIX = "DISCORD_WEBHOOK_";
  static final int ATTEMPTS = Retries.CHAT_POST_ATTEMPTS;
  static final Duration MAX_WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How the post waits before trying again; tests record the waits instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  private final Map<String, URI> webhooks;
  private final Supplier<HttpClient> http;
  private final Sleeper sleeper;

  public PostWebhookNotification(Map<String, URI> webhooks, HttpClient http, Sleeper sleeper) {
    this(webhooks, () -> http, sleeper);
  }

  private PostWebhookNotification(
      Map<String, URI> webhooks, Supplier<HttpClient> http, Sleeper sleeper) {
    this.webhooks = Map.copyOf(webhooks);
    this.http = http;
    this.sleeper = sleeper;
  }

  /** The process' client, built by the first post: its TLS set-up cost every start 70 ms. */
  private static final class SharedClient {
    static final HttpClient INSTANCE =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** The webhooks the environment names, by lower-case name ({@code alerts}, {@code daily}...). */
  public static Map<String, URI> fromEnvironment(Map<String, String> env) {
    Map<String, URI> found = new TreeMap<>();
    env.forEach(
        (name, value) -> {
          if (name.startsWith(PREFIX) && value != null && value.startsWith("http")) {
            found.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT), URI.create(value));
          }
        });
    return found;
  }

  public static PostWebhookNotification of(Map<String, String> env) {
    return new PostWebhookNotification(
        fromEnvironment(env), () -> SharedClient.INSTANCE, d -> Thread.sleep(d.toMillis()));
  }

  public boolean has(String webhook) {
    return webhooks.containsKey(webhook);
  }

  /**
   * Posts {@code reply} to the named webhook through the side-effects door; returns the message id
   * Discord gave it.
   */
  public String post(String webhook, ChatReply reply, SideEffects effects) {
    URI uri = webhooks.get(webhook);
    if (uri == null) {
      throw new IllegalArgumentException(
          "no webhook '" + webhook + "': set " + PREFIX + webhook.toUpperCase(Locale.ROOT));
    }
    return effects.perform(
        EffectKind.CHAT_POST,
        "discord webhook " + webhook,
        () -> send(webhook, uri, reply),
        id -> "message " + id);
  }

  private String send(String webhook, URI uri, ChatReply reply)
      throws IOException, InterruptedException {
    URI target = URI.create(uri + (uri.getQuery() == null ? "?wait=true" : "&wait=true"));
    HttpResponse<String> response;
    try {
      response =
          Failsafe.with(Retries.chatPost())
              .get(
                  attempt -> {
                    if (attempt.getAttemptCount() > 0) {
                      // the wait Discord named in the answer that is tried again
                      sleeper.sleep(retryAfter(attempt.getLastResult(), attempt.getAttemptCount()));
                    }
                    return http.get()
                        .send(request(target, reply), HttpResponse.BodyHandlers.ofString());
                  });
    } catch (FailsafeException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof InterruptedException interrupted) {
        // Failsafe set the interrupt flag again; thrown, the interrupt is the caller's as before
        Thread.interrupted();
        throw interrupted;
      }
      throw e;
    }
    int status = response.statusCode();
    if (status / 100 == 2) {
      return messageId(response.body());
    }
    throw new IOException(
        "Discord webhook "
            + webhook
            + " answered "
            + status
            + (status == 404 || status == 401
                ? ": the webhook was deleted or its URL is wrong; set "
                    + PREFIX
                    + webhook.toUpperCase(Locale.ROOT)
                    + " again"
                : status == 429 ? ": still rate limited after " + ATTEMPTS + " attempts" : ""));
  }

  /** Discord's {@code Retry-After} header (seconds, may have a fraction), else the body's. */
  static Duration retryAfter(HttpResponse<String> response, int attempt) {
    Optional<String> header = response.headers().firstValue("Retry-After");
    Double seconds = null;
    try {
      if (header.isPresent()) {
        seconds = Double.parseDouble(header.get().strip());
      } else if (response.body() != null && response.body().contains("retry_after")) {
        seconds = JSON.readTree(response.body()).path("retry_after").asDouble();
      }
    } catch (NumberFormatException | IOException e) {
      seconds = null;
    }
    Duration wait =
        seconds == null
            ? Duration.ofSeconds(1L << Math.min(attempt, 5))
            : Duration.ofMillis((long) Math.ceil(seconds * 1000));
    return wait.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : wait;
  }

  private static HttpRequest request(URI target, ChatReply reply) {
    String payload = payload(reply).toString();
    HttpRequest.Builder b =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofSeconds(30))
            .header("User-Agent", UserAgents.DISCORD);
    if (reply.attachment() == null) {
      return b.header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8))
          .build();
    }
    String boundary = "crew" + Long.toHexString(System.nanoTime());
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"payload_json\"\r\n"
            + "Content-Type: application/json\r\n\r\n"
            + payload
            + "\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"files[0]\"; filename=\""
            + reply.attachment().name()
            + "\"\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
            + reply.attachment().content()
            + "\r\n--"
            + boundary
            + "--\r\n";
    return b.header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  static ObjectNode payload(ChatReply reply) {
    ObjectNode root = JSON.createObjectNode();
    if (!reply.text().isEmpty()) {
      root.put("content", reply.text());
    }
    root.putObject("allowed_mentions").putArray("parse");
    if (reply.embed() != null) {
      ObjectNode embed = root.putArray("embeds").addObject();
      embed.put("title", reply.embed().title());
      embed.put("description", reply.embed().description());
      embed.put("color", reply.embed().colour());
      ArrayNode fields = embed.putArray("fields");
      reply
          .embed()
          .fields()
          .forEach(f -> fields.addObject().put("name", f.name()).put("value", f.value()));
    }
    return root;
  }

  private static String messageId(String body) throws IOException {
    if (body == null || body.isBlank()) {
      return "(none)";
    }
    return JSON.readTree(body).path("id").asText("(none)");
  }
}
