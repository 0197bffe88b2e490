package dev.gitopscrew.cli;

import dev.gitopscrew.request.Verify;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crew verify --app APP [--wait SECONDS]}: qa-tester's post-merge verification. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify an Argo CD application after a merge or a rollback (qa-tester): Synced and Healthy,",
      "rollouts complete, pods ready, ExternalSecrets Ready, health URLs answering, no new warnings."
    })
final class VerifyCommand extends RequestCommand {

  @Option(names = "--app", required = true, paramLabel = "APP", description = "the Application")
  String app;

  @picocli.CommandLine.Mixin ApplicationNamespace argo;

  @Option(
      names = "--wait",
      paramLabel = "SECONDS",
      description = "keep checking until every check passes, up to this long (default: once)")
  int waitSeconds;

  @Override
  public Integer call() throws Exception {
    Verify verify;
    try {
      verify = new Verify(app, argo.namespace, waitSeconds);
    } catch (IllegalArgumentException e) {
      err().println("error: " + e.getMessage());
      return CrewCli.USAGE;
    }
    return submit(s -> s.run(verify, Optional.empty(), yes));
  }
}
