package dev.gitopscrew.settings;

import dev.gitopscrew.config.CrewConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;

/** Where the gateway listens and the bearer token {@code /api} requires, if any. */
public record GatewaySettings(String host, int port, Optional<Secret> token) {

  public static final int DEFAULT_PORT = 18789;
  private static final int MAX_PORT = 65535;

  /** Command-line values win over the file's {@code gateway} section, which wins over defaults. */
  public static GatewaySettings resolve(
      CrewConfig config,
      Optional<String> bindOption,
      Optional<Integer> portOption,
      Map<String, String> env) {
    String bind =
        bindOption.orElse(Optional.ofNullable(config.gateway().bind()).orElse("loopback"));
    int port = portOption.orElse(Optional.ofNullable(config.gateway().port()).orElse(DEFAULT_PORT));
    Optional<Secret> token =
        Optional.ofNullable(env.get("CREW_GATEWAY_TOKEN"))
            .or(() -> Optional.ofNullable(env.get("OPENCLAW_GATEWAY_TOKEN")))
            .map(String::strip)
            .filter(t -> !t.isEmpty())
            .map(Secret::new);
    return new GatewaySettings(hostFor(bind), port, token);
  }

  /** OpenClaw's bind words, or a literal address. */
  static String hostFor(String bind) {
    return switch (bind) {
      case "loopback", "localhost" -> "127.0.0.1";
      case "lan", "all", "auto" -> "0.0.0.0";
      default -> bind;
    };
  }

  public boolean isLoopback() {
    try {
      return InetAddress.getByName(host).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  /** Empty when the gateway may start; otherwise what is wrong and how to fix it. */
  public Optional<String> refusal() {
    if (port < 1 || port > MAX_PORT) {
      return Optional.of(
          "port "
              + port
              + " is out of range: give --port (or gateway.port) a number from 1 to 65535;"
              + " the default is "
              + DEFAULT_PORT);
    }
    if (host.isBlank()) {
      return Optional.of(
          "the bind address is empty: give --bind loopback (the default), lan, or an address of"
              + " this machine such as 192.168.1.10");
    }
    if (token.isPresent() && token.get().reveal().chars().anyMatch(Character::isISOControl)) {
      return Optional.of(
          "the gateway token contains control characters (a line break inside it?); set"
              + " CREW_GATEWAY_TOKEN again");
    }
    if (!isLoopback() && token.isEmpty()) {
      return Optional.of(
          "refusing to bind "
              + host
              + " without a token: anyone who can reach it could drive the bot. Set"
              + " CREW_GATEWAY_TOKEN (or OPENCLAW_GATEWAY_TOKEN) to a long random value, or bind"
              + " 127.0.0.1 (--bind loopback).");
    }
    return Optional.empty();
  }

  public String baseUrl() {
    String h = host.equals("0.0.0.0") ? "127.0.0.1" : host;
    return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port;
  }
}
