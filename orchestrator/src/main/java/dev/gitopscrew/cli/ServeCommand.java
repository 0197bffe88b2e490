package dev.gitopscrew.cli;

import dev.gitopscrew.assembly.CrewStart;
import dev.gitopscrew.doctor.ListenProbe;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GatewaySettings;
import dev.gitopscrew.settings.StateDirLock;
import io.quarkus.runtime.Quarkus;
import java.lang.ref.Reference;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code crew serve}: start the gateway (HTTP API, webhooks, channels) until SIGTERM. */
@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the gateway.")
final class ServeCommand extends BaseCommand {

  @Option(
      names = "--bind",
      paramLabel = "ADDR",
      description = "address to listen on: loopback (default), lan (0.0.0.0) or an address")
  String bind;

  @Option(names = "--port", paramLabel = "N", description = "port (default 18789)")
  Integer port;

  @Override
  public Integer call() {
    CrewContext ctx = context.load(env);
    GatewaySettings gateway =
        GatewaySettings.resolve(
            ctx.loaded().config(), Optional.ofNullable(bind), Optional.ofNullable(port), env);
    Optional<String> refusal = gateway.refusal();
    if (refusal.isPresent()) {
      return refuse(refusal.get());
    }
    StateDirLock lock;
    try {
      lock = StateDirLock.take(ctx.stateDir());
    } catch (StateDirLock.Refused e) {
      return refuse(e.getMessage());
    }
    refusal = ListenProbe.refusal(gateway);
    if (refusal.isPresent()) {
      lock.close();
      return refuse(refusal.get());
    }
    // Quarkus reads these when it starts; tokens stay in the environment, never in properties.
    System.setProperty("quarkus.http.host", gateway.host());
    System.setProperty("quarkus.http.port", Integer.toString(gateway.port()));
    System.setProperty("crew.state-dir", ctx.stateDir().toString());
    ctx.loaded()
        .source()
        .ifPresent(f -> System.setProperty("crew.config", f.toAbsolutePath().toString()));
    if (bind != null) {
      System.setProperty("crew.bind", bind);
    }
    out().flush();
    CrewStart.begin(ctx);
    Quarkus.run();
    // held for the gateway's whole life: a channel no longer reachable would be closed, and the
    // lock with it
    Reference.reachabilityFence(lock);
    return CrewCli.OK;
  }

  /** One line on stderr, exit status 2: the gateway did not start, and nothing was changed. */
  private int refuse(String reason) {
    err().println("error: " + reason);
    return CrewCli.USAGE;
  }
}
