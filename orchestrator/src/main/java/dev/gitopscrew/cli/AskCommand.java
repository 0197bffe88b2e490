package dev.gitopscrew.cli;

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
      "Requests: restart [kind/]name [in NS] | scale [kind/]name to N [in NS] |"
          + " edit REPO KIND/NAME [in NS] image C=IMAGE|replicas N|env C:VAR=V|limits"
          + " C:cpu=..,memory=..|helm-value KEY=V | scan REPO [PATH] | validate REPO [pr N] |"
          + " verify APP [in NS] | release plan|cut REPO [MILESTONE] | drill fanout N"
    })
final class AskCommand extends RequestCommand {

  @Parameters(index = "0", paramLabel = "REQUEST", description = "the request, quoted")
  String text;

  @Option(
      names = "--agent",
      paramLabel = "ID",
      description = "the agent expected to act (checked against the routing)")
  String agent;

  @Override
  public Integer call() throws Exception {
    return submit(s -> s.ask(text, Optional.ofNullable(agent), yes));
  }
}
