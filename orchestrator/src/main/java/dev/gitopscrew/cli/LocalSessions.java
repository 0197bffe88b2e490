package dev.gitopscrew.cli;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.assembly.ReadModels;
import dev.gitopscrew.audit.AuditTrail;
import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionView;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.StoreSettings;
import dev.gitopscrew.store.StateStore;
import java.util.List;
import java.util.Optional;

/**
 * The crew in this process, on the state directory's store (no gateway is running). Reading
 * sessions, effects and incidents needs only the store; the crew itself (agents, forges, the
 * engine) is built on the first command that runs or decides something.
 */
final class LocalSessions implements Sessions {

  private final CrewContext context;
  private final StateStore store;
  private final ReadModels reads;
  private Crew crew;

  LocalSessions(CrewContext context, java.io.PrintWriter err) {
    this.context = context;
    this.store = StoreSettings.open(context, CrewCli.waitingForStore(err));
    this.reads = ReadModels.on(store);
  }

  private synchronized Crew crew() {
    if (crew == null) {
      crew = Crew.openClient(context, store);
    }
    return crew;
  }

  @Override
  public RequestOutcome ask(String text, Optional<String> agent, boolean approvedUpFront)
      throws InterruptedException {
    return crew().runRequest().runText(text, agent, CLI, Sessions.origin(), true, approvedUpFront);
  }

  @Override
  public RequestOutcome run(Request request, Optional<String> agent, boolean approvedUpFront)
      throws InterruptedException {
    return crew().runRequest().run(request, agent, CLI, Sessions.origin(), true, approvedUpFront);
  }

  @Override
  public RequestOutcome decide(String approvalId, boolean approve, String reason)
      throws InterruptedException {
    return crew()
        .runRequest()
        .decide(approvalId, approve, "cli:" + Sessions.origin().requester(), reason, true);
  }

  @Override
  public Optional<Approval> approvalOf(long rootId) {
    return crew().engine().approvals().ofSession(rootId);
  }

  @Override
  public List<Approval> pendingApprovals() {
    return crew().engine().approvals().pending();
  }

  @Override
  public List<SessionView> list(boolean all) {
    return SessionView.of(reads.sessions().list(all, 50));
  }

  @Override
  public List<SessionView> tree(long id) {
    return reads
        .sessions()
        .find(id)
        .map(s -> SessionView.of(reads.sessions().tree(s.rootId())))
        .orElse(List.of());
  }

  @Override
  public Optional<Integer> cancel(long id) {
    return crew().engine().find(id).map(s -> crew().engine().cancel(id, "cli"));
  }

  @Override
  public Optional<List<AuditRecord>> effects(long id) {
    return trail().ofSession(id);
  }

  @Override
  public List<AuditRecord> latestEffects(int limit) {
    return trail().latest(limit);
  }

  @Override
  public List<Incident> incidents(int limit) {
    return incidentLog().list(limit);
  }

  @Override
  public Optional<Incident> incident(long id) {
    return incidentLog().find(id);
  }

  private AuditTrail trail() {
    return reads.trail();
  }

  private IncidentLog incidentLog() {
    return reads.incidents();
  }

  @Override
  public synchronized void close() {
    if (crew != null) {
      crew.close();
    } else {
      store.close();
    }
  }
}
