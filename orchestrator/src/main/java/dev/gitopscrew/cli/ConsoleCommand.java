package dev.gitopscrew.cli;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.gatewayclient.GatewayClient;
import dev.gitopscrew.settings.CrewContext;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;

/** {@code crew console logout-all}: ends every browser's login to the web console. */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    description = "The web console the gateway serves at / (docs/console.md).",
    subcommands = {ConsoleCommand.LogoutAll.class})
final class ConsoleCommand {

  @Command(
      name = "logout-all",
      mixinStandardHelpOptions = true,
      description =
          "End every console login: each browser must log in with the gateway token again.")
  static final class LogoutAll extends BaseCommand {
    @Override
    public Integer call() {
      CrewContext ctx = context.load(env);
      Optional<GatewayClient> gateway = SessionCommands.runningGateway(ctx, err());
      int ended;
      if (gateway.isPresent()) {
        ended =
            gateway
                .get()
                .post("/api/console/logout-all", Map.of(), Duration.ofSeconds(30))
                .path("ended")
                .asInt();
      } else {
        try (Crew crew = Crew.openClient(ctx, CrewCli.waitingForStore(err()))) {
          ended = crew.consoleLogins().endAll();
        }
      }
      out().println("Ended " + ended + " console login(s).");
      return CrewCli.OK;
    }
  }
}
