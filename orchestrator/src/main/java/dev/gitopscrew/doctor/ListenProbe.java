package dev.gitopscrew.doctor;

import dev.gitopscrew.settings.GatewaySettings;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Optional;

/**
 * Binds the gateway's address once, and lets it go, before the gateway starts: a port another
 * process holds or an address this machine does not have is then one line that says so, rather than
 * a stack trace from deep inside the HTTP server after the start-up log.
 */
public final class ListenProbe {

  private ListenProbe() {}

  /** Empty when {@code host:port} can be listened on now; otherwise what is wrong and the fix. */
  public static Optional<String> refusal(GatewaySettings settings) {
    InetSocketAddress address = new InetSocketAddress(settings.host(), settings.port());
    String where = settings.host() + ":" + settings.port();
    if (address.isUnresolved()) {
      return Optional.of(
          "cannot listen on "
              + where
              + ": "
              + settings.host()
              + " is not a known address; give --bind loopback, lan, or an address of this"
              + " machine");
    }
    try (ServerSocket socket = new ServerSocket()) {
      // as the HTTP server binds: a port left in TIME_WAIT by a gateway just stopped is free
      socket.setReuseAddress(true);
      socket.bind(address);
      return Optional.empty();
    } catch (BindException e) {
      return Optional.of(bindRefusal(where, settings.port(), String.valueOf(e.getMessage())));
    } catch (IOException | SecurityException e) {
      return Optional.of("cannot listen on " + where + ": " + e.getMessage());
    }
  }

  private static String bindRefusal(String where, int port, String reason) {
    if (reason.contains("in use")) {
      return "port "
          + port
          + " is already in use ("
          + where
          + "): another gateway or program listens there; stop it or give --port another port";
    }
    if (reason.contains("assign")) {
      return "cannot listen on "
          + where
          + ": the address is not one of this machine's; give --bind loopback, lan, or one of"
          + " its addresses";
    }
    if (reason.contains("ermission")) {
      return "cannot listen on "
          + where
          + ": ports below 1024 need privileges; give --port 1024 or above (the default is "
          + GatewaySettings.DEFAULT_PORT
          + ")";
    }
    return "cannot listen on " + where + ": " + reason;
  }
}
