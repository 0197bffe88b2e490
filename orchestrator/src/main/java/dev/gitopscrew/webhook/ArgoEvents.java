package dev.gitopscrew.webhook;

import dev.gitopscrew.channel.FollowAlert;
import dev.gitopscrew.channel.pr.MergedRevisions;
import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.ClusterCallException;
import dev.gitopscrew.cluster.ClusterRefusedException;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import dev.gitopscrew.incident.AppStatus;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Alert;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.Verify;
import dev.gitopscrew.roles.work.Origin;
import java.util.Optional;

/**
 * What an Argo CD event leads to, decided on the Application as it is now (a notification is only a
 * hint): a deployment is verified by qa-tester; trouble still there opens an incident, unless one
 * is already open for the application (an alert for an incident whose response is at work joins it:
 * one runbook run per incident at a time); an application Healthy and Synced again settles its open
 * incident ({@link IncidentRecovery}).
 */
public final class ArgoEvents {

  /** What became of one event. */
  public record Outcome(String state, Long sessionId, String note) {
    static Outcome skipped(String note) {
      return new Outcome("skipped", null, note);
    }

    static Outcome failed(String note) {
      return new Outcome("failed", null, note);
    }
  }

  static final Origin ORIGIN = new Origin("argocd", "argocd-notifications");
  private static final ChannelScope SCOPE = ChannelScope.unrestricted("argocd");

  private final Optional<? extends Cluster> cluster;
  private final String missingCluster;
  private final IncidentLog incidents;
  private final RunRequest run;
  private final String argocdNamespace;
  private final int verifyWaitSeconds;
  private final MergedRevisions merges;
  private final FollowAlert alerts;
  private final IncidentRecovery recovery;

  /**
   * @param cluster the guarded cluster the Application is re-read from
   * @param missingCluster what to do when no cluster is configured
   */
  public ArgoEvents(
      Optional<? extends Cluster> cluster,
      String missingCluster,
      IncidentLog incidents,
      RunRequest run,
      String argocdNamespace,
      int verifyWaitSeconds) {
    this(
        cluster,
        missingCluster,
        incidents,
        run,
        argocdNamespace,
        verifyWaitSeconds,
        MergedRevisions.NONE,
        FollowAlert.NONE,
        IncidentRecovery.resolveOnly(incidents));
  }

  /**
   * @param merges merged pull requests waiting for their deployment's verification
   * @param alerts where an incident's response is followed in chat (#alerts, or a webhook)
   * @param recovery what becomes of an open incident whose application is healthy again
   */
  public ArgoEvents(
      Optional<? extends Cluster> cluster,
      String missingCluster,
      IncidentLog incidents,
      RunRequest run,
      String argocdNamespace,
      int verifyWaitSeconds,
      MergedRevisions merges,
      FollowAlert alerts,
      IncidentRecovery recovery) {
    this.recovery = recovery;
    this.merges = merges;
    this.alerts = alerts;
    this.cluster = cluster;
    this.missingCluster = missingCluster;
    this.incidents = incidents;
    this.run = run;
    this.argocdNamespace = argocdNamespace;
    this.verifyWaitSeconds = verifyWaitSeconds;
  }

  public String argocdNamespace() {
    return argocdNamespace;
  }

  IncidentRecovery recovery() {
    return recovery;
  }

  /** Re-reads the Application and starts what the event calls for. */
  public Outcome handle(ArgoNotification n) throws InterruptedException {
    if (cluster.isEmpty()) {
      return Outcome.failed("the Application cannot be re-read: " + missingCluster);
    }
    String ns = n.namespaceOr(argocdNamespace);
    Optional<KubeObject> app;
    try {
      app = cluster.get().get(ResourceType.APPLICATION, ns, n.app());
    } catch (ClusterRefusedException | ClusterCallException e) {
      return Outcome.failed("re-reading application " + ns + "/" + n.app() + ": " + e.getMessage());
    }
    if (app.isEmpty()) {
      return Outcome.skipped("no Application " + n.app() + " in " + ns + " when read again");
    }
    AppStatus now = AppStatus.of(app.get());
    Optional<String> settled = settle(now, n.event());
    if (ArgoNotification.DEPLOYED.contains(n.event())) {
      Outcome verified =
          n.revision() != null && merges.follows(n.revision())
              ? verifyMerge(new Verify(n.app(), ns, verifyWaitSeconds), n.revision())
              : start(new Verify(n.app(), ns, verifyWaitSeconds));
      return settled
          .map(s -> new Outcome(verified.state(), verified.sessionId(), verified.note() + "; " + s))
          .orElse(verified);
    }
    if (!inTrouble(now)) {
      return Outcome.skipped(
          "read again, "
              + n.app()
              + " is "
              + now.health()
              + " and "
              + now.sync()
              + (now.operationPhase().isEmpty() ? "" : " (last sync " + now.operationPhase() + ")")
              + ": the notification is out of date"
              + settled.map(s -> "; " + s).orElse(""));
    }
    return alert(now, n.event(), n.revision(), n.healthMessage());
  }

  /** An open incident of an application Healthy and Synced again is settled. */
  private Optional<String> settle(AppStatus now, String event) {
    if (!now.health().equals("Healthy") || !now.sync().equals("Synced")) {
      return Optional.empty();
    }
    return incidents
        .openOf(now.name())
        .flatMap(open -> recovery.recovered(now, open, "an " + event + " notification"));
  }

  /**
   * Opens an incident for an application in trouble, unless one is open for it already. The
   * incident is opened as its response is submitted, so an alert that follows while the response is
   * still queued finds it and joins it instead of starting a second run.
   */
  synchronized Outcome alert(AppStatus now, String event, String revision, String message)
      throws InterruptedException {
    Optional<Incident> open = incidents.openOf(now.name());
    if (open.isPresent() && incidents.responding(open.get().id())) {
      String joined =
          event
              + (revision == null ? "" : " at " + revision)
              + " joined incident #"
              + open.get().id()
              + " of "
              + now.name()
              + ": its response, request #"
              + open.get().requestId()
              + ", is still at work";
      incidents.note(open.get().id(), "alert " + joined);
      return Outcome.skipped(joined);
    }
    if (open.isPresent()) {
      return Outcome.skipped(
          "incident #"
              + open.get().id()
              + " is already "
              + open.get().state()
              + " for "
              + now.name());
    }
    Outcome outcome = start(new Alert(now.name(), now.namespace(), event, revision, message));
    if (outcome.sessionId() != null) {
      incidents.openFor(now.name(), now.namespace(), event, outcome.sessionId());
      alerts.follow(outcome.sessionId());
    }
    return outcome;
  }

  /** Degraded or Missing, or the last sync failed. */
  static boolean inTrouble(AppStatus app) {
    return app.health().equals("Degraded")
        || app.health().equals("Missing")
        || app.operationPhase().equals("Failed")
        || app.operationPhase().equals("Error");
  }

  /** The deployment of a followed merge: verified to the end, the result told to the PR. */
  private Outcome verifyMerge(Verify verify, String revision) throws InterruptedException {
    RequestOutcome outcome = run.run(verify, Optional.empty(), SCOPE, ORIGIN, true);
    merges.verified(revision, verify.application(), outcome);
    if (outcome instanceof RequestOutcome.Ran ran) {
      return new Outcome(
          "processed",
          ran.rootId(),
          verify.describe() + " (" + ran.root().state() + "), reported on the merged pull request");
    }
    return Outcome.failed(verify.describe() + ": not run");
  }

  private Outcome start(Request request) throws InterruptedException {
    RequestOutcome outcome = run.run(request, Optional.empty(), SCOPE, ORIGIN, false);
    if (outcome instanceof RequestOutcome.Ran ran) {
      return new Outcome("processed", ran.rootId(), request.describe());
    }
    String reason =
        outcome instanceof RequestOutcome.Refused r
            ? r.reason()
            : ((RequestOutcome.Invalid) outcome).reason();
    return Outcome.failed(request.describe() + ": " + reason);
  }
}
