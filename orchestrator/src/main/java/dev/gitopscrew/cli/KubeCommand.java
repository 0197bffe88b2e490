package dev.gitopscrew.cli;

import dev.gitopscrew.request.Kube;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code crew kube VERB RESOURCE [NAME] [-n NS]}: a kubectl-like call through the cluster guard; a
 * call outside the rules is refused before anything is sent.
 */
@Command(
    name = "kube",
    mixinStandardHelpOptions = true,
    description = {
      "A guarded kubectl-like call: get (or list) and logs to read, delete for what the rules allow.",
      "Refused calls name the rule they would need, with or without a cluster."
    })
final class KubeCommand extends RequestCommand {

  @Parameters(index = "0", paramLabel = "VERB", description = "get, list, logs or delete")
  String verb;

  @Parameters(
      index = "1",
      paramLabel = "RESOURCE",
      description = "pods, deployments, applications, …")
  String resource;

  @Parameters(index = "2", arity = "0..1", paramLabel = "NAME", description = "one object")
  String name;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "the namespace")
  String namespace;

  @Option(names = "--previous", description = "logs: the last terminated container's")
  boolean previous;

  @Override
  public Integer call() throws Exception {
    Kube kube;
    try {
      kube = new Kube(verb, resource, name, namespace, previous);
    } catch (IllegalArgumentException e) {
      err().println("error: " + e.getMessage());
      return CrewCli.USAGE;
    }
    return submit(s -> s.run(kube, Optional.empty(), yes));
  }
}
