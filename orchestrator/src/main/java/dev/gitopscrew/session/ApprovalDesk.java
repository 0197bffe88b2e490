package dev.gitopscrew.session;

import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.work.AwaitingApproval;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult.Cancelled;
import dev.gitopscrew.roles.work.SessionResult.Failed;
import dev.gitopscrew.roles.work.SessionResult.TimedOut;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.session.SessionEngine.Decision;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Parks a request's root until a person decides, and carries out the decision: an approved root
 * runs again from its stored request, a denied one ends {@code cancelled}, and one nobody decides
 * in time ends {@code timed_out}. Approvals live in the store, so a parked request survives a
 * restart and a decision recorded by another replica is carried out by the leader.
 */
public final class ApprovalDesk {

  private static final System.Logger LOG = System.getLogger(ApprovalDesk.class.getName());

  private final SessionRunner runner;
  private final JdbcSessionRepository repository;
  private final Approvals approvals;
  private final SessionLimits limits;

  public ApprovalDesk(
      SessionRunner runner,
      JdbcSessionRepository repository,
      Approvals approvals,
      SessionLimits limits) {
    this.runner = runner;
    this.repository = repository;
    this.approvals = approvals;
    this.limits = limits;
  }

  /** The approvals store, for listing and deciding. */
  Approvals approvals() {
    return approvals;
  }

  /**
   * Parks a root until a person decides: it keeps no worker and no slot, its children have ended,
   * and it survives a restart in the store. Whoever waits for it is told it is parked.
   */
  void park(LiveSession s, AwaitingApproval wait) {
    if (runner.halted() || !s.beginEnding()) {
      return;
    }
    Instant now = Instant.now();
    Approval approval =
        new Approval(
            Approval.newId(),
            s.id,
            s.task().request().describe(),
            wait.reason(),
            wait.preview(),
            Approval.PENDING,
            now,
            now.plus(limits.approvalTimeout()),
            null,
            null,
            null);
    boolean parked;
    try {
      parked = StoreGuard.call(() -> repository.park(s.id, approval));
    } catch (RuntimeException e) {
      s.abortEnding();
      runner.end(s, new Failed("cannot wait for an approval: " + e.getMessage()));
      return;
    }
    runner.parked(s);
    if (parked) {
      LOG.log(
          System.Logger.Level.INFO,
          "session {0} waits for approval {1}: {2}",
          s.id,
          approval.id(),
          wait.reason());
    }
    runner.dispatch();
  }

  /**
   * Records a decision; an approved root is resumed here when this process {@code leading}, else
   * the leader finds the decision in the store and resumes it.
   */
  Decision decide(String approvalId, String state, String by, String note, boolean leading) {
    Optional<Approval> found = StoreGuard.call(() -> approvals.find(approvalId));
    if (found.isEmpty()) {
      return new Decision.Unchanged("no approval " + approvalId);
    }
    Approval approval = found.get();
    if (!StoreGuard.call(() -> approvals.decide(approvalId, state, by, note, Instant.now()))) {
      Approval now = StoreGuard.call(() -> approvals.find(approvalId)).orElse(approval);
      return new Decision.Unchanged(
          "approval "
              + approvalId
              + " was already "
              + now.state()
              + (now.decidedBy() == null ? "" : " by " + now.decidedBy())
              + (now.decidedAt() == null ? "" : " at " + now.decidedAt())
              + (now.note() == null || now.note().isBlank() ? "" : " (" + now.note() + ")"));
    }
    if (state.equals(Approval.APPROVED)) {
      if (leading) {
        resumeParked(approval.sessionId(), by);
      }
      return new Decision.Resumed(approval.sessionId());
    }
    String why = "denied by " + by + (note == null || note.isBlank() ? "" : ": " + note);
    StoreGuard.call(() -> repository.end(approval.sessionId(), new Cancelled(why), Instant.now()));
    return new Decision.Denied(approval.sessionId());
  }

  /** Resumes every root approved while no leader ran it (decided elsewhere, or before a stop). */
  void resumeApprovedButParked() {
    for (Approval approved : approvals.approvedButParked()) {
      resumeParked(approved.sessionId(), approved.decidedBy());
    }
  }

  /** Rebuilds a parked root from the store and starts it again, approved by {@code by}. */
  private void resumeParked(long id, String by) {
    Optional<SessionRecord> record = repository.find(id);
    Optional<String> json = repository.requestJson(id);
    if (record.isEmpty() || json.isEmpty() || runner.stopped()) {
      return;
    }
    SessionRecord r = record.get();
    Task task = new Task(r.agent(), RequestJson.read(json.get()), null, by);
    Instant now = Instant.now();
    Duration timeout = limits.runTimeout();
    LiveSession s =
        new LiveSession(
            null, 0, task, new Origin(r.channel(), r.requester()), timeout, now.plus(timeout));
    s.id = id;
    Slots.Admission admission = runner.slots.admit(s);
    boolean running = admission == Slots.Admitted.RUN;
    if (admission instanceof Slots.Rejected rejected) {
      repository.end(id, new Failed("cannot resume after approval: " + rejected.reason()), now);
      return;
    }
    String state = running ? JdbcSessionRepository.RUNNING : JdbcSessionRepository.QUEUED;
    synchronized (runner.roots()) {
      if (!StoreGuard.call(() -> repository.resume(id, state, s.deadline(), now))) {
        runner.slots.withdraw(s, running);
        return;
      }
      runner.makeLive(s);
    }
    runner.launch(s, admission, false, timeout);
  }

  /** Parked requests nobody approved in time end {@code timed_out}. */
  void expireApprovals(Instant now) {
    for (Approval a : approvals.expired(now)) {
      if (approvals.decide(a.id(), Approval.EXPIRED, "nobody", "not decided in time", now)) {
        repository.end(a.sessionId(), new TimedOut(limits.approvalTimeout()), now);
      }
    }
  }
}
