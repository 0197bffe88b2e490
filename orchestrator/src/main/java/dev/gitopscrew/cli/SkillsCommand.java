package dev.gitopscrew.cli;

import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.skill.Skill;
import picocli.CommandLine.Command;

/** {@code crew skills list}. */
@Command(
    name = "skills",
    mixinStandardHelpOptions = true,
    description = "The skills loaded and the tools each grants.",
    subcommands = SkillsCommand.ListSkills.class)
final class SkillsCommand {

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List the skills, where each came from and its tools.")
  static final class ListSkills extends BaseCommand {
    @Override
    public Integer call() {
      CrewContext ctx = context.load(env);
      for (Skill s : ctx.skills().all()) {
        out().println(s.name() + "  -  " + s.description());
        out().println("    tools:  " + AgentReport.tools(s.tools()));
        out().println("    source: " + s.source());
      }
      ctx.skills().problems().forEach(p -> err().println("warning: " + p.describe()));
      return CrewCli.OK;
    }
  }
}
