package dev.gitopscrew.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.gitopscrew.runtime.GatewayClient;
import dev.gitopscrew.runtime.GatewayClient.GatewayError;
import dev.gitopscrew.session.RequestAnswer;
import dev.gitopscrew.session.RequestOutcome;
import dev.gitopscrew.session.SessionView;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sessions through the running gateway's API, so the store has one owner. */
final class RemoteSessions implements Sessions {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private static final TypeReference<List<SessionView>> VIEWS = new TypeReference<>() {};

  private final GatewayClient gateway;
  private final Duration runTimeout;

  RemoteSessions(GatewayClient gateway, Duration runTimeout) {
    this.gateway = gateway;
    this.runTimeout = runTimeout;
  }

  @Override
  public RequestOutcome ask(String text, Optional<String> agent) {
    Map<String, Object> body = new HashMap<>();
    body.put("text", text);
    agent.ifPresent(a -> body.put("agent", a));
    try {
      RequestAnswer answer =
          JSON.convertValue(
              gateway.post("/api/requests", body, runTimeout.plusSeconds(30)), RequestAnswer.class);
      return new RequestOutcome.Ran(answer.rootId(), answer.agent(), answer.tree());
    } catch (GatewayError e) {
      return switch (e.status()) {
        case 400 -> new RequestOutcome.Invalid(e.getMessage());
        case 403 -> new RequestOutcome.Refused(e.getMessage());
        default -> throw e;
      };
    }
  }

  @Override
  public List<SessionView> list(boolean all) {
    return JSON.convertValue(gateway.get("/api/sessions?all=" + all), VIEWS);
  }

  @Override
  public List<SessionView> tree(long id) {
    try {
      return JSON.convertValue(gateway.get("/api/sessions/" + id).path("tree"), VIEWS);
    } catch (GatewayError e) {
      if (e.status() == 404) {
        return List.of();
      }
      throw e;
    }
  }

  @Override
  public Optional<Integer> cancel(long id) {
    try {
      return Optional.of(
          gateway
              .post("/api/sessions/" + id + "/cancel", Map.of(), Duration.ofSeconds(30))
              .path("ended")
              .asInt());
    } catch (GatewayError e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void close() {}
}
