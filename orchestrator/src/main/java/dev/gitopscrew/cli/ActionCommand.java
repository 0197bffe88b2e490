package dev.gitopscrew.cli;

import dev.gitopscrew.request.ClusterAction;
import dev.gitopscrew.request.ObjectRef;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crew action ACTION KIND/NAME [-n NS] [--replicas N] [--dry-run] [--yes]}: one runbook
 * action by devops-sre, through the cluster guard.
 */
@Command(
    name = "action",
    mixinStandardHelpOptions = true,
    description = {
      "One runbook action on the cluster, by devops-sre: restart, scale, force-sync, hard-refresh,"
          + " cancel-sync or delete-pod.",
      "Scaling to zero and deleting a pod wait for an approval (or --yes); --dry-run sends only a"
          + " server-side dry run."
    })
final class ActionCommand extends RequestCommand {

  @Parameters(
      index = "0",
      paramLabel = "ACTION",
      description = "restart, scale, force-sync, hard-refresh, cancel-sync or delete-pod")
  String action;

  @Parameters(index = "1", paramLabel = "KIND/NAME", description = "e.g. deployment/grafana")
  String target;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "the namespace")
  String namespace;

  @Option(names = "--replicas", paramLabel = "N", description = "for scale: the replica count")
  Integer replicas;

  @Option(names = "--dry-run", description = "send only a server-side dry run; change nothing")
  boolean dryRun;

  @Override
  public Integer call() throws Exception {
    ClusterAction request;
    try {
      request = new ClusterAction(action, ObjectRef.parse(target, namespace), replicas, dryRun);
    } catch (IllegalArgumentException e) {
      err().println("error: " + e.getMessage());
      return CrewCli.USAGE;
    }
    return submit(s -> s.run(request, Optional.empty(), yes));
  }
}
