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
      "The request is one line of words, like: restart deployment/grafana in monitoring;"
          + " crew help requests lists every kind with an example. Other text is free text for"
          + " a model, when one is configured."
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
