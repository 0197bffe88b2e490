package dev.gitopscrew.incident;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import java.util.ArrayList;
import java.util.List;

/** An Argo CD Application as triage and verification read it. */
public record AppStatus(
    String name,
    String namespace,
    String health,
    String healthMessage,
    String sync,
    String destinationNamespace,
    String repoUrl,
    String path,
    String operationPhase,
    String operationMessage,
    String finishedAt,
    List<Managed> resources) {

  /** A resource the Application manages, with the health Argo CD gives it. */
  public record Managed(String group, String kind, String namespace, String name, String health) {}

  /** The Application {@code app} in {@code appNamespace}, read from the cluster; it must exist. */
  public static AppStatus read(Cluster cluster, String app, String appNamespace) {
    return of(
        cluster
            .get(ResourceType.APPLICATION, appNamespace, app)
            .orElseThrow(
                () ->
                    new IncidentException(
                        "no Argo CD Application " + app + " in " + appNamespace)));
  }

  public static AppStatus of(KubeObject app) {
    JsonNode b = app.body();
    List<Managed> managed = new ArrayList<>();
    for (JsonNode r : b.at("/status/resources")) {
      managed.add(
          new Managed(
              r.path("group").asText(""),
              r.path("kind").asText(""),
              r.path("namespace").asText(""),
              r.path("name").asText(""),
              r.at("/health/status").asText("")));
    }
    String source = b.at("/spec/source").isMissingNode() ? "/spec/sources/0" : "/spec/source";
    return new AppStatus(
        app.name(),
        app.namespace(),
        b.at("/status/health/status").asText("Unknown"),
        b.at("/status/health/message").asText(""),
        b.at("/status/sync/status").asText("Unknown"),
        b.at("/spec/destination/namespace").asText(app.namespace()),
        b.at(source + "/repoURL").asText(""),
        b.at(source + "/path").asText(""),
        b.at("/status/operationState/phase").asText(""),
        b.at("/status/operationState/message").asText(""),
        b.at("/status/operationState/finishedAt").asText(""),
        managed);
  }
}
