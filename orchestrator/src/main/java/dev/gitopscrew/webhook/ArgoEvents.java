package dev.gitopscrew.webhook;

import dev.gitopscrew.channel.RequestOutcome;
import dev.gitopscrew.channel.RunRequest;
import dev.gitopscrew.channel.pr.MergedRevisions;
import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.ClusterCallException;
import dev.gitopscrew.cluster.ClusterRefusedException;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import dev.gitopscrew.incident.AppStatus;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Alert;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.Verify;
import dev.gitopscrew.roles.work.Origin;
import java.util.Optional;

/**
 * What an Argo CD event leads to, decided on the Application as it is now (a notification is only a
 * hint): a deployment is verified by qa-tester; trouble still there opens an incident, unless one
 * is already open for the application.
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
        MergedRevisions.NONE);
  }

  /**
   * @param merges merged pull requests waiting for their deployment's verification
   */
  public ArgoEvents(
      Optional<? extends Cluster> cluster,
      String missingCluster,
      IncidentLog incidents,
      RunRequest run,
      String argocdNamespace,
      int verifyWaitSeconds,
      MergedRevisions merges) {
    this.merges = merges;
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
    if (ArgoNotification.DEPLOYED.contains(n.event())) {
      if (n.revision() != null && merges.follows(n.revision())) {
        return verifyMerge(new Verify(n.app(), ns, verifyWaitSeconds), n.revision());
      }
      return start(new Verify(n.app(), ns, verifyWaitSeconds));
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
              + ": the notification is out of date");
    }
    return alert(now, n.event(), n.revision(), n.healthMessage());
  }

  /** Opens an incident for an application in trouble, unless one is open for it already. */
  Outcome alert(AppStatus now, String event, String revision, String message)
      throws InterruptedException {
    Optional<Incident> open = incidents.openOf(now.name());
    if (open.isPresent()) {
      return Outcome.skipped(
          "incident #"
              + open.get().id()
              + " is already "
              + open.get().state()
              + " for "
              + now.name());
    }
    return start(new Alert(now.name(), now.namespace(), event, revision, message));
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
