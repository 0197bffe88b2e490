package dev.gitopscrew.cli;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.channel.RequestOutcome;
import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.runtime.CrewContext;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionView;
import java.util.List;
import java.util.Optional;

/** The crew in this process, on the state directory's store (no gateway is running). */
final class LocalSessions implements Sessions {

  private final Crew crew;

  LocalSessions(CrewContext context, java.io.PrintWriter err) {
    this.crew = Crew.openClient(context, CrewCli.waitingForStore(err));
  }

  @Override
  public RequestOutcome ask(String text, Optional<String> agent, boolean approvedUpFront)
      throws InterruptedException {
    return crew.runRequest().runText(text, agent, CLI, Sessions.origin(), true, approvedUpFront);
  }

  @Override
  public RequestOutcome run(Request request, Optional<String> agent, boolean approvedUpFront)
      throws InterruptedException {
    return crew.runRequest().run(request, agent, CLI, Sessions.origin(), true, approvedUpFront);
  }

  @Override
  public RequestOutcome decide(String approvalId, boolean approve, String reason)
      throws InterruptedException {
    return crew.runRequest()
        .decide(approvalId, approve, "cli:" + Sessions.origin().requester(), reason, true);
  }

  @Override
  public Optional<Approval> approvalOf(long rootId) {
    return crew.engine().approvals().ofSession(rootId);
  }

  @Override
  public List<Approval> pendingApprovals() {
    return crew.engine().approvals().pending();
  }

  @Override
  public List<SessionView> list(boolean all) {
    return SessionView.of(crew.engine().list(all, 50));
  }

  @Override
  public List<SessionView> tree(long id) {
    return crew.engine()
        .find(id)
        .map(s -> SessionView.of(crew.engine().tree(s.rootId())))
        .orElse(List.of());
  }

  @Override
  public Optional<Integer> cancel(long id) {
    return crew.engine().find(id).map(s -> crew.engine().cancel(id, "cli"));
  }

  @Override
  public Optional<List<AuditRecord>> effects(long id) {
    return crew.trail().ofSession(id);
  }

  @Override
  public List<AuditRecord> latestEffects(int limit) {
    return crew.trail().latest(limit);
  }

  @Override
  public List<Incident> incidents(int limit) {
    return crew.incidentLog().list(limit);
  }

  @Override
  public Optional<Incident> incident(long id) {
    return crew.incidentLog().find(id);
  }

  @Override
  public void close() {
    crew.close();
  }
}
