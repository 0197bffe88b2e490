package dev.gitopscrew.cli;

import picocli.CommandLine.Option;

/** {@code -n/--namespace}, shared by the commands that name an Argo CD Application. */
final class ApplicationNamespace {

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      description = "where the Application object lives (default argocd)")
  String namespace;
}
