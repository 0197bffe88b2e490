package dev.gitopscrew.cli;

import dev.gitopscrew.incident.runbook.Runbook;
import dev.gitopscrew.request.RunRunbook;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code crew runbook list|run NAME --app APP}: the declared runbooks, and running one. */
@Command(
    name = "runbook",
    mixinStandardHelpOptions = true,
    description = "Declared runbooks: a trigger and steps from the fixed action set.",
    subcommands = {RunbookCommand.ListRunbooks.class, RunbookCommand.Run.class})
final class RunbookCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "The runbooks loaded: configured ones first, then the built-in ones.")
  static final class ListRunbooks extends BaseCommand {
    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
      var incidents = dev.gitopscrew.assembly.ClusterWiring.incidentsOf(context.load(env));
      if (json) {
        SessionPrinter.json(out(), incidents.runbooks());
      } else {
        incidents.runbooks().stream().map(Runbook::describe).forEach(out()::println);
      }
      return CrewCli.OK;
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = "Run one runbook for an Argo CD application (devops-sre).")
  static final class Run extends RequestCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the runbook")
    String name;

    @Option(names = "--app", required = true, paramLabel = "APP", description = "the Application")
    String app;

    @picocli.CommandLine.Mixin ApplicationNamespace argo;

    @Option(names = "--dry-run", description = "server-side dry runs only; change nothing")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
      RunRunbook request;
      try {
        request = new RunRunbook(name, app, argo.namespace, dryRun);
      } catch (IllegalArgumentException e) {
        err().println("error: " + e.getMessage());
        return CrewCli.USAGE;
      }
      return submit(s -> s.run(request, Optional.empty(), yes));
    }
  }

  private RunbookCommand() {}
}
