package dev.gitopscrew.cli;

import dev.gitopscrew.config.ConfigProblem;
import dev.gitopscrew.settings.AlertsDestination;
import dev.gitopscrew.settings.CrewContext;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code crew config validate [FILE]} and {@code crew config explain [FILE]}. */
@Command(
    name = "config",
    mixinStandardHelpOptions = true,
    description = "Work with the configuration file.",
    subcommands = {ConfigCommand.Validate.class, ConfigCommand.Explain.class})
final class ConfigCommand {

  @Command(
      name = "validate",
      mixinStandardHelpOptions = true,
      description =
          "Check a configuration file: errors exit 2 with file, path and line; shows the agents,"
              + " their effective tools and allowed sub-agents, and what is ignored.")
  static final class Validate extends BaseCommand {

    @Parameters(
        arity = "0..1",
        paramLabel = "FILE",
        description = "file to check (default: --config)")
    Path file;

    @Override
    public Integer call() {
      if (file != null) {
        context.config = file;
      }
      CrewContext ctx = context.load(env);
      out().println("Configuration: " + ctx.loaded().describeSource());
      for (ConfigProblem p : ctx.problems()) {
        out()
            .println(
                "  "
                    + p.severity().name().toLowerCase(java.util.Locale.ROOT)
                    + ": "
                    + p.describe());
      }
      ctx.skills().overrides().forEach(o -> out().println("  note: " + o));
      ctx.skills().problems().forEach(p -> out().println("  warning: skill " + p.describe()));
      new AgentReport(ctx).print(out());
      AlertsDestination alerts = AlertsDestination.of(ctx.loaded().config(), ctx.env());
      out().println("Alerts: " + alerts.where());
      alerts.warning().ifPresent(w -> out().println("  WARNING: " + w));
      McpReport.print(ctx, out());
      out().println("Configuration is valid.");
      return CrewCli.OK;
    }
  }

  @Command(
      name = "explain",
      mixinStandardHelpOptions = true,
      description =
          "How a configuration (an OpenClaw openclaw.json as it is) maps onto the crew, in one"
              + " screen: agents, who answers in each channel and what may be started there,"
              + " where alerts go, skills and their tools, models and their variables, and what"
              + " is not taken over.")
  static final class Explain extends BaseCommand {

    @Parameters(
        arity = "0..1",
        paramLabel = "FILE",
        description = "file to explain (default: --config)")
    Path file;

    @Override
    public Integer call() {
      if (file != null) {
        context.config = file;
      }
      CrewContext ctx = context.load(env);
      AlertsDestination alerts = AlertsDestination.of(ctx.loaded().config(), ctx.env());
      new ConfigExplanation(ctx, alerts.where()).print(out());
      return CrewCli.OK;
    }
  }
}
