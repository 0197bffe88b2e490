package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random input to every endpoint of the packaged gateway, as a fuzzer or a broken sender sends it:
 * random JSON of every shape and depth, request-shaped JSON with wrong types, raw bytes that are
 * not UTF-8, odd ids and query values. Every answer is a 2xx, or a 4xx with a JSON reason; none
 * shows the gateway's insides; the gateway answers and writes afterwards. The seed is printed with
 * a failure ({@code -Dcrew.fuzz.seed=N} replays it).
 */
class FuzzIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> VERBS =
      List.of(
          "restart",
          "scale",
          "delete-pod",
          "kube",
          "edit",
          "scan",
          "validate",
          "verify",
          "triage",
          "runbook",
          "incident",
          "release",
          "merge",
          "force-sync",
          "deployment/whoami",
          "in",
          "-n",
          "--replicas",
          "--dry-run",
          "demo",
          "..",
          "/etc",
          ".git/config",
          "\u0000",
          "é",
          "🙂");
  static final List<String> KINDS =
      List.of(
          "scan",
          "change",
          "edit",
          "verify",
          "validate",
          "kube",
          "action",
          "runbook",
          "release-plan",
          "release-cut",
          "merge",
          "triage",
          "ask",
          "nope",
          "");
  static final List<String> EVENTS =
      List.of("on-deployed", "on-health-degraded", "on-sync-failed", "on-sync-succeeded", "x");
  static final int REQUESTS = Integer.getInteger("crew.fuzz.requests", 400);

  @TempDir Path dir;

  @Test
  void everyDoorAnswersRandomInputWithA2xxOrA4xxAndAReason() throws Exception {
    long seed = Long.getLong("crew.fuzz.seed", System.nanoTime());
    Random random = new Random(seed);
    Path state = Files.createDirectories(dir.resolve("state"));
    try (GatewayProcess gw =
        GatewayProcess.start(state, IntakeIT.SECRETS, GatewayProcess.CREW_JVM)) {
      assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();
      for (int i = 0; i < REQUESTS; i++) {
        Fuzzed sent = next(random);
        HttpResponse<String> answer =
            sent.method().equals("GET")
                ? gw.get(sent.path(), null)
                : gw.post(sent.path(), sent.body(), sent.headers());
        String what = "seed " + seed + ", request " + i + ": " + sent.describe();
        assertThat(answer.statusCode()).as(what).isBetween(200, 499);
        if (answer.statusCode() >= 400) {
          JsonNode body = JSON.readTree(answer.body());
          assertThat(body.path("error").asText()).as(what).isNotBlank();
        }
        IntakeIT.INSIDES.forEach(word -> assertThat(answer.body()).as(what).doesNotContain(word));
      }
      assertThat(gw.get("/readyz", null).statusCode()).isEqualTo(200);
      assertThat(
              gw.post("/api/requests", "{\"text\": \"kube get pods -n default\"}", null)
                  .statusCode())
          .isEqualTo(200);
      gw.terminate();
      assertThat(gw.output()).as("seed " + seed).doesNotContain("OutOfMemoryError");
    }
  }

  record Fuzzed(String method, String path, byte[] body, Map<String, String> headers) {
    String describe() {
      String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
      return method + " " + path + " " + (text.length() > 200 ? text.substring(0, 200) : text);
    }
  }

  private static Fuzzed next(Random random) throws Exception {
    Map<String, String> json = Map.of("Content-Type", "application/json");
    return switch (random.nextInt(10)) {
      case 0, 1 -> new Fuzzed("POST", "/api/requests", requestBody(random), json);
      case 2 -> new Fuzzed("POST", "/api/approvals/" + segment(random), body(random), json);
      case 3 ->
          new Fuzzed("POST", "/api/sessions/" + segment(random) + "/cancel", body(random), json);
      case 4 -> new Fuzzed("GET", read(random), null, Map.of());
      case 5, 6 -> argo(random);
      case 7 -> github(random);
      case 8 -> azure(random);
      default ->
          new Fuzzed(
              "POST",
              "/api/requests",
              body(random),
              Map.of("Content-Type", random.nextBoolean() ? "text/plain" : "application/json"));
    };
  }

  private static byte[] requestBody(Random random) throws Exception {
    Map<String, Object> body = new LinkedHashMap<>();
    if (random.nextBoolean()) {
      StringBuilder text = new StringBuilder();
      for (int w = random.nextInt(6); w >= 0; w--) {
        text.append(random.nextInt(3) == 0 ? string(random, 20) : pick(random, VERBS)).append(' ');
      }
      body.put("text", text.toString());
    } else {
      Map<String, Object> request = new LinkedHashMap<>();
      request.put("kind", pick(random, KINDS));
      for (int f = random.nextInt(5); f > 0; f--) {
        request.put(
            pick(random, List.of("repository", "directory", "path", "target", "replicas", "title")),
            value(random, 2));
      }
      body.put("request", request);
    }
    body.put("wait", false);
    if (random.nextBoolean()) {
      body.put("requester", value(random, 1));
    }
    return JSON.writeValueAsBytes(body);
  }

  private static Fuzzed argo(Random random) throws Exception {
    byte[] body;
    if (random.nextBoolean()) {
      Map<String, Object> n = new LinkedHashMap<>();
      n.put("event", random.nextInt(4) == 0 ? value(random, 1) : pick(random, EVENTS));
      n.put("app", random.nextInt(4) == 0 ? value(random, 1) : "app-" + random.nextInt(5));
      n.put("revision", value(random, 1));
      n.put("finishedAt", value(random, 1));
      body = JSON.writeValueAsBytes(n);
    } else {
      body = body(random);
    }
    return new Fuzzed(
        "POST", "/webhooks/argocd", body, Map.of("Authorization", "Bearer " + IntakeIT.ARGO));
  }

  private static Fuzzed github(Random random) throws Exception {
    byte[] body = body(random);
    return new Fuzzed(
        "POST",
        "/webhooks/github",
        body,
        Map.of(
            "X-GitHub-Event",
            pick(random, List.of("pull_request", "issue_comment", "ping", "push", "zz")),
            "X-GitHub-Delivery",
            Long.toHexString(random.nextLong()),
            "X-Hub-Signature-256",
            IntakeIT.signed(body)));
  }

  private static Fuzzed azure(Random random) throws Exception {
    return new Fuzzed(
        "POST",
        "/webhooks/azure-devops",
        body(random),
        Map.of("Authorization", IntakeIT.basic("gitops-crew", IntakeIT.AZURE)));
  }

  private static String read(Random random) {
    String id = segment(random);
    String limit = segment(random);
    return pick(
        random,
        List.of(
            "/api/sessions/" + id,
            "/api/sessions?all=" + random.nextBoolean() + "&limit=" + limit,
            "/api/incidents/" + id,
            "/api/incidents?limit=" + limit,
            "/api/forge/" + id,
            "/api/approvals/" + id,
            "/api/audit?session=" + id + "&limit=" + limit,
            "/api/webhooks?limit=" + limit));
  }

  /** A body of any shape: JSON of any depth, raw bytes, deep nesting, a large string. */
  private static byte[] body(Random random) throws Exception {
    return switch (random.nextInt(6)) {
      case 0 -> {
        byte[] bytes = new byte[random.nextInt(512)];
        random.nextBytes(bytes);
        yield bytes;
      }
      case 1 -> ("[".repeat(2000 + random.nextInt(3000))).getBytes(StandardCharsets.UTF_8);
      case 2 -> JSON.writeValueAsBytes(Map.of("text", "z".repeat(random.nextInt(200_000))));
      default -> JSON.writeValueAsBytes(value(random, 5));
    };
  }

  private static Object value(Random random, int depth) {
    int kind = random.nextInt(depth > 0 ? 8 : 5);
    return switch (kind) {
      case 0 -> null;
      case 1 -> random.nextBoolean();
      case 2 -> random.nextInt(7) == 0 ? Long.MIN_VALUE : random.nextLong() % 100_000;
      case 3 -> random.nextDouble() * 1e12;
      case 4 -> string(random, random.nextInt(3) == 0 ? 3000 : 40);
      case 5 -> java.util.Arrays.asList(value(random, depth - 1), value(random, depth - 1));
      default -> {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int f = random.nextInt(4); f > 0; f--) {
          m.put(string(random, 12), value(random, depth - 1));
        }
        yield m;
      }
    };
  }

  /** An id as a path segment or query value, percent-encoded as a client sends it. */
  private static String segment(Random random) {
    return URLEncoder.encode(id(random), StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String id(Random random) {
    return switch (random.nextInt(5)) {
      case 0 -> Long.toString(random.nextLong());
      case 1 -> "9".repeat(30);
      case 2 -> string(random, 300);
      default -> Integer.toString(random.nextInt(20));
    };
  }

  /** Letters, digits, quotes, backslashes, control characters and a little beyond ASCII. */
  private static String string(Random random, int longest) {
    String alphabet = "abcxyz0129 -_./\\\"'{}[]:,\t\n\u0001é€🙂";
    StringBuilder out = new StringBuilder();
    for (int i = random.nextInt(longest + 1); i > 0; i--) {
      out.appendCodePoint(alphabet.codePoints().toArray()[random.nextInt(alphabet.length() - 1)]);
    }
    return out.toString();
  }

  private static <T> T pick(Random random, List<T> from) {
    return from.get(random.nextInt(from.size()));
  }
}
