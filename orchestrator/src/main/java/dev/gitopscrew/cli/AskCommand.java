package dev.gitopscrew.cli;

import dev.gitopscrew.session.RequestAnswer;
import dev.gitopscrew.session.RequestOutcome;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crew ask "<request>"}: run one request and print its session tree. */
@Command(
    name = "ask",
    mixinStandardHelpOptions = true,
    description = {
      "Run one request end to end and print its session tree.",
      "Requests: restart [kind/]name [in NS] | scale [kind/]name to N [in NS] | change REPO TEXT |"
          + " scan REPO [PATH] | validate REPO pr N | verify APP [in NS] | release plan REPO [MILESTONE] |"
          + " release REPO MILESTONE"
    })
final class AskCommand extends BaseCommand {

  @Parameters(index = "0", paramLabel = "REQUEST", description = "the request, quoted")
  String text;

  @Option(
      names = "--agent",
      paramLabel = "ID",
      description = "the agent expected to act (checked against the routing)")
  String agent;

  @Option(names = "--json", description = "print the outcome as JSON")
  boolean json;

  @Override
  public Integer call() throws Exception {
    try (Sessions sessions = SessionCommands.open(context.load(env))) {
      RequestOutcome outcome = sessions.ask(text, Optional.ofNullable(agent));
      if (outcome instanceof RequestOutcome.Invalid invalid) {
        err().println("error: " + invalid.reason());
        return CrewCli.USAGE;
      }
      if (outcome instanceof RequestOutcome.Refused refused) {
        err().println("refused: " + refused.reason());
        return CrewCli.FAILED;
      }
      RequestOutcome.Ran ran = (RequestOutcome.Ran) outcome;
      if (json) {
        SessionPrinter.json(out(), RequestAnswer.of(ran));
      } else {
        out()
            .println(
                "Agent: "
                    + ran.agent()
                    + " (routed by homelab-admin, session #"
                    + ran.rootId()
                    + ")");
        SessionPrinter.tree(out(), ran.tree());
      }
      return ran.succeeded() ? CrewCli.OK : CrewCli.FAILED;
    }
  }
}
