package dev.gitopscrew.cli;

import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionView;
import java.util.List;
import java.util.Optional;

/**
 * What the request and session commands need, either from the gateway running on the state
 * directory or, when none runs, from the crew built in this process.
 */
interface Sessions extends AutoCloseable {

  /** Free text, parsed into a typed request where it enters. */
  RequestOutcome ask(String text, Optional<String> agent, boolean approvedUpFront) throws Exception;

  /** A request typed by a command's options. */
  RequestOutcome run(Request request, Optional<String> agent, boolean approvedUpFront)
      throws Exception;

  /** Approves or denies a parked request; approving waits for it to finish. */
  RequestOutcome decide(String approvalId, boolean approve, String reason) throws Exception;

  /** The approval a request's root waits for, if it does. */
  Optional<Approval> approvalOf(long rootId);

  /** Every approval nobody has decided yet. */
  List<Approval> pendingApprovals();

  List<SessionView> list(boolean all);

  /** The tree of the session's root, root first; empty when there is no such session. */
  List<SessionView> tree(long id);

  /** How many sessions cancelling {@code id} ended; empty when there is no such session. */
  Optional<Integer> cancel(long id);

  /** The effects of a session and its subtree; empty when there is no such session. */
  Optional<List<AuditRecord>> effects(long id);

  /** The newest effects of every session. */
  List<AuditRecord> latestEffects(int limit);

  /** The newest incidents. */
  List<Incident> incidents(int limit);

  Optional<Incident> incident(long id);

  @Override
  void close();

  ChannelScope CLI = ChannelScope.unrestricted("the command line");

  /** Requests from this process: channel {@code cli}, the operating-system user. */
  static Origin origin() {
    return new Origin(Origin.COMMAND_LINE, System.getProperty("user.name", "unknown"));
  }
}
