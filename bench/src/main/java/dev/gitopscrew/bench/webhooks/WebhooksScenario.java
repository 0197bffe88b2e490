package dev.gitopscrew.bench.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.bench.Samples;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.bench.gateway.GatewayProcess;
import dev.gitopscrew.bench.gateway.MockCluster;
import dev.gitopscrew.incident.testing.ClusterFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
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
 * The measured burst is the second: the first (the ten syncs before, the same shape) is sent and
 * worked before it, since a gateway meets a burst after hours of running; {@code warmup_send_s} is
 * how long that first one took. {@code p99_new_ms} and {@code p99_repeat_ms} split the tail between
 * the deliveries stored (each waits for its group commit) and the repeats answered from the index.
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
      try (GatewayProcess gateway =
          GatewayProcess.startQuiet(
              dir,
              Map.of("KUBECONFIG", kubeconfig.toString(), "CREW_ARGOCD_WEBHOOK_TOKEN", TOKEN))) {
        gateway.awaitReady();
        // a gateway answers notifications for days: one burst of other syncs first, worked to
        // the end, so the measured burst meets the receiver and its worker as they run, not cold
        int distinct = APPS * SYNCS;
        Burst warmUp = burst(gateway, 0);
        awaitHandled(gateway, distinct, 0);
        Burst burst = burst(gateway, SYNCS);
        int handled = awaitHandled(gateway, distinct, distinct);
        System.out.printf(
            "BENCH webhooks sent=%d distinct=%d handled=%d duplicates_ignored=%d dropped=%d"
                + " accepted=%d p50_ms=%.1f p99_ms=%.1f p99_new_ms=%.1f p99_repeat_ms=%.1f"
                + " send_s=%.2f warmup_send_s=%.2f%n",
            burst.sent(),
            distinct,
            handled,
            burst.duplicates(),
            Math.max(0, distinct - handled) + burst.other(),
            burst.accepted(),
            burst.latencies().percentileMs("post", 50),
            burst.latencies().percentileMs("post", 99),
            burst.latencies().percentileMs("new", 99),
            burst.latencies().percentileMs("repeat", 99),
            burst.seconds(),
            warmUp.seconds());
      }
    }
  }

  /** What one burst of deliveries got back. */
  record Burst(
      int sent, int accepted, int duplicates, int other, Samples latencies, double seconds) {}

  /** Sends the burst of the syncs numbered from {@code firstSync}: 200 events, 800 repeats. */
  private static Burst burst(GatewayProcess gateway, int firstSync) throws Exception {
    List<String> bodies = new ArrayList<>();
    for (int a = 0; a < APPS; a++) {
      for (int s = firstSync; s < firstSync + SYNCS; s++) {
        String body = body("app-" + a, s);
        for (int c = 0; c < COPIES; c++) {
          bodies.add(body);
        }
      }
    }
    Collections.shuffle(bodies, new Random(42));
    // a blocking HttpURLConnection per sender thread, its connection kept alive by the JDK's
    // cache (room for all SENDERS): the JDK's HttpClient spent more of the shared 2 cores on its
    // own selector and futures than the gateway spent answering
    System.setProperty("http.maxConnections", String.valueOf(SENDERS));
    URL url = URI.create(gateway.baseUrl() + "/webhooks/argocd").toURL();
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
      byte[] body = bodies.get(i).getBytes(StandardCharsets.UTF_8);
      sent.add(
          senders.submit(
              () -> {
                LockSupport.parkNanos(due - System.nanoTime());
                int status = post(url, body);
                long took = System.nanoTime() - due;
                latencies.add("post", took);
                latencies.add(status == 202 ? "new" : "repeat", took);
                (status == 202 ? accepted : status == 200 ? duplicates : other).incrementAndGet();
                return null;
              }));
    }
    for (Future<?> f : sent) {
      f.get();
    }
    senders.shutdown();
    double sendSeconds = (System.nanoTime() - start) / 1e9;
    return new Burst(
        bodies.size(), accepted.get(), duplicates.get(), other.get(), latencies, sendSeconds);
  }

  /** One delivery; -1 when the connection failed. */
  private static int post(URL url, byte[] body) {
    try {
      HttpURLConnection http = (HttpURLConnection) url.openConnection();
      http.setConnectTimeout(5_000);
      http.setReadTimeout(30_000);
      http.setRequestMethod("POST");
      http.setDoOutput(true);
      http.setFixedLengthStreamingMode(body.length);
      http.setRequestProperty("Content-Type", "application/json");
      http.setRequestProperty("Authorization", "Bearer " + TOKEN);
      try (OutputStream out = http.getOutputStream()) {
        out.write(body);
      }
      int status = http.getResponseCode();
      // read to the end, so the connection goes back to the cache for the next delivery
      try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
        if (in != null) {
          in.readAllBytes();
        }
      }
      return status;
    } catch (IOException e) {
      return -1;
    }
  }

  /**
   * Waits (bounded) until no delivery is left accepted; returns how many were worked, less the
   * {@code before} an earlier burst had worked.
   */
  private static int awaitHandled(GatewayProcess gateway, int distinct, int before)
      throws Exception {
    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    JsonNode counts = gateway.getJson("/api/webhooks?limit=1").path("counts");
    while (System.nanoTime() < until && counts.path("accepted").asInt() > 0) {
      Thread.sleep(200);
      counts = gateway.getJson("/api/webhooks?limit=1").path("counts");
    }
    int handled =
        counts.path("processed").asInt()
            + counts.path("skipped").asInt()
            + counts.path("failed").asInt()
            - before;
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
