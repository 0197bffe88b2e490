package dev.gitopscrew.webhook;

import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import dev.gitopscrew.incident.AppStatus;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The periodic re-read of every Argo CD Application, because notifications get lost: an application
 * in trouble with no open incident gets one, and an open incident whose application is Healthy and
 * Synced again is settled by {@link IncidentRecovery} (resolved; a step parked for an approval
 * withdrawn). Reconciles desired (every troubled app has an incident) with actual, so running it
 * twice changes nothing.
 */
public final class HealthSweep {

  /** What one sweep saw and did. */
  public record Result(int applications, List<String> opened, List<String> resolved, String error) {
    public String describe() {
      return error != null
          ? "sweep failed: " + error
          : "sweep: "
              + applications
              + " applications, incidents started for "
              + opened
              + ", resolved for "
              + resolved;
    }
  }

  private final Optional<? extends Cluster> cluster;
  private final ArgoEvents events;
  private final IncidentLog incidents;
  private final Clock clock;

  public HealthSweep(
      Optional<? extends Cluster> cluster, ArgoEvents events, IncidentLog incidents, Clock clock) {
    this.cluster = cluster;
    this.events = events;
    this.incidents = incidents;
    this.clock = clock;
  }

  public Result sweep() throws InterruptedException {
    if (cluster.isEmpty()) {
      return new Result(0, List.of(), List.of(), "no cluster configured");
    }
    List<KubeObject> apps;
    try {
      apps = cluster.get().list(ResourceType.APPLICATION, null);
    } catch (RuntimeException e) {
      return new Result(0, List.of(), List.of(), e.getMessage());
    }
    List<String> opened = new ArrayList<>();
    List<String> resolved = new ArrayList<>();
    for (KubeObject object : apps) {
      AppStatus app = AppStatus.of(object);
      Optional<Incident> open = incidents.openOf(app.name());
      if (ArgoEvents.inTrouble(app)) {
        if (open.isEmpty()) {
          ArgoEvents.Outcome outcome =
              events.alert(
                  app,
                  "sweep",
                  null,
                  "found by the health sweep: "
                      + app.health()
                      + (app.healthMessage().isEmpty() ? "" : " (" + app.healthMessage() + ")"));
          if (outcome.sessionId() != null) {
            opened.add(app.name());
          }
        }
      } else if (open.isPresent()
          && app.health().equals("Healthy")
          && app.sync().equals("Synced")
          && events
              .recovery()
              .recovered(app, open.get(), "the sweep of " + clock.instant())
              .isPresent()) {
        resolved.add(app.name());
      }
    }
    return new Result(apps.size(), opened, resolved, null);
  }
}
