package dev.gitopscrew.gatewayclient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.GatewayFile;
import dev.gitopscrew.settings.GatewaySettings;
import dev.gitopscrew.settings.Secret;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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

  // built on first use: a command that finds no gateway never pays for Jackson
  private static final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();
  }

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
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
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), Duration.ofSeconds(30));
  }

  public JsonNode post(String path, Object body, Duration timeout) {
    try {
      return send(
          HttpRequest.newBuilder(URI.create(baseUrl + path))
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body))),
          timeout);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot encode the request: " + e.getMessage(), e);
    }
  }

  private JsonNode send(HttpRequest.Builder request, Duration timeout) {
    try {
      token.ifPresent(t -> request.header("Authorization", "Bearer " + t.reveal()));
    } catch (IllegalArgumentException e) {
      // the JDK quotes the rejected header value, which is the token
      throw new GatewayError(
          0, "the gateway token is not a valid header value; set CREW_GATEWAY_TOKEN again");
    }
    localKey.ifPresent(k -> request.header(GatewayFile.LOCAL_KEY_HEADER, k.reveal()));
    request.timeout(timeout);
    try {
      HttpResponse<String> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      JsonNode body =
          response.body().isBlank()
              ? Json.MAPPER.nullNode()
              : Json.MAPPER.readTree(response.body());
      if (response.statusCode() >= 400) {
        String message = body.path("error").asText("HTTP " + response.statusCode());
        throw new GatewayError(
            response.statusCode(), "the gateway at " + baseUrl + " answered: " + message);
      }
      return body;
    } catch (IOException e) {
      throw new GatewayError(0, "cannot reach the gateway at " + baseUrl + ": " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GatewayError(0, "interrupted while waiting for the gateway");
    }
  }
}
