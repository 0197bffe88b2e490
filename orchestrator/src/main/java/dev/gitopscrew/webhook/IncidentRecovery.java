package dev.gitopscrew.webhook;

import dev.gitopscrew.incident.AppStatus;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionEngine;
import java.util.Optional;

/**
 * What becomes of an open incident whose application is Healthy and Synced again, whoever noticed
 * (the sweep, or a later Argo CD notification): a runbook step parked for an approval is withdrawn
 * (the approval ends denied by the crew, so a later click is a no-op that says why) and the
 * incident resolved with a note; a response still running is left to its own verification; an
 * incident nobody works on is resolved.
 */
public final class IncidentRecovery {

  static final String BY = "gitops-crew";
  static final String WITHDRAWN = "application recovered by itself; step withdrawn";

  private final IncidentLog incidents;
  private final Optional<SessionEngine> engine;

  /**
   * @param engine where the parked steps and their approvals are; empty: none is ever withdrawn
   */
  public IncidentRecovery(IncidentLog incidents, Optional<SessionEngine> engine) {
    this.incidents = incidents;
    this.engine = engine;
  }

  /** No approvals to withdraw: recovered incidents are only resolved. */
  static IncidentRecovery resolveOnly(IncidentLog incidents) {
    return new IncidentRecovery(incidents, Optional.empty());
  }

  /**
   * Settles {@code open} for {@code app}, now Healthy and Synced; says what it did, or empty when
   * the incident's response is still running.
   *
   * @param seenBy who saw it healthy, for the incident's summary ("the sweep of …")
   */
  public Optional<String> recovered(AppStatus app, Incident open, String seenBy) {
    Optional<Approval> parked = parkedStep(open);
    if (parked.isPresent()) {
      SessionEngine.Decision decision =
          engine.orElseThrow().deny(parked.get().id(), BY, "withdrawn: " + WITHDRAWN);
      if (decision instanceof SessionEngine.Decision.Denied) {
        incidents.note(
            open.id(),
            app.name()
                + " Healthy and Synced at "
                + seenBy
                + ": "
                + WITHDRAWN
                + " (approval "
                + parked.get().id()
                + ")");
        incidents.update(open.id(), null, "resolved", WITHDRAWN, null, null, null, null);
        return Optional.of("incident #" + open.id() + " " + app.name() + ": " + WITHDRAWN);
      }
      // a person decided first: an approved step runs and verifies on its own
    }
    if (incidents.responding(open.id())) {
      return Optional.empty();
    }
    incidents.update(
        open.id(), null, "resolved", "Healthy and Synced at " + seenBy, null, null, null, null);
    return Optional.of("incident #" + open.id() + " " + app.name() + ": resolved");
  }

  private Optional<Approval> parkedStep(Incident open) {
    if (engine.isEmpty() || open.requestId() == null) {
      return Optional.empty();
    }
    return engine
        .get()
        .approvals()
        .ofSession(open.requestId())
        .filter(a -> a.state().equals(Approval.PENDING));
  }
}
