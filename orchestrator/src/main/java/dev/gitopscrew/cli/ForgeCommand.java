package dev.gitopscrew.cli;

import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.request.Merge;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GitSettings;
import dev.gitopscrew.store.ForgeListing;
import dev.gitopscrew.store.StateStore;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.TreeSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crew forge list}: what the local forge recorded (issues, PRs, milestones, releases);
 * {@code crew forge merge PR}: its merge button.
 */
@Command(
    name = "forge",
    mixinStandardHelpOptions = true,
    description = "The local forge: issues, pull requests, milestones and releases it recorded.",
    subcommands = {ForgeCommand.ListRecords.class, ForgeCommand.MergePull.class})
final class ForgeCommand {

  @Command(
      name = "merge",
      mixinStandardHelpOptions = true,
      description =
          "Merge a pull request on the local forge: a merge commit by homelab-admin on the"
              + " default branch, the pull request marked merged.")
  static final class MergePull extends RequestCommand {

    @Parameters(index = "0", paramLabel = "PR", description = "the pull request number")
    int pullRequest;

    @Option(
        names = "--repo",
        paramLabel = "NAME",
        description = "repository name (default: demo, or the only configured one)")
    String repo;

    @Override
    public Integer call() throws Exception {
      Merge merge;
      try {
        merge = new Merge(ReleaseCommand.repository(context.load(env), repo, false), pullRequest);
      } catch (IllegalArgumentException e) {
        err().println("error: " + e.getMessage());
        return CrewCli.USAGE;
      }
      return submit(s -> s.run(merge, Optional.empty(), yes));
    }
  }

  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      description = "List one repository's issues, pull requests, milestones and releases.")
  static final class ListRecords extends BaseCommand {

    @Option(
        names = "--repo",
        paramLabel = "NAME",
        description = "repository name (default: demo, or the only configured one)")
    String repo;

    @Option(names = "--json", description = "print JSON")
    boolean json;

    @Override
    public Integer call() {
      CrewContext ctx = context.load(env);
      var configured = GitSettings.repositories(ctx).keySet();
      String name = repo != null ? repo : GitSettings.defaultRepository(ctx);
      if (!configured.isEmpty() && !configured.contains(name)) {
        err()
            .println(
                "error: no repository named '"
                    + name
                    + "'; configured: "
                    + new TreeSet<>(configured));
        return CrewCli.FAILED;
      }
      ForgeListing listing =
          SessionCommands.runningGateway(ctx, err())
              .map(
                  g ->
                      dev.gitopscrew.gatewayclient.ApiJson.MAPPER.convertValue(
                          g.get("/api/forge/" + name), ForgeListing.class))
              .orElseGet(
                  () -> {
                    try (StateStore store =
                        dev.gitopscrew.settings.StoreSettings.open(
                            ctx, CrewCli.waitingForStore(err()))) {
                      return ForgeListing.of(
                          dev.gitopscrew.assembly.ReadModels.on(store).localForge(), name);
                    }
                  });
      if (json) {
        SessionPrinter.json(out(), listing);
      } else {
        print(out(), listing);
      }
      return CrewCli.OK;
    }
  }

  static void print(PrintWriter out, ForgeListing l) {
    out.println("Repository " + l.repository() + ":");
    out.println("Issues:" + (l.issues().isEmpty() ? " (none)" : ""));
    for (Issue i : l.issues()) {
      out.println(
          "  #"
              + i.number()
              + " ["
              + (i.open() ? "open" : "closed")
              + "] "
              + i.title()
              + "  "
              + new TreeSet<>(i.labels()));
    }
    out.println("Pull requests:" + (l.pullRequests().isEmpty() ? " (none)" : ""));
    for (PullRequest p : l.pullRequests()) {
      out.println(
          "  #"
              + p.number()
              + " ["
              + p.state().name().toLowerCase(java.util.Locale.ROOT)
              + "] "
              + p.title()
              + "  "
              + p.branch()
              + " -> "
              + p.baseBranch()
              + "  "
              + new TreeSet<>(p.labels()));
    }
    out.println("Milestones:" + (l.milestones().isEmpty() ? " (none)" : ""));
    l.milestones()
        .forEach(m -> out.println("  " + m.title() + (m.open() ? " (open)" : " (closed)")));
    out.println("Releases:" + (l.releases().isEmpty() ? " (none)" : ""));
    l.releases().forEach(r -> out.println("  " + r.tag() + " " + r.title()));
  }
}
