package dev.gitopscrew.cli;

import dev.gitopscrew.session.Approval;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crew approve ID [--deny [--reason TEXT]]}: decide a parked request; {@code crew approve}
 * alone lists what waits.
 */
@Command(
    name = "approve",
    mixinStandardHelpOptions = true,
    description = {
      "Approve (or deny) a request that waits for an approval; without an ID, list what waits.",
      "Approving runs the request and prints its outcome; a second decision changes nothing."
    })
final class ApproveCommand extends RequestCommand {

  @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "the approval id")
  String id;

  @Option(names = "--deny", description = "deny instead: the request ends cancelled")
  boolean deny;

  @Option(names = "--reason", paramLabel = "TEXT", description = "why, recorded with a denial")
  String reason;

  @Override
  boolean cancelledIsDone() {
    return deny;
  }

  @Override
  public Integer call() throws Exception {
    if (id == null) {
      try (Sessions sessions = SessionCommands.open(context.load(env), err())) {
        List<Approval> pending = sessions.pendingApprovals();
        if (json) {
          SessionPrinter.json(out(), pending);
        } else if (pending.isEmpty()) {
          out().println("Nothing waits for an approval.");
        } else {
          pending.forEach(
              a ->
                  out()
                      .println(
                          a.id()
                              + "  session #"
                              + a.sessionId()
                              + "  "
                              + a.request()
                              + "  ("
                              + a.reason()
                              + "; until "
                              + a.expiresAt()
                              + ")"));
        }
        return CrewCli.OK;
      }
    }
    return submit(s -> s.decide(id, !deny, reason));
  }
}
