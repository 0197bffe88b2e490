package dev.gitopscrew.gatewayclient;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GatewayFile;
import dev.gitopscrew.settings.GatewaySettings;
import dev.gitopscrew.settings.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * How a CLI command talks to the gateway running on the same state directory, so that sessions,
 * approvals and the store stay in one process.
 */
public final class GatewayClient {

  /** The gateway answered with an error status; {@code body} is its JSON error. */
  public static final class GatewayError extends RuntimeException {
    private final int status;

    GatewayError(int status, String message) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  private static final Duration CONNECT_WITHIN = Duration.ofSeconds(3);

  private final String baseUrl;
  private final Optional<Secret> token;
  private final Optional<Secret> localKey;

  private final Optional<String> configNotice;

  private GatewayClient(
      String baseUrl,
      Optional<Secret> token,
      Optional<Secret> localKey,
      Optional<String> configNotice) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.localKey = localKey;
    this.configNotice = configNotice;
  }

  /** A client for the gateway of {@code context}'s state directory, if one is running. */
  public static Optional<GatewayClient> forRunningGateway(CrewContext context) {
    Optional<Secret> token =
        GatewaySettings.resolve(
                context.loaded().config(), Optional.empty(), Optional.empty(), context.env())
            .token();
    return GatewayFile.read(context.stateDir())
        .map(
            e ->
                new GatewayClient(
                    e.url(),
                    token,
                    Optional.ofNullable(e.localKey()).map(Secret::new),
                    e.configNotice(context.loaded().source())));
  }

  /**
   * A line for the command's stderr when the command loaded a configuration file other than the one
   * this gateway runs with (which is the one that applies to what the command asks of it).
   */
  public Optional<String> configNotice() {
    return configNotice;
  }

  public JsonNode get(String path) {
    return send("GET", path, null, Duration.ofSeconds(30));
  }

  public JsonNode post(String path, Object body, Duration timeout) {
    byte[] json;
    try {
      json = ApiJson.MAPPER.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode the request: " + e.getMessage(), e);
    }
    return send("POST", path, json, timeout);
  }

  /**
   * One request and its answer over {@link HttpURLConnection}: the JDK's {@code HttpClient} loads
   * its HTTP/2 and TLS machinery (about 500 classes, a fifth of a second) even for a plain HTTP
   * call to the gateway on this machine.
   */
  private JsonNode send(String method, String path, byte[] json, Duration timeout) {
    HttpURLConnection call;
    try {
      call = (HttpURLConnection) URI.create(baseUrl + path).toURL().openConnection();
      call.setRequestMethod(method);
    } catch (IOException e) {
      throw new GatewayError(0, "cannot reach the gateway at " + baseUrl + ": " + e.getMessage());
    }
    try {
      token.ifPresent(t -> call.setRequestProperty("Authorization", "Bearer " + t.reveal()));
    } catch (IllegalArgumentException e) {
      // the JDK quotes the rejected header value, which is the token
      throw new GatewayError(
          0, "the gateway token is not a valid header value; set CREW_GATEWAY_TOKEN again");
    }
    localKey.ifPresent(k -> call.setRequestProperty(GatewayFile.LOCAL_KEY_HEADER, k.reveal()));
    call.setConnectTimeout((int) CONNECT_WITHIN.toMillis());
    call.setReadTimeout((int) Math.max(1, timeout.toMillis()));
    try {
      if (json != null) {
        call.setDoOutput(true);
        call.setRequestProperty("Content-Type", "application/json");
        call.setFixedLengthStreamingMode(json.length);
        try (OutputStream out = call.getOutputStream()) {
          out.write(json);
        }
      }
      int status = call.getResponseCode();
      InputStream in = status >= 400 ? call.getErrorStream() : call.getInputStream();
      byte[] answer = in == null ? new byte[0] : readAll(in);
      JsonNode body =
          answer.length == 0 ? ApiJson.MAPPER.nullNode() : ApiJson.MAPPER.readTree(answer);
      if (status >= 400) {
        String message = body.path("error").asText("HTTP " + status);
        throw new GatewayError(status, "the gateway at " + baseUrl + " answered: " + message);
      }
      return body;
    } catch (java.net.SocketTimeoutException e) {
      throw new GatewayError(
          0, "the gateway at " + baseUrl + " did not answer within " + timeout.toSeconds() + " s");
    } catch (IOException e) {
      throw new GatewayError(0, "cannot reach the gateway at " + baseUrl + ": " + e.getMessage());
    } finally {
      call.disconnect();
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }
}
