package dev.gitopscrew.cli;

import dev.gitopscrew.schedule.ScheduleRun;
import dev.gitopscrew.schedule.ScheduleStatus;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crew schedules list|run NAME|history NAME}: the configured schedules (docs/schedules.md),
 * through the running gateway when there is one.
 */
@Command(
    name = "schedules",
    mixinStandardHelpOptions = true,
    description = "Schedules: requests the crew runs on its own at set times.",
    subcommands = {
      SchedulesCommand.ListSchedules.class,
      SchedulesCommand.Run.class,
      SchedulesCommand.History.class
    })
final class SchedulesCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "Each schedule, when it is next due and its last result.")
  static final class ListSchedules extends BaseCommand {
    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
      try (ScheduleAccess schedules = ScheduleAccess.open(context.load(env), err())) {
        List<ScheduleStatus> all = schedules.list();
        if (json) {
          SessionPrinter.json(out(), all);
        } else if (all.isEmpty()) {
          out().println("No schedules configured (docs/schedules.md).");
        } else {
          all.stream().map(ScheduleStatus::describe).forEach(out()::println);
        }
        return CrewCli.OK;
      }
    }
  }

  @Command(
      name = "run",
      mixinStandardHelpOptions = true,
      description = {
        "Run a schedule now, as a manual slot of its own, and wait for its result;",
        "the result is posted as the schedule's post and target say."
      })
  static final class Run extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the schedule's name")
    String name;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() throws InterruptedException {
      try (ScheduleAccess schedules = ScheduleAccess.open(context.load(env), err())) {
        Optional<ScheduleRun> run = schedules.run(name);
        if (run.isEmpty()) {
          return noSuch(err(), name);
        }
        if (json) {
          SessionPrinter.json(out(), run.get());
        } else {
          out().println(run.get().describe());
        }
        return run.get().succeeded() ? CrewCli.OK : CrewCli.FAILED;
      }
    }
  }

  @Command(
      name = "history",
      mixinStandardHelpOptions = true,
      description = "A schedule's newest runs, newest first.")
  static final class History extends BaseCommand {
    @Parameters(index = "0", paramLabel = "NAME", description = "the schedule's name")
    String name;

    @Option(names = "--limit", paramLabel = "N", description = "at most N (default 20)")
    int limit = 20;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
      try (ScheduleAccess schedules = ScheduleAccess.open(context.load(env), err())) {
        Optional<List<ScheduleRun>> runs = schedules.history(name, Math.max(1, limit));
        if (runs.isEmpty()) {
          return noSuch(err(), name);
        }
        if (json) {
          SessionPrinter.json(out(), runs.get());
        } else if (runs.get().isEmpty()) {
          out().println("No runs of " + name + " yet.");
        } else {
          runs.get().stream().map(ScheduleRun::describe).forEach(out()::println);
        }
        return CrewCli.OK;
      }
    }
  }

  private static int noSuch(java.io.PrintWriter err, String name) {
    err.println("error: no schedule " + name + " (crew schedules list shows them)");
    return CrewCli.FAILED;
  }

  private SchedulesCommand() {}
}
