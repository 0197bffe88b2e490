package dev.gitopscrew.cli;

import picocli.CommandLine.Command;

/** {@code crew agents list}. */
@Command(
    name = "agents",
    mixinStandardHelpOptions = true,
    description = "The agents and what each may do.",
    subcommands = AgentsCommand.ListAgents.class)
final class AgentsCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the agents, their skills, tools and sub-agents.")
  static final class ListAgents extends BaseCommand {
    @Override
    public Integer call() {
      new AgentReport(context.load(env)).print(out());
      return CrewCli.OK;
    }
  }
}
