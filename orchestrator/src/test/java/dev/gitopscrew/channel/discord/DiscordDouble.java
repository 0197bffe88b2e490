package dev.gitopscrew.channel.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Discord on loopback, speaking enough of the real protocol for JDA itself to connect through
 * {@code channels.discord.apiBaseUrl}: REST ({@code GET /gateway/bot}, {@code GET /users/@me},
 * message create and edit, interaction callbacks, webhook follow-ups, guild command registration)
 * and the gateway WebSocket (HELLO, IDENTIFY, READY and GUILD_CREATE, heartbeats and their ACKs,
 * RESUME with replay and RESUMED, dispatch of MESSAGE_CREATE and INTERACTION_CREATE). It records
 * every REST call, can drop the connection as a network fault would, and can hold reconnects.
 */
final class DiscordDouble implements AutoCloseable {

  static final String BOT_ID = "1180000000000000001";
  static final String APP_ID = "1180000000000000001";
  static final String GUILD = "1100000000000000001";
  static final String GENERAL = "1200000000000000001";
  static final String ALERTS = "1200000000000000002";
  static final String RANDOM = "1200000000000000003";
  static final String OWNER = "1300000000000000001";

  private static final ObjectMapper JSON = new ObjectMapper();

  /** One REST call as the double received it. */
  record Call(
      String method,
      String path,
      String authorization,
      String contentType,
      String body,
      String response,
      String userAgent) {

    /** What the double answered (a message object for a create or an edit). */
    JsonNode answer() {
      try {
        return JSON.readTree(response == null || response.isEmpty() ? "{}" : response);
      } catch (IOException e) {
        throw new IllegalStateException(response, e);
      }
    }

    JsonNode json() {
      try {
        if (contentType != null && contentType.startsWith("multipart/")) {
          int start = body.indexOf('{');
          int end = body.lastIndexOf("}\r\n--");
          return JSON.readTree(body.substring(start, end + 1));
        }
        return JSON.readTree(body.isEmpty() ? "{}" : body);
      } catch (IOException e) {
        throw new IllegalStateException(body, e);
      }
    }
  }

  private final String token;
  private final HttpServer http;
  private final ServerSocket gateway;
  final List<Call> calls = new CopyOnWriteArrayList<>();
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  private final java.util.Map<String, String> byNonce =
      new java.util.concurrent.ConcurrentHashMap<>();
  private final List<String> history = new CopyOnWriteArrayList<>();
  private final AtomicReference<GatewaySocket> current = new AtomicReference<>();
  private final AtomicInteger sequence = new AtomicInteger();
  private final AtomicLong increment = new AtomicLong();
  private final AtomicInteger connections = new AtomicInteger();
  private volatile CountDownLatch hold = new CountDownLatch(0);
  private volatile boolean ackHeartbeats = true;
  // the guild's text channels, id and name, as its GUILD_CREATE lists them
  private volatile String[][] guildChannels = {
    {GENERAL, "general"}, {ALERTS, "alerts"}, {RANDOM, "random"}
  };
  private final int heartbeatMillis;
  private final String sessionId = "9f3c2a7d51b84e06a0c1d2e3f4a5b6c7";

  DiscordDouble(String token, int heartbeatMillis) throws IOException {
    this.token = token;
    this.heartbeatMillis = heartbeatMillis;
    InetAddress loopback = InetAddress.getLoopbackAddress();
    this.gateway = new ServerSocket(0, 50, loopback);
    this.http = HttpServer.create(new InetSocketAddress(loopback, 0), 0);
    http.createContext("/api/v10/", this::rest);
    http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    http.start();
    Thread acceptor = new Thread(this::acceptLoop, "discord-double-gateway");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  /** A snowflake of now, as Discord makes them (JDA reads an interaction's age from its id). */
  private final class Ids {
    long incrementAndGet() {
      long millis = System.currentTimeMillis() - 1420070400000L;
      return (millis << 22) | (1L << 17) | (increment.incrementAndGet() & 0xFFF);
    }
  }

  private final Ids ids = new Ids();

  String apiBaseUrl() {
    return "http://127.0.0.1:" + http.getAddress().getPort() + "/api/v10";
  }

  String gatewayUrl() {
    return "ws://127.0.0.1:" + gateway.getLocalPort();
  }

  // ---------------------------------------------------------------- REST

  private void rest(HttpExchange ex) throws IOException {
    String path = ex.getRequestURI().getPath().substring("/api/v10".length());
    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    String method = ex.getRequestMethod();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    String type = ex.getRequestHeaders().getFirst("Content-Type");
    Object[] answer = answer(method, path, auth, body, type);
    int status = (Integer) answer[0];
    String response = (String) answer[1];
    calls.add(
        new Call(
            method,
            path,
            auth,
            type,
            body,
            response,
            ex.getRequestHeaders().getFirst("User-Agent")));
    if (status == 204) {
      ex.sendResponseHeaders(204, -1);
      ex.close();
    } else {
      respond(ex, status, response);
    }
  }

  private Object[] answer(String method, String path, String auth, String body, String type)
      throws IOException {
    boolean interaction = path.startsWith("/interactions/") || path.startsWith("/webhooks/");
    if (!interaction && !("Bot " + token).equals(auth)) {
      return new Object[] {401, "{\"message\": \"401: Unauthorized\", \"code\": 0}"};
    }
    String[] p = path.split("/");
    JsonNode sent = new Call("", "", "", type, body, "", "").json();
    if (method.equals("GET") && path.equals("/gateway/bot")) {
      return new Object[] {
        200,
        "{\"url\": \""
            + gatewayUrl()
            + "\", \"shards\": 1, \"session_start_limit\": {\"total\": 1000, \"remaining\": 999,"
            + " \"reset_after\": 14400000, \"max_concurrency\": 1}}"
      };
    } else if (method.equals("GET") && path.equals("/users/@me")) {
      return new Object[] {200, botUser().toString()};
    } else if (method.equals("POST") && p.length == 4 && p[1].equals("channels")) {
      // Discord: with enforce_nonce, a nonce the bot used in the last minutes returns that message
      String nonce = sent.path("nonce").asText("");
      if (sent.path("enforce_nonce").asBoolean() && !nonce.isEmpty()) {
        return new Object[] {
          200,
          byNonce.computeIfAbsent(p[2] + "/" + nonce, k -> message(p[2], null, sent).toString())
        };
      }
      return new Object[] {200, message(p[2], null, sent).toString()};
    } else if (method.equals("PATCH") && p.length == 5 && p[1].equals("channels")) {
      return new Object[] {200, message(p[2], p[4], sent).toString()};
    } else if (method.equals("POST") && path.endsWith("/callback")) {
      return new Object[] {204, ""};
    } else if (p.length >= 4 && p[1].equals("webhooks")) {
      return new Object[] {200, message(GENERAL, null, sent).toString()};
    } else if (method.equals("PUT") && path.endsWith("/commands")) {
      ArrayNode out = JSON.createArrayNode();
      for (JsonNode c : JSON.readTree(body)) {
        ObjectNode registered = ((ObjectNode) c.deepCopy());
        registered.put("id", String.valueOf(ids.incrementAndGet()));
        registered.put("application_id", APP_ID);
        registered.put("guild_id", p[4]);
        registered.put("version", String.valueOf(ids.incrementAndGet()));
        registered.put("type", 1);
        registered.putNull("default_member_permissions");
        registered.put("nsfw", false);
        out.add(registered);
      }
      return new Object[] {200, out.toString()};
    }
    return new Object[] {404, "{\"message\": \"404: Not Found\", \"code\": 0}"};
  }

  private static void respond(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  /** A message object as Discord returns it for a create or an edit. */
  private ObjectNode message(String channel, String id, JsonNode sent) {
    ObjectNode m = JSON.createObjectNode();
    m.put("id", id != null ? id : String.valueOf(ids.incrementAndGet()));
    m.put("type", 0);
    m.put("channel_id", channel);
    m.set("author", botUser());
    m.put("content", sent.path("content").asText(""));
    if (sent.hasNonNull("nonce")) {
      m.set("nonce", sent.get("nonce"));
    }
    m.put("timestamp", Instant.now().toString());
    m.putNull("edited_timestamp");
    m.put("tts", false);
    m.put("mention_everyone", false);
    m.putArray("mentions");
    m.putArray("mention_roles");
    m.putArray("attachments");
    ArrayNode embeds = m.putArray("embeds");
    for (JsonNode e : sent.path("embeds")) {
      embeds.add(((ObjectNode) e.deepCopy()).put("type", "rich"));
    }
    m.set("components", sent.has("components") ? sent.get("components") : JSON.createArrayNode());
    m.put("pinned", false);
    m.put("flags", sent.path("flags").asInt(0));
    return m;
  }

  static ObjectNode user(String id, String name, boolean bot) {
    ObjectNode u = JSON.createObjectNode();
    u.put("id", id);
    u.put("username", name);
    u.put("discriminator", "0");
    u.put("global_name", name);
    u.putNull("avatar");
    u.put("bot", bot);
    u.put("system", false);
    u.put("public_flags", 0);
    u.put("flags", 0);
    return u;
  }

  static ObjectNode botUser() {
    ObjectNode u = user(BOT_ID, "gitops-crew", true);
    u.put("verified", true);
    u.put("mfa_enabled", false);
    return u;
  }

  // ---------------------------------------------------------------- gateway

  private void acceptLoop() {
    while (!gateway.isClosed()) {
      try {
        Socket s = gateway.accept();
        Thread t = new Thread(() -> serve(s), "discord-double-connection");
        t.setDaemon(true);
        t.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try {
      hold.await(60, TimeUnit.SECONDS);
      GatewaySocket ws = GatewaySocket.accept(s);
      connections.incrementAndGet();
      current.set(ws);
      ws.send(
          "{\"op\": 10, \"s\": null, \"t\": null, \"d\": {\"heartbeat_interval\": "
              + heartbeatMillis
              + ", \"_trace\": [\"[\\\"gateway-prd-double\\\"]\"]}}");
      for (String text = ws.receive(); text != null; text = ws.receive()) {
        JsonNode frame = JSON.readTree(text);
        received.add(frame);
        switch (frame.path("op").asInt()) {
          case 1 -> {
            if (ackHeartbeats) {
              ws.send("{\"op\": 11, \"s\": null, \"t\": null, \"d\": null}");
            }
          }
          case 2 -> identify(ws, frame.path("d"));
          case 6 -> resume(ws, frame.path("d"));
          default -> {}
        }
      }
    } catch (IOException | InterruptedException e) {
      // the connection ended
    } finally {
      try {
        s.close();
      } catch (IOException ignored) {
        // gone
      }
    }
  }

  private void identify(GatewaySocket ws, JsonNode d) throws IOException {
    if (!token.equals(d.path("token").asText())) {
      ws.closeWith(4004); // Authentication failed
      return;
    }
    history.clear();
    sequence.set(0);
    ObjectNode ready = JSON.createObjectNode();
    ready.put("v", 10);
    ready.set("user", botUser());
    ArrayNode guilds = ready.putArray("guilds");
    guilds.addObject().put("id", GUILD).put("unavailable", true);
    ready.put("session_id", sessionId);
    ready.put("session_type", "normal");
    ready.put("resume_gateway_url", gatewayUrl());
    ready.putArray("private_channels");
    ready.putArray("relationships");
    ready.putArray("presences");
    ready.putArray("guild_join_requests");
    ready.putArray("geo_ordered_rtc_regions").add("rotterdam");
    ready.putArray("shard").add(0).add(1);
    ready.putObject("application").put("id", APP_ID).put("flags", 8953856);
    ready.putArray("_trace").add("[\"gateway-prd-double\"]");
    dispatch(ws, "READY", ready);
    dispatch(ws, "GUILD_CREATE", guild());
  }

  private void resume(GatewaySocket ws, JsonNode d) throws IOException {
    if (!token.equals(d.path("token").asText())
        || !sessionId.equals(d.path("session_id").asText())) {
      ws.send("{\"op\": 9, \"s\": null, \"t\": null, \"d\": false}");
      return;
    }
    int seen = d.path("seq").asInt();
    List<String> missed = new ArrayList<>();
    for (int i = seen; i < history.size(); i++) {
      missed.add(history.get(i));
    }
    for (String event : missed) {
      ws.send(event);
    }
    dispatch(ws, "RESUMED", JSON.createObjectNode().putNull("_trace"));
  }

  private ObjectNode guild() {
    ObjectNode g = JSON.createObjectNode();
    g.put("id", GUILD);
    g.put("name", "homelab");
    g.putNull("icon");
    g.putNull("splash");
    g.putNull("discovery_splash");
    g.put("owner_id", OWNER);
    g.putNull("afk_channel_id");
    g.put("afk_timeout", 300);
    g.put("verification_level", 1);
    g.put("default_message_notifications", 1);
    g.put("explicit_content_filter", 0);
    ArrayNode roles = g.putArray("roles");
    ObjectNode everyone = roles.addObject();
    everyone.put("id", GUILD);
    everyone.put("name", "@everyone");
    everyone.put("color", 0);
    everyone
        .putObject("colors")
        .put("primary_color", 0)
        .putNull("secondary_color")
        .putNull("tertiary_color");
    everyone.put("hoist", false);
    everyone.putNull("icon");
    everyone.putNull("unicode_emoji");
    everyone.put("position", 0);
    everyone.put("permissions", "2248473465835073");
    everyone.put("managed", false);
    everyone.put("mentionable", false);
    everyone.put("flags", 0);
    g.putArray("emojis");
    g.putArray("stickers");
    g.putArray("features");
    g.put("mfa_level", 0);
    g.putNull("application_id");
    g.putNull("system_channel_id");
    g.put("system_channel_flags", 0);
    g.putNull("rules_channel_id");
    g.putNull("vanity_url_code");
    g.putNull("description");
    g.putNull("banner");
    g.put("premium_tier", 0);
    g.put("premium_subscription_count", 0);
    g.put("preferred_locale", "en-US");
    g.putNull("public_updates_channel_id");
    g.put("nsfw_level", 0);
    g.put("premium_progress_bar_enabled", false);
    g.put("joined_at", "2026-11-01T10:00:00.000000+00:00");
    g.put("large", false);
    g.put("unavailable", false);
    g.put("member_count", 3);
    g.putArray("voice_states");
    ObjectNode self = g.putArray("members").addObject();
    self.set("user", botUser());
    self.putArray("roles");
    self.putNull("nick");
    self.putNull("avatar");
    self.put("joined_at", "2026-11-01T10:00:00.000000+00:00");
    self.putNull("premium_since");
    self.put("deaf", false);
    self.put("mute", false);
    self.put("flags", 0);
    self.put("pending", false);
    self.putNull("communication_disabled_until");
    ArrayNode channels = g.putArray("channels");
    int position = 0;
    for (String[] c : guildChannels) {
      ObjectNode ch = channels.addObject();
      ch.put("id", c[0]);
      ch.put("type", 0);
      ch.put("guild_id", GUILD);
      ch.put("name", c[1]);
      ch.put("position", position++);
      ch.putArray("permission_overwrites");
      ch.putNull("topic");
      ch.put("nsfw", false);
      ch.putNull("last_message_id");
      ch.put("rate_limit_per_user", 0);
      ch.putNull("parent_id");
      ch.put("flags", 0);
    }
    g.putArray("threads");
    g.putArray("presences");
    g.putArray("stage_instances");
    g.putArray("guild_scheduled_events");
    g.putArray("soundboard_sounds");
    return g;
  }

  private void dispatch(GatewaySocket ws, String type, JsonNode d) throws IOException {
    int s = sequence.incrementAndGet();
    ObjectNode frame = JSON.createObjectNode();
    frame.put("op", 0);
    frame.put("s", s);
    frame.put("t", type);
    frame.set("d", d);
    String text = frame.toString();
    history.add(text);
    ws.send(text);
  }

  /** Dispatches an event on the live connection (kept for a RESUME's replay if it is down). */
  void dispatch(String type, JsonNode d) throws IOException {
    GatewaySocket ws = current.get();
    if (ws == null) {
      throw new IllegalStateException("no gateway connection");
    }
    dispatch(ws, type, d);
  }

  // ---------------------------------------------------------------- events

  ObjectNode messageCreate(
      String channel, String userId, String userName, String content, boolean mentionBot) {
    ObjectNode m = JSON.createObjectNode();
    String id = String.valueOf(ids.incrementAndGet());
    m.put("id", id);
    m.put("type", 0);
    m.put("channel_id", channel);
    m.put("guild_id", GUILD);
    m.set("author", user(userId, userName, false));
    ObjectNode member = m.putObject("member");
    member.putArray("roles");
    member.putNull("nick");
    member.putNull("avatar");
    member.put("joined_at", "2026-11-01T10:00:00.000000+00:00");
    member.putNull("premium_since");
    member.put("deaf", false);
    member.put("mute", false);
    member.put("flags", 0);
    member.put("pending", false);
    member.putNull("communication_disabled_until");
    m.put("content", mentionBot ? "<@" + BOT_ID + "> " + content : content);
    m.put("timestamp", Instant.now().toString());
    m.putNull("edited_timestamp");
    m.put("tts", false);
    m.put("mention_everyone", false);
    ArrayNode mentions = m.putArray("mentions");
    if (mentionBot) {
      mentions.add(botUser());
    }
    m.putArray("mention_roles");
    m.putArray("attachments");
    m.putArray("embeds");
    m.putArray("components");
    m.put("pinned", false);
    m.put("flags", 0);
    m.put("nonce", String.valueOf(ids.incrementAndGet()));
    return m;
  }

  /** A user typing {@code /name options...} in {@code channel}. */
  ObjectNode slashCommand(
      String channel, String userId, String userName, String name, Object... options) {
    ObjectNode i = interaction(channel, userId, userName, 2);
    ObjectNode data = i.putObject("data");
    data.put("id", String.valueOf(ids.incrementAndGet()));
    data.put("name", name);
    data.put("type", 1);
    data.put("guild_id", GUILD);
    ArrayNode opts = data.putArray("options");
    for (int k = 0; k + 1 < options.length; k += 2) {
      // as Discord types them: 3 a string, 4 an integer, 5 a boolean
      ObjectNode o = opts.addObject().put("name", (String) options[k]);
      if (options[k + 1] instanceof Long n) {
        o.put("type", 4).put("value", n);
      } else if (options[k + 1] instanceof Boolean b) {
        o.put("type", 5).put("value", b);
      } else {
        o.put("type", 3).put("value", (String) options[k + 1]);
      }
    }
    return i;
  }

  /** A user clicking the button {@code customId} on {@code message}. */
  ObjectNode buttonClick(JsonNode message, String userId, String userName, String customId) {
    ObjectNode i = interaction(message.path("channel_id").asText(), userId, userName, 3);
    i.putObject("data").put("custom_id", customId).put("component_type", 2);
    i.set("message", message);
    return i;
  }

  private ObjectNode interaction(String channel, String userId, String userName, int type) {
    ObjectNode i = JSON.createObjectNode();
    i.put("id", String.valueOf(ids.incrementAndGet()));
    i.put("application_id", APP_ID);
    i.put("type", type);
    i.put("guild_id", GUILD);
    ObjectNode guild = i.putObject("guild");
    guild.put("id", GUILD);
    guild.put("locale", "en-US");
    guild.putArray("features");
    i.put("channel_id", channel);
    ObjectNode ch = i.putObject("channel");
    ch.put("id", channel);
    ch.put("type", 0);
    ch.put("guild_id", GUILD);
    ch.put("name", channel.equals(ALERTS) ? "alerts" : "general");
    ch.put("position", 0);
    ch.put("flags", 0);
    ch.put("permissions", "2248473465835073");
    ObjectNode member = i.putObject("member");
    member.set("user", user(userId, userName, false));
    member.putArray("roles");
    member.putNull("nick");
    member.putNull("avatar");
    member.put("joined_at", "2026-11-01T10:00:00.000000+00:00");
    member.put("deaf", false);
    member.put("mute", false);
    member.put("flags", 0);
    member.put("pending", false);
    member.put("permissions", "2248473465835073");
    member.putNull("communication_disabled_until");
    i.put("token", "aW50ZXJhY3Rpb246" + ids.incrementAndGet() + ":Zm9sbG93LXVw");
    i.put("version", 1);
    i.put("app_permissions", "2248473465835073");
    i.put("locale", "en-US");
    i.put("guild_locale", "en-US");
    i.putArray("entitlements");
    i.putObject("authorizing_integration_owners").put("0", GUILD);
    i.put("context", 0);
    i.put("attachment_size_limit", 10485760);
    return i;
  }

  // ---------------------------------------------------------------- faults and waits

  /** Drops the live connection without a close frame, as a network fault would. */
  void drop() {
    GatewaySocket ws = current.getAndSet(null);
    if (ws != null) {
      ws.close();
    }
  }

  /** New connections wait (unanswered) until {@link #releaseConnections()}. */
  void holdConnections() {
    hold = new CountDownLatch(1);
  }

  void releaseConnections() {
    hold.countDown();
  }

  /**
   * The guild's text channels as {@code {id, name}} pairs, sent in the next GUILD_CREATE (by
   * default #general, #alerts and #random).
   */
  void guildChannels(String[]... idAndName) {
    this.guildChannels = idAndName;
  }

  void ackHeartbeats(boolean ack) {
    this.ackHeartbeats = ack;
  }

  int connections() {
    return connections.get();
  }

  /** Waits (bounded) for a REST call matching {@code match}; fails with what was seen if none. */
  Call await(String what, Predicate<Call> match) throws InterruptedException {
    return awaitCondition(what, () -> calls.stream().filter(match).findFirst().orElse(null));
  }

  /** Waits (bounded) for a gateway frame from the client matching {@code match}. */
  JsonNode awaitFrame(String what, Predicate<JsonNode> match) throws InterruptedException {
    return awaitCondition(what, () -> received.stream().filter(match).findFirst().orElse(null));
  }

  <T> T awaitCondition(String what, java.util.function.Supplier<T> probe)
      throws InterruptedException {
    try {
      return Awaitility.await(what)
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(25))
          .until(probe::get, java.util.Objects::nonNull);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(
          "no "
              + what
              + " within 60 s; REST calls seen: "
              + calls.stream().map(c -> c.method() + " " + c.path()).toList(),
          e);
    }
  }

  @Override
  public void close() throws IOException {
    drop();
    http.stop(0);
    gateway.close();
  }
}
