package dev.gitopscrew.cli;

import dev.gitopscrew.doctor.Doctor;
import dev.gitopscrew.doctor.IntegrationCheck;
import dev.gitopscrew.doctor.ScheduleChecks;
import dev.gitopscrew.settings.AlertsDestination;
import dev.gitopscrew.settings.CrewContext;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code crew doctor}: exit 0 when nothing that is configured is broken, 1 otherwise. */
@Command(
    name = "doctor",
    mixinStandardHelpOptions = true,
    description = "Check every integration: configured, reachable, and the fix when not.")
final class DoctorCommand extends BaseCommand {

  @Override
  public Integer call() {
    CrewContext ctx = context.load(env);
    out().println("Configuration: " + ctx.loaded().describeSource());
    SessionCommands.runningGateway(ctx, err());
    ctx.problems().forEach(p -> out().println("  " + p.describe()));
    ctx.skills().problems().forEach(p -> out().println("  skill skipped: " + p.describe()));
    List<IntegrationCheck> results = new java.util.ArrayList<>(new Doctor(ctx).examine());
    results.addAll(ScheduleChecks.of(ctx, java.time.Instant.now()));
    try (var servers = dev.gitopscrew.assembly.McpWiring.servers(ctx)) {
      results.addAll(dev.gitopscrew.doctor.McpChecks.of(servers));
    }
    results.forEach(i -> out().println(i.describe()));
    AlertsDestination.of(ctx.loaded().config(), ctx.env())
        .warning()
        .ifPresent(w -> out().println("WARNING: " + w));
    boolean broken = results.stream().anyMatch(IntegrationCheck::broken);
    out()
        .println(
            broken
                ? "Something configured is broken (see the fixes above)."
                : "Nothing configured is broken.");
    return broken ? CrewCli.FAILED : CrewCli.OK;
  }
}
