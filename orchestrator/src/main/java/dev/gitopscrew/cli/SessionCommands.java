package dev.gitopscrew.cli;

import dev.gitopscrew.runtime.CrewContext;
import dev.gitopscrew.runtime.GatewayClient;
import dev.gitopscrew.session.SessionSettings;

/** Picks where the session commands act: the running gateway, else this process. */
final class SessionCommands {

  private SessionCommands() {}

  static Sessions open(CrewContext context, java.io.PrintWriter err) {
    return GatewayClient.forRunningGateway(context)
        .<Sessions>map(
            g ->
                new RemoteSessions(
                    g, SessionSettings.limits(context.loaded().config()).runTimeout()))
        .orElseGet(() -> new LocalSessions(context, err));
  }
}
