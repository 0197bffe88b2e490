package dev.gitopscrew.cli;

import dev.gitopscrew.request.ReleaseCut;
import dev.gitopscrew.request.ReleasePlan;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GitSettings;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code crew release plan|cut}: homelab-admin's releases. The plan writes nothing; the cut waits
 * for an approval unless {@code --yes}, and a cut that stopped is finished by running it again.
 */
@Command(
    name = "release",
    mixinStandardHelpOptions = true,
    description = "Plan or cut a semantic-version release of a repository (homelab-admin).",
    subcommands = {ReleaseCommand.Plan.class, ReleaseCommand.Cut.class})
final class ReleaseCommand {

  /** The repository a command names, else the configured default, else the only one, else demo. */
  static String repository(CrewContext context, String explicit, boolean releaseDefault) {
    if (explicit != null) {
      return explicit;
    }
    String configured = context.loaded().config().release().repository();
    if (releaseDefault && configured != null) {
      return configured;
    }
    return GitSettings.defaultRepository(context);
  }

  abstract static class Base extends RequestCommand {
    @Option(
        names = "--repo",
        paramLabel = "NAME",
        description =
            "repository (default: release.repository, else the only configured one, else demo)")
    String repo;

    @Option(
        names = "--milestone",
        paramLabel = "vX.Y.Z",
        description = "the milestone to release (default: the open one with the lowest version)")
    String milestone;

    String repository() {
      return ReleaseCommand.repository(context.load(env), repo, true);
    }
  }

  @Command(
      name = "plan",
      mixinStandardHelpOptions = true,
      description =
          "The next release, written nowhere: version and why, the pull requests counted and"
              + " ignored, what blocks it, the steps a cut would take.")
  static final class Plan extends Base {
    @Override
    public Integer call() throws Exception {
      ReleasePlan plan;
      try {
        plan = new ReleasePlan(repository(), milestone);
      } catch (IllegalArgumentException e) {
        err().println("error: " + e.getMessage());
        return CrewCli.USAGE;
      }
      return submit(s -> s.run(plan, Optional.empty(), false));
    }
  }

  @Command(
      name = "cut",
      mixinStandardHelpOptions = true,
      description =
          "Cut the release: tag the default branch head, publish the release, roll the milestone"
              + " over. Waits for an approval unless --yes; run it again to finish a cut that"
              + " stopped.")
  static final class Cut extends Base {
    @Option(names = "--dry-run", description = "write nothing; show what the cut would do")
    boolean dryRun;

    @Override
    public Integer call() throws Exception {
      ReleaseCut cut;
      try {
        cut = new ReleaseCut(repository(), milestone, dryRun);
      } catch (IllegalArgumentException e) {
        err().println("error: " + e.getMessage());
        return CrewCli.USAGE;
      }
      return submit(s -> s.run(cut, Optional.empty(), yes));
    }
  }
}
