package dev.gitopscrew.cli;

import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.intake.RequestAnswer;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.session.Approval;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * A command that hands one request to homelab-admin and prints what became of it: the agent that
 * acted, the session tree, the result and the effects. Exit 0 when it succeeded, 1 when it failed
 * or was refused, 2 when the request is not valid.
 */
abstract class RequestCommand extends BaseCommand {

  /** How the command puts its request to the crew. */
  @FunctionalInterface
  interface Submit {
    RequestOutcome to(Sessions sessions) throws Exception;
  }

  @Option(names = "--json", description = "print the outcome as JSON")
  boolean json;

  @Option(
      names = "--yes",
      description =
          "approve now a step that needs approval (scale to zero, delete a pod, a rollback,"
              + " a release cut) instead of waiting for one")
  boolean yes;

  /** Whether a request that ends cancelled is what the command set out to do (a denial). */
  boolean cancelledIsDone() {
    return false;
  }

  Integer submit(Submit submit) throws Exception {
    try (Sessions sessions = SessionCommands.open(context.load(env), err())) {
      RequestOutcome outcome = submit.to(sessions);
      if (outcome instanceof RequestOutcome.Invalid invalid) {
        err().println("error: " + invalid.reason());
        return CrewCli.USAGE;
      }
      if (outcome instanceof RequestOutcome.Refused refused) {
        err().println("refused: " + refused.reason());
        return CrewCli.FAILED;
      }
      RequestOutcome.Ran ran = (RequestOutcome.Ran) outcome;
      List<AuditRecord> effects = sessions.effects(ran.rootId()).orElse(List.of());
      Approval approval =
          ran.awaitingApproval() ? sessions.approvalOf(ran.rootId()).orElse(null) : null;
      if (json) {
        SessionPrinter.json(out(), RequestAnswer.of(ran, effects, approval));
      } else {
        out()
            .println(
                "Agent: "
                    + ran.agent()
                    + " (routed by homelab-admin, session #"
                    + ran.rootId()
                    + ")");
        SessionPrinter.model(out(), ran.root());
        SessionPrinter.tree(out(), ran.tree());
        if (approval != null) {
          SessionPrinter.approval(out(), approval);
        } else {
          SessionPrinter.result(out(), ran.root());
        }
        SessionPrinter.effects(out(), effects);
      }
      boolean done =
          ran.succeeded()
              || ran.awaitingApproval()
              || (cancelledIsDone() && ran.root().state().equals("cancelled"));
      return done ? CrewCli.OK : CrewCli.FAILED;
    }
  }
}
