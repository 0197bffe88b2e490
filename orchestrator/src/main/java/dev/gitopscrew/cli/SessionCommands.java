package dev.gitopscrew.cli;

import dev.gitopscrew.gatewayclient.GatewayClient;
import dev.gitopscrew.session.SessionSettings;
import dev.gitopscrew.settings.CrewContext;

/** Picks where the session commands act: the running gateway, else this process. */
final class SessionCommands {

  private SessionCommands() {}

  static Sessions open(CrewContext context, java.io.PrintWriter err) {
    return runningGateway(context, err)
        .<Sessions>map(
            g ->
                new RemoteSessions(
                    g, SessionSettings.limits(context.loaded().config()).runTimeout()))
        .orElseGet(() -> new LocalSessions(context, err));
  }

  /**
   * The gateway running on the context's state directory, if any; when the command loaded another
   * configuration file than the gateway's, says so once on {@code err} (the gateway's applies).
   */
  static java.util.Optional<GatewayClient> runningGateway(
      CrewContext context, java.io.PrintWriter err) {
    java.util.Optional<GatewayClient> gateway = GatewayClient.forRunningGateway(context);
    gateway.flatMap(GatewayClient::configNotice).ifPresent(note -> err.println(note));
    gateway.ifPresent(g -> err.flush());
    return gateway;
  }
}
