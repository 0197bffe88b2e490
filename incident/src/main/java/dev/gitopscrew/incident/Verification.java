package dev.gitopscrew.incident;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether an application is really up after a sync or a rollback: Synced and Healthy, its rollouts
 * complete by the rule {@code kubectl rollout status} uses, its pods ready, its ExternalSecrets
 * Ready, its health URLs answering, and no new warning events.
 */
public final class Verification {

  /** One check and what it saw. */
  public record Check(String name, boolean ok, String detail) {
    public String describe() {
      return (ok ? "ok   " : "FAIL ") + name + ": " + detail;
    }
  }

  /** A health URL to ask during verification. */
  public record Endpoint(String name, String url) {}

  private final Cluster cluster;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public Verification(Cluster cluster) {
    this.cluster = cluster;
  }

  /**
   * @param since warning events older than this are not new (the sync's end, or a default window)
   */
  public List<Check> verify(
      String app, String appNamespace, Instant since, List<Endpoint> endpoints) {
    AppStatus status = AppStatus.read(cluster, app, appNamespace);
    List<Check> checks = new ArrayList<>();
    checks.add(new Check("synced", status.sync().equals("Synced"), "sync " + status.sync()));
    checks.add(
        new Check(
            "healthy",
            status.health().equals("Healthy"),
            "health "
                + status.health()
                + (status.healthMessage().isEmpty() ? "" : ": " + status.healthMessage())));
    for (AppStatus.Managed r : status.resources()) {
      String ns = r.namespace().isEmpty() ? status.destinationNamespace() : r.namespace();
      switch (r.kind()) {
        case "Deployment" ->
            cluster
                .get(ResourceType.DEPLOYMENT, ns, r.name())
                .ifPresent(d -> checks.add(rollout(d)));
        case "StatefulSet" ->
            cluster
                .get(ResourceType.STATEFULSET, ns, r.name())
                .ifPresent(s -> checks.add(statefulSet(s)));
        case "ExternalSecret" ->
            cluster
                .get(ResourceType.EXTERNAL_SECRET, ns, r.name())
                .ifPresent(e -> checks.add(externalSecret(e)));
        default -> {}
      }
    }
    checks.add(pods(status.destinationNamespace()));
    for (Endpoint endpoint : endpoints) {
      checks.add(url(endpoint));
    }
    checks.add(events(status.destinationNamespace(), since));
    return checks;
  }

  /** The rule of {@code kubectl rollout status deployment}. */
  static Check rollout(KubeObject d) {
    JsonNode b = d.body();
    String name = "rollout deployment/" + d.name();
    for (JsonNode c : b.at("/status/conditions")) {
      if (c.path("type").asText().equals("Progressing")
          && c.path("reason").asText().equals("ProgressDeadlineExceeded")) {
        return new Check(
            name, false, "exceeded its progress deadline: " + c.path("message").asText());
      }
    }
    long generation = b.at("/metadata/generation").asLong(0);
    long observed = b.at("/status/observedGeneration").asLong(0);
    int wanted = b.at("/spec/replicas").asInt(1);
    int updated = b.at("/status/updatedReplicas").asInt(0);
    int replicas = b.at("/status/replicas").asInt(0);
    int available = b.at("/status/availableReplicas").asInt(0);
    if (observed < generation) {
      return new Check(name, false, "waiting for the controller to see generation " + generation);
    }
    if (updated < wanted) {
      return new Check(name, false, updated + " of " + wanted + " new replicas have been updated");
    }
    if (replicas > updated) {
      return new Check(name, false, (replicas - updated) + " old replicas are pending termination");
    }
    if (available < updated) {
      return new Check(
          name, false, available + " of " + updated + " updated replicas are available");
    }
    return new Check(name, true, "successfully rolled out (" + available + "/" + wanted + ")");
  }

  /** The rule of {@code kubectl rollout status statefulset} for rolling updates. */
  static Check statefulSet(KubeObject s) {
    JsonNode b = s.body();
    String name = "rollout statefulset/" + s.name();
    int wanted = b.at("/spec/replicas").asInt(1);
    if (b.at("/status/observedGeneration").asLong(0) < b.at("/metadata/generation").asLong(0)) {
      return new Check(name, false, "waiting for the controller to see the new spec");
    }
    int ready = b.at("/status/readyReplicas").asInt(0);
    if (ready < wanted) {
      return new Check(name, false, ready + " of " + wanted + " pods are ready");
    }
    String current = b.at("/status/currentRevision").asText("");
    String update = b.at("/status/updateRevision").asText("");
    if (!update.isEmpty() && !update.equals(current)) {
      return new Check(name, false, "pods are still being updated to revision " + update);
    }
    return new Check(name, true, "rolling update complete (" + ready + "/" + wanted + ")");
  }

  static Check externalSecret(KubeObject e) {
    for (JsonNode c : e.body().at("/status/conditions")) {
      if (c.path("type").asText().equals("Ready")) {
        boolean ready = c.path("status").asText().equals("True");
        return new Check(
            "externalsecret/" + e.name(),
            ready,
            ready
                ? "Ready, refreshed " + e.text("/status/refreshTime")
                : c.path("message").asText("not ready"));
      }
    }
    return new Check("externalsecret/" + e.name(), false, "no Ready condition yet");
  }

  private Check pods(String namespace) {
    List<String> unready = new ArrayList<>();
    int total = 0;
    for (KubeObject pod : cluster.list(ResourceType.POD, namespace)) {
      if (pod.text("/status/phase").equals("Succeeded")) {
        continue;
      }
      total++;
      boolean ready = false;
      for (JsonNode c : pod.body().at("/status/conditions")) {
        if (c.path("type").asText().equals("Ready") && c.path("status").asText().equals("True")) {
          ready = true;
        }
      }
      if (!ready) {
        unready.add(pod.name() + " (" + pod.text("/status/phase") + ")");
      }
    }
    return unready.isEmpty()
        ? new Check("pods ready", true, total + " of " + total + " in " + namespace)
        : new Check(
            "pods ready", false, "not ready in " + namespace + ": " + String.join(", ", unready));
  }

  private Check url(Endpoint endpoint) {
    String name = "health url " + endpoint.name();
    try {
      HttpResponse<Void> response =
          http.send(
              HttpRequest.newBuilder(URI.create(endpoint.url()))
                  .timeout(Duration.ofSeconds(10))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding());
      boolean ok = response.statusCode() < 400;
      return new Check(name, ok, endpoint.url() + " answered " + response.statusCode());
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      return new Check(
          name, false, endpoint.url() + " did not answer: " + e.getClass().getSimpleName());
    }
  }

  private Check events(String namespace, Instant since) {
    List<String> warnings = new ArrayList<>();
    for (KubeObject event : cluster.list(ResourceType.EVENT, namespace)) {
      JsonNode e = event.body();
      String last = e.path("lastTimestamp").asText(e.path("eventTime").asText(""));
      if (e.path("type").asText().equals("Warning") && after(last, since)) {
        warnings.add(
            e.path("reason").asText()
                + " on "
                + e.at("/involvedObject/kind").asText().toLowerCase(Locale.ROOT)
                + "/"
                + e.at("/involvedObject/name").asText());
      }
    }
    return warnings.isEmpty()
        ? new Check("no new warnings", true, "none in " + namespace + " since " + since)
        : new Check("no new warnings", false, String.join("; ", warnings));
  }

  private static boolean after(String timestamp, Instant since) {
    try {
      return Instant.parse(timestamp).isAfter(since);
    } catch (RuntimeException e) {
      return false;
    }
  }
}
