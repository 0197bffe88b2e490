package dev.gitopscrew.cli;

import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.request.Alert;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crew incidents list|show ID|open APP}: incidents from Argo CD, the sweep or a person, with
 * their post-incident reports.
 */
@Command(
    name = "incidents",
    mixinStandardHelpOptions = true,
    description = "Incidents: what was wrong, what the crew did, and the post-incident report.",
    subcommands = {
      IncidentsCommand.ListIncidents.class,
      IncidentsCommand.Show.class,
      IncidentsCommand.Open.class
    })
final class IncidentsCommand {

  @Command(name = "list", mixinStandardHelpOptions = true, description = "The newest incidents.")
  static final class ListIncidents extends BaseCommand {
    @Option(names = "--limit", paramLabel = "N", description = "at most N (default 50)")
    int limit = 50;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
      try (Sessions sessions = SessionCommands.open(context.load(env), err())) {
        List<Incident> incidents = sessions.incidents(Math.max(1, limit));
        if (json) {
          SessionPrinter.json(out(), incidents);
        } else if (incidents.isEmpty()) {
          out().println("No incidents.");
        } else {
          incidents.stream().map(Incident::describe).forEach(out()::println);
        }
        return CrewCli.OK;
      }
    }
  }

  @Command(
      name = "show",
      mixinStandardHelpOptions = true,
      description = "One incident and its post-incident report.")
  static final class Show extends BaseCommand {
    @Parameters(index = "0", paramLabel = "ID", description = "the incident's number")
    long id;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
      try (Sessions sessions = SessionCommands.open(context.load(env), err())) {
        Optional<Incident> incident = sessions.incident(id);
        if (incident.isEmpty()) {
          err().println("error: no incident " + id + " (crew incidents list shows them)");
          return CrewCli.FAILED;
        }
        Incident i = incident.get();
        if (json) {
          SessionPrinter.json(out(), i);
          return CrewCli.OK;
        }
        out().println(i.describe());
        if (i.requestId() != null) {
          out().println("response: session #" + i.requestId() + " (crew sessions show)");
        }
        if (i.runbook() != null) {
          out().println("runbook: " + i.runbook());
        }
        if (i.issueNumber() != null) {
          out().println("issue: " + i.issueRepository() + " #" + i.issueNumber());
        }
        out().println();
        out().println(i.report() == null ? "No report yet." : i.report());
        return CrewCli.OK;
      }
    }
  }

  @Command(
      name = "open",
      mixinStandardHelpOptions = true,
      description = {
        "Report an application in trouble: homelab-admin triages it, runs the runbook that",
        "matches (a disruptive one after an approval) and verifies, as for an Argo CD alert."
      })
  static final class Open extends RequestCommand {
    @Parameters(index = "0", paramLabel = "APP", description = "the Argo CD Application")
    String app;

    @picocli.CommandLine.Mixin ApplicationNamespace argo;

    @Override
    public Integer call() throws Exception {
      Alert alert;
      try {
        alert = new Alert(app, argo.namespace, "manual", null, "reported from the command line");
      } catch (IllegalArgumentException e) {
        err().println("error: " + e.getMessage());
        return CrewCli.USAGE;
      }
      return submit(s -> s.run(alert, Optional.empty(), yes));
    }
  }

  private IncidentsCommand() {}
}
