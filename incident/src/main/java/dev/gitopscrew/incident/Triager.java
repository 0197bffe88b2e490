package dev.gitopscrew.incident;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with an Argo CD application: its health and sync, its unhealthy pods by the
 * patterns on-call people recognise, stuck rollouts, recent warning events, and the previous
 * container's log of a crashing pod.
 */
public final class Triager {

  static final Duration EVENT_WINDOW = Duration.ofHours(1);
  static final int LOG_LINES = 20;

  private final Cluster cluster;

  public Triager(Cluster cluster) {
    this.cluster = cluster;
  }

  /** The report; {@code now} bounds which events are recent. */
  public TriageReport triage(String app, String appNamespace, Instant now) {
    AppStatus status = AppStatus.read(cluster, app, appNamespace);
    List<Finding> findings = new ArrayList<>();
    String where = "application/" + app;
    if (!status.health().equals("Healthy")) {
      findings.add(
          new Finding(
              "app-" + status.health().toLowerCase(java.util.Locale.ROOT),
              where,
              "health "
                  + status.health()
                  + (status.healthMessage().isEmpty() ? "" : ": " + status.healthMessage()),
              ""));
    }
    if (status.operationPhase().equals("Failed") || status.operationPhase().equals("Error")) {
      findings.add(
          new Finding(
              "sync-failed",
              where,
              "the last sync "
                  + status.operationPhase().toLowerCase(java.util.Locale.ROOT)
                  + ": "
                  + status.operationMessage(),
              "a manifest the API server rejects, or a hook that failed"));
    }
    String ns = status.destinationNamespace();
    for (KubeObject pod : cluster.list(ResourceType.POD, ns)) {
      pods(pod, findings);
    }
    for (KubeObject deployment : cluster.list(ResourceType.DEPLOYMENT, ns)) {
      for (JsonNode c : deployment.body().at("/status/conditions")) {
        if (c.path("reason").asText().equals("ProgressDeadlineExceeded")) {
          findings.add(
              new Finding(
                  "progress-deadline",
                  "deployment/" + deployment.name() + " in " + ns,
                  c.path("message").asText(),
                  "new pods never became ready; see the pod findings"));
        }
      }
    }
    for (KubeObject event : cluster.list(ResourceType.EVENT, ns)) {
      JsonNode e = event.body();
      String last = e.path("lastTimestamp").asText(e.path("eventTime").asText(""));
      if (e.path("type").asText().equals("Warning") && recent(last, now)) {
        findings.add(
            new Finding(
                "warning-event",
                e.at("/involvedObject/kind").asText().toLowerCase(java.util.Locale.ROOT)
                    + "/"
                    + e.at("/involvedObject/name").asText()
                    + " in "
                    + ns,
                e.path("reason").asText()
                    + " (x"
                    + e.path("count").asInt(1)
                    + "): "
                    + e.path("message").asText(),
                ""));
      }
    }
    return new TriageReport(status, findings, List.of());
  }

  private void pods(KubeObject pod, List<Finding> findings) {
    JsonNode b = pod.body();
    String where = "pod/" + pod.name() + " in " + pod.namespace();
    if (b.at("/status/phase").asText().equals("Pending")) {
      for (JsonNode c : b.at("/status/conditions")) {
        if (c.path("type").asText().equals("PodScheduled")
            && c.path("reason").asText().equals("Unschedulable")) {
          findings.add(
              new Finding(
                  "unschedulable",
                  where,
                  c.path("message").asText(),
                  "requests larger than any node has free, or a node selector or taint nothing matches"));
        }
      }
    }
    for (JsonNode s : b.at("/status/containerStatuses")) {
      String container = s.path("name").asText();
      String waiting = s.at("/state/waiting/reason").asText("");
      String waitingMessage = s.at("/state/waiting/message").asText("");
      String lastReason = s.at("/lastState/terminated/reason").asText("");
      if (lastReason.equals("OOMKilled")
          || s.at("/state/terminated/reason").asText().equals("OOMKilled")) {
        findings.add(
            new Finding(
                "oom-killed",
                where,
                "container "
                    + container
                    + " was OOMKilled (restarts "
                    + s.path("restartCount").asInt()
                    + ")",
                "its memory limit is below what it needs: raise resources.limits.memory"));
      } else if (waiting.equals("CrashLoopBackOff")) {
        String exit = s.at("/lastState/terminated/exitCode").asText("?");
        findings.add(
            new Finding(
                "crash-loop",
                where,
                "container "
                    + container
                    + " is in CrashLoopBackOff (exit code "
                    + exit
                    + ", restarts "
                    + s.path("restartCount").asInt()
                    + ")"
                    + previousLog(pod, container),
                "the process fails at start: a bad config, a missing dependency or a bad image"));
      }
      if (waiting.equals("ImagePullBackOff") || waiting.equals("ErrImagePull")) {
        findings.add(
            new Finding(
                "image-pull",
                where,
                "container "
                    + container
                    + " cannot pull "
                    + s.path("image").asText()
                    + ": "
                    + waitingMessage,
                "the tag does not exist or the registry needs credentials"));
      }
      if (waiting.equals("CreateContainerConfigError")) {
        findings.add(
            new Finding(
                "config-error",
                where,
                "container " + container + ": " + waitingMessage,
                "a Secret or ConfigMap (or a key of one) it refers to is missing; is its ExternalSecret synced?"));
      }
    }
  }

  private String previousLog(KubeObject pod, String container) {
    try {
      String log = cluster.log(pod.namespace(), pod.name(), container, true, LOG_LINES);
      return log == null || log.isBlank() ? "" : "; its last log lines:\n" + log.strip();
    } catch (RuntimeException e) {
      return "; the previous log could not be read (" + e.getMessage() + ")";
    }
  }

  private static boolean recent(String timestamp, Instant now) {
    try {
      return !Instant.parse(timestamp).isBefore(now.minus(EVENT_WINDOW));
    } catch (RuntimeException e) {
      return false;
    }
  }
}
