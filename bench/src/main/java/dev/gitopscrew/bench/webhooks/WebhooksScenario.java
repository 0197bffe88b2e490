package dev.gitopscrew.bench.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.bench.Samples;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.bench.gateway.GatewayProcess;
import dev.gitopscrew.bench.gateway.MockCluster;
import dev.gitopscrew.incident.testing.ClusterFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Argo CD Notifications at its worst: 1,000 deliveries within one second against a running gateway,
 * 200 distinct events (on-deployed for 20 Applications, 10 syncs each) and 800 repeats, in shuffled
 * order. Every distinct event must be handled (re-read, verification started) and every repeat
 * answered 200 and ignored; {@code dropped} counts distinct events the gateway never worked and
 * answers other than 202/200. {@code send_s} is how long the burst took to send: above 1 s when the
 * gateway (sharing the machine with this client and the mock API server) answers slower than due.
 */
public final class WebhooksScenario implements Scenario {

  static final String TOKEN = "bench-argocd-webhook-token-5e1d7c9b3a";
  static final int APPS = 20;
  static final int SYNCS = 10;
  static final int COPIES = 5;
  static final int SENDERS = 16;

  @Override
  public String name() {
    return "webhooks";
  }

  @Override
  public void run(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("bench-webhooks");
    try (MockCluster cluster = MockCluster.start()) {
      KubernetesClient client = cluster.client();
      for (int a = 0; a < APPS; a++) {
        ClusterFixture.create(client, application("app-" + a));
      }
      Path kubeconfig = cluster.kubeconfig(dir);
      Path config =
          Files.writeString(
              dir.resolve("crew.yaml"), "incident:\n  verifyWaitSeconds: 1\n  sweepMinutes: 0\n");
      try (GatewayProcess gateway =
          GatewayProcess.start(
              dir.resolve("state"),
              config,
              GatewayProcess.freePort(),
              dir.resolve("gateway.log"),
              Map.of("KUBECONFIG", kubeconfig.toString(), "CREW_ARGOCD_WEBHOOK_TOKEN", TOKEN))) {
        gateway.awaitReady();
        measure(gateway);
      }
    }
  }

  private static void measure(GatewayProcess gateway) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (int a = 0; a < APPS; a++) {
      for (int s = 0; s < SYNCS; s++) {
        String body = body("app-" + a, s);
        for (int c = 0; c < COPIES; c++) {
          bodies.add(body);
        }
      }
    }
    Collections.shuffle(bodies, new Random(42));
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    URI uri = URI.create(gateway.baseUrl() + "/webhooks/argocd");
    Samples latencies = new Samples();
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger duplicates = new AtomicInteger();
    AtomicInteger other = new AtomicInteger();
    // SENDERS connections kept alive, as a notifications controller's pool would be; each delivery
    // is due at its slot of the second and its latency counts from then, queueing included
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    List<Future<?>> sent = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < bodies.size(); i++) {
      long due = start + i * 1_000_000_000L / bodies.size();
      String body = bodies.get(i);
      sent.add(
          senders.submit(
              () -> {
                LockSupport.parkNanos(due - System.nanoTime());
                HttpRequest request =
                    HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                int status;
                try {
                  status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                } catch (java.io.IOException e) {
                  status = -1;
                }
                latencies.add("post", System.nanoTime() - due);
                (status == 202 ? accepted : status == 200 ? duplicates : other).incrementAndGet();
                return null;
              }));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    senders.shutdown();
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    int distinct = APPS * SYNCS;
    int handled = awaitHandled(gateway, distinct);
    System.out.printf(
        "BENCH webhooks sent=%d distinct=%d handled=%d duplicates_ignored=%d dropped=%d"
            + " accepted=%d p50_ms=%.1f p99_ms=%.1f send_s=%.2f%n",
        bodies.size(),
        distinct,
        handled,
        duplicates.get(),
        Math.max(0, distinct - handled) + other.get(),
        accepted.get(),
        latencies.percentileMs("post", 50),
        latencies.percentileMs("post", 99),
        sendSeconds);
  }

  /** Waits (bounded) until no delivery is left accepted; returns how many were worked. */
  private static int awaitHandled(GatewayProcess gateway, int distinct) throws Exception {
    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode counts = gateway.getJson("/api/webhooks?limit=1").path("counts");
    while (System.nanoTime() < until && counts.path("accepted").asInt() > 0) {
      Thread.sleep(200);
      counts = gateway.getJson("/api/webhooks?limit=1").path("counts");
    }
    int handled =
        counts.path("processed").asInt()
            + counts.path("skipped").asInt()
            + counts.path("failed").asInt();
    if (counts.path("failed").asInt() > 0) {
      System.err.println("some deliveries failed: " + counts);
    }
    return Math.min(handled, distinct);
  }

  private static String body(String app, int sync) {
    return """
        {"event": "on-deployed", "app": "%s", "appNamespace": "argocd", "project": "default",
         "destNamespace": "apps", "destServer": "https://kubernetes.default.svc",
         "syncStatus": "Synced", "revision": "9f2c1e7a4b%02d", "healthStatus": "Healthy",
         "healthMessage": null, "operationPhase": "Succeeded",
         "operationMessage": "successfully synced (all tasks run)",
         "startedAt": "2026-11-30T18:%02d:02Z", "finishedAt": "2026-11-30T18:%02d:09Z",
         "argocdUrl": "https://argocd.home.example"}
        """
        .formatted(app, sync, sync, sync);
  }

  private static String application(String name) {
    return """
        apiVersion: argoproj.io/v1alpha1
        kind: Application
        metadata: {name: %s, namespace: argocd}
        spec:
          project: default
          source: {repoURL: "https://github.com/owner/homelab.git", path: k8s/apps/%s}
          destination: {server: "https://kubernetes.default.svc", namespace: apps}
        status:
          health: {status: Healthy}
          sync: {status: Synced}
          operationState: {phase: Succeeded, finishedAt: "2026-11-30T18:40:09Z"}
        """
        .formatted(name, name);
  }
}
