package dev.gitopscrew.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.webhook.ArgoWebhook;
import dev.gitopscrew.webhook.AzureDevOpsWebhook;
import dev.gitopscrew.webhook.GitHubSignature;
import dev.gitopscrew.webhook.GitHubWebhook;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a stranger, a careless sender and a flood do to the packaged gateway, started with the JVM
 * options of ./crew (a 128 MiB heap): bodies refused before they are read, every bad input a 4xx
 * with a JSON reason, nothing of the gateway's insides in an answer, known secrets stored and shown
 * only redacted, and the gateway and its store alive afterwards.
 */
class IntakeIT {

  static final String ARGO = "argocd_hook_4b7e1d9c2a6f8e03";
  static final String GITHUB = "gh_hook_secret_7d1e9a3c5b8f";
  static final String AZURE = "azdo_hook_secret_2c8f6e4a1d9b";
  static final Map<String, String> SECRETS =
      Map.of(
          ArgoWebhook.TOKEN_VARIABLE, ARGO,
          GitHubWebhook.SECRET_VARIABLE, GITHUB,
          AzureDevOpsWebhook.SECRET_VARIABLE, AZURE);
  static final List<String> INSIDES =
      List.of("INSERT", "SELECT", "Exception", "at dev.", "dev.gitopscrew", "java.lang");
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  GatewayProcess gw;

  @BeforeEach
  void start() throws Exception {
    Path state = Files.createDirectories(dir.resolve("state"));
    Path config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            git:
              repositories:
                infra:
                  forge: azure-devops
                  url: https://dev.azure.com/org/project/_git/infra
                  organization: org
                  project: project
            """);
    gw =
        GatewayProcess.start(
            state, SECRETS, GatewayProcess.CREW_JVM, "--config", config.toString());
    assertThat(gw.awaitReady()).as("ready; log:%n%s", gw.output()).isTrue();
  }

  @AfterEach
  void stop() {
    gw.close();
  }

  @Test
  void strangersLargeBodiesAreRefusedUnreadWhileWritesGoOn() throws Exception {
    byte[] nineMegabytes = new byte[9 << 20];
    Arrays.fill(nineMegabytes, (byte) 'x');
    Map<String, Map<String, String>> wrongCredentials =
        Map.of(
            "/webhooks/argocd",
            Map.of("Authorization", "Bearer not-" + ARGO),
            "/webhooks/github",
            Map.of(
                "X-GitHub-Event", "pull_request",
                "X-GitHub-Delivery", "72d3162e-cc78-11e3-81ab-4c9367dc0958",
                "X-Hub-Signature-256", "sha256=" + "0".repeat(64)),
            "/webhooks/azure-devops",
            Map.of("Authorization", basic("gitops-crew", "not-" + AZURE)));
    ExecutorService pool = Executors.newFixedThreadPool(41);
    AtomicBoolean flooding = new AtomicBoolean(true);
    try {
      Future<List<Integer>> writes =
          pool.submit(
              () -> {
                List<Integer> statuses = new ArrayList<>();
                while (flooding.get()) {
                  statuses.add(write().statusCode());
                }
                return statuses;
              });
      Map<String, Integer> answers = new TreeMap<>();
      for (int round = 0; round < 3; round++) {
        for (Map.Entry<String, Map<String, String>> receiver : wrongCredentials.entrySet()) {
          List<Future<HttpResponse<String>>> posts = new ArrayList<>();
          for (int i = 0; i < 40; i++) {
            posts.add(
                pool.submit(() -> gw.post(receiver.getKey(), nineMegabytes, receiver.getValue())));
          }
          for (Future<HttpResponse<String>> post : posts) {
            HttpResponse<String> answer = post.get();
            assertThat(answer.statusCode()).as(receiver.getKey()).isIn(401, 413, 503);
            assertThat(reason(answer)).isNotBlank();
            answers.merge(receiver.getKey() + " " + answer.statusCode(), 1, Integer::sum);
          }
        }
      }
      flooding.set(false);
      assertThat(writes.get()).as("API writes during the flood").isNotEmpty().containsOnly(200);
      assertThat(answers).containsKey("/webhooks/argocd 401").containsKey("/webhooks/github 401");
      assertThat(gw.get("/readyz", null).statusCode()).isEqualTo(200);
      assertThat(write().statusCode()).isEqualTo(200);
      assertThat(gw.output()).doesNotContain("OutOfMemoryError").doesNotContain("has been closed");
    } finally {
      flooding.set(false);
      pool.shutdownNow();
    }
  }

  @Test
  void aBodyWithoutALengthIsReadWholeUpToItsDoorsLimitAndNoFurther() throws Exception {
    // longer than the receiver's first buffer, shorter than the limit, its fields on either side
    // of the padding: read whole (a body cut short would not parse), and stored
    String notification =
        "{\"event\": \"on-deployed\","
            + " ".repeat(20_000)
            + "\"app\": \"whoami\", \"appNamespace\": \"argocd\", \"revision\": \"9f2c1e7a4b01\"}";
    byte[] padded = notification.getBytes(StandardCharsets.UTF_8);
    assertThat(chunked("/webhooks/argocd", padded)).isEqualTo("HTTP/1.1 202");
    byte[] over = new byte[(int) BodyLimits.ARGOCD + 1];
    Arrays.fill(over, (byte) ' ');
    assertThat(chunked("/webhooks/argocd", over)).isEqualTo("HTTP/1.1 413");
    assertThat(gw.get("/readyz", null).statusCode()).isEqualTo(200);
  }

  /** A POST with a chunked body (no Content-Length), as a streaming sender makes it: the status. */
  private String chunked(String path, byte[] body) throws Exception {
    java.io.ByteArrayOutputStream request = new java.io.ByteArrayOutputStream();
    request.write(
        ("POST "
                + path
                + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                + ARGO
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked"
                + "\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    for (int at = 0; at < body.length; at += 4096) {
      int n = Math.min(4096, body.length - at);
      request.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      request.write(body, at, n);
      request.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    request.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    try (java.net.Socket socket =
        new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), gw.port)) {
      socket.setSoTimeout(30_000);
      try {
        socket.getOutputStream().write(request.toByteArray());
      } catch (java.io.IOException answeredEarly) {
        // the gateway may answer (and close) before the whole body is sent: its answer is read
      }
      return new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
    }
  }

  @Test
  void eachBadInputGetsItsReasonAndNothingOfTheInsides() throws Exception {
    List<HttpResponse<String>> answers = new ArrayList<>();
    byte[] twentyMegabytes = new byte[20 << 20];
    Arrays.fill(twentyMegabytes, (byte) ' ');
    HttpResponse<String> tooLarge =
        gw.post("/api/requests", twentyMegabytes, Map.of("Content-Type", "application/json"));
    assertThat(tooLarge.statusCode()).isEqualTo(413);
    assertThat(reason(tooLarge)).contains("1 MiB");

    HttpResponse<String> notUtf8 =
        gw.post(
            "/webhooks/argocd",
            concat(
                "{\"event\": \"on-deployed\", \"app\": \"whoami\", \"revision\": \"",
                new byte[] {(byte) 0xff, (byte) 0xfe},
                "\"}"),
            Map.of("Authorization", "Bearer " + ARGO));
    assertThat(notUtf8.statusCode()).isEqualTo(400);
    assertThat(reason(notUtf8)).contains("UTF-8");

    HttpResponse<String> longRevision =
        argo(Map.of("event", "on-deployed", "app", "whoami", "revision", "a".repeat(2000)));
    assertThat(longRevision.statusCode()).isEqualTo(400);
    assertThat(reason(longRevision)).contains("'revision'").contains("at most 256");

    HttpResponse<String> longCommit = azure("a".repeat(2000));
    assertThat(longCommit.statusCode()).isEqualTo(400);
    assertThat(reason(longCommit)).contains("lastMergeSourceCommit.commitId");

    HttpResponse<String> longRequester =
        api(Map.of("text", "kube get pods -n default", "requester", "r".repeat(1000)));
    assertThat(longRequester.statusCode()).isEqualTo(400);
    assertThat(reason(longRequester)).contains("'requester'").contains("at most 128");

    HttpResponse<String> longApprover =
        gw.post(
            "/api/approvals/a1b2c3",
            JSON.writeValueAsString(Map.of("decision", "approve", "requester", "r".repeat(300))),
            null);
    assertThat(longApprover.statusCode()).isEqualTo(400);
    assertThat(reason(longApprover)).contains("'requester'");

    HttpResponse<String> megabyteOfText = api(Map.of("text", "x".repeat(1_000_000)));
    assertThat(megabyteOfText.statusCode()).isEqualTo(400);
    assertThat(megabyteOfText.body().length()).isLessThan(2000);

    HttpResponse<String> unknownVerb = api(Map.of("text", "y".repeat(5000) + " deployment/x"));
    assertThat(unknownVerb.statusCode()).isEqualTo(400);
    assertThat(unknownVerb.body().length()).isLessThan(2000);

    // a typed request has only the catalogue's fields; the stored form can name a folder, which
    // only the command line may
    HttpResponse<String> typedEtc =
        api(Map.of("request", Map.of("kind", "scan", "directory", "/etc")));
    assertThat(typedEtc.statusCode()).isEqualTo(400);
    assertThat(reason(typedEtc)).contains("'directory' is not a field of scan");
    HttpResponse<String> etc = api(Map.of("record", Map.of("kind", "scan", "directory", "/etc")));
    assertThat(etc.statusCode()).isEqualTo(403);
    assertThat(reason(etc)).contains("only the command line names any folder");

    for (String path : List.of("../x", "/etc/passwd", ".git/config", "a//b", "k8s/./a.yaml")) {
      HttpResponse<String> refused =
          api(
              Map.of(
                  "request",
                  Map.of(
                      "kind", "change",
                      "repository", "demo",
                      "type", "chore",
                      "title", "a path",
                      "files", Map.of(path, "YQ=="))));
      assertThat(refused.statusCode()).as(path).isEqualTo(400);
      assertThat(reason(refused)).as(path).contains("path");
      answers.add(refused);
    }

    HttpResponse<String> array =
        gw.post("/api/requests", "[1, 2]", null); // a JSON array where an object belongs
    assertThat(array.statusCode()).isEqualTo(400);
    assertThat(reason(array)).doesNotContain("dev.gitopscrew").doesNotContain("$");

    answers.addAll(
        List.of(
            tooLarge,
            notUtf8,
            longRevision,
            longCommit,
            longRequester,
            longApprover,
            megabyteOfText,
            unknownVerb,
            etc,
            array));
    for (HttpResponse<String> answer : answers) {
      INSIDES.forEach(word -> assertThat(answer.body()).doesNotContain(word));
    }
  }

  @Test
  void aKnownSecretSentInAnyFieldIsStoredAndShownOnlyRedacted() throws Exception {
    HttpResponse<String> delivered =
        argo(
            Map.of(
                "event", "on-deployed",
                "app", "whoami",
                "revision", "9f2c1e7-" + GITHUB,
                "finishedAt", "2026-12-07T01:40:09Z"));
    assertThat(delivered.statusCode()).isEqualTo(202);
    HttpResponse<String> asked =
        api(Map.of("text", "kube get pods -n default", "requester", "ops-" + AZURE));
    assertThat(asked.statusCode()).isEqualTo(200);
    HttpResponse<String> echoed = api(Map.of("text", ARGO + " please"));
    assertThat(echoed.statusCode()).isEqualTo(400);

    List<String> shown =
        List.of(
            gw.get("/api/webhooks", null).body(),
            gw.get("/api/sessions?all=true", null).body(),
            gw.get("/api/audit", null).body(),
            asked.body(),
            echoed.body());
    for (String body : shown) {
      assertThat(body).doesNotContain(ARGO).doesNotContain(GITHUB).doesNotContain(AZURE);
    }
    assertThat(shown.get(0)).contains("9f2c1e7-***");
    assertThat(shown.get(1)).contains("ops-***");
    gw.terminate();
    assertThat(gw.output()).doesNotContain(ARGO).doesNotContain(GITHUB).doesNotContain(AZURE);
  }

  private HttpResponse<String> write() throws Exception {
    return api(Map.of("text", "kube get pods -n default"));
  }

  private HttpResponse<String> api(Map<String, Object> body) throws Exception {
    return gw.post("/api/requests", JSON.writeValueAsString(body), null);
  }

  private HttpResponse<String> argo(Map<String, String> body) throws Exception {
    return gw.post(
        "/webhooks/argocd",
        JSON.writeValueAsBytes(body),
        Map.of("Authorization", "Bearer " + ARGO, "Content-Type", "application/json"));
  }

  /** An Azure DevOps pull request update whose source commit id is {@code commit}. */
  private HttpResponse<String> azure(String commit) throws Exception {
    String body =
        """
        {"subscriptionId": "5c3b1f7e-0000-4000-8000-000000000001",
         "notificationId": 7, "id": "0a6b1c1e-0000-4000-8000-000000000002",
         "eventType": "git.pullrequest.updated", "publisherId": "tfs",
         "resource": {
           "repository": {"id": "3c4f", "name": "infra",
             "project": {"id": "9d1e", "name": "project"},
             "remoteUrl": "https://dev.azure.com/org/project/_git/infra"},
           "pullRequestId": 12, "status": "active",
           "createdBy": {"uniqueName": "alice@example.com"},
           "lastMergeSourceCommit": {"commitId": "%s"},
           "sourceRefName": "refs/heads/feature", "targetRefName": "refs/heads/main",
           "title": "A change"}}
        """
            .formatted(commit);
    return gw.post(
        "/webhooks/azure-devops",
        body.getBytes(StandardCharsets.UTF_8),
        Map.of("Authorization", basic("gitops-crew", AZURE)));
  }

  static String reason(HttpResponse<String> answer) throws Exception {
    JsonNode body = JSON.readTree(answer.body());
    return body.path("error").asText();
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(String head, byte[] middle, String tail) {
    byte[] a = head.getBytes(StandardCharsets.UTF_8);
    byte[] c = tail.getBytes(StandardCharsets.UTF_8);
    byte[] out = Arrays.copyOf(a, a.length + middle.length + c.length);
    System.arraycopy(middle, 0, out, a.length, middle.length);
    System.arraycopy(c, 0, out, a.length + middle.length, c.length);
    return out;
  }

  static String signed(byte[] body) {
    return GitHubSignature.sign(new dev.gitopscrew.settings.Secret(GITHUB), body);
  }
}
