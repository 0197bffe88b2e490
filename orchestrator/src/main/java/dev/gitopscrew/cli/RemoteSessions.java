package dev.gitopscrew.cli;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.gatewayclient.ApiJson;
import dev.gitopscrew.gatewayclient.GatewayClient;
import dev.gitopscrew.gatewayclient.GatewayClient.GatewayError;
import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.intake.RequestAnswer;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionView;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Requests and sessions through the running gateway's API, so the store has one owner. */
final class RemoteSessions implements Sessions {

  private static final ObjectMapper JSON = ApiJson.MAPPER;
  private static final TypeReference<List<SessionView>> VIEWS = new TypeReference<>() {};
  private static final TypeReference<List<AuditRecord>> RECORDS = new TypeReference<>() {};
  private static final TypeReference<List<Incident>> INCIDENTS = new TypeReference<>() {};

  private final GatewayClient gateway;
  private final Duration runTimeout;
  // the gateway answers a request with its effects and approval: no second call asks for them
  private final Map<Long, RequestAnswer> answered = new HashMap<>();

  RemoteSessions(GatewayClient gateway, Duration runTimeout) {
    this.gateway = gateway;
    this.runTimeout = runTimeout;
  }

  @Override
  public RequestOutcome ask(String text, Optional<String> agent, boolean approvedUpFront) {
    Map<String, Object> body = new HashMap<>();
    body.put("text", text);
    return post("/api/requests", body, agent, approvedUpFront);
  }

  @Override
  public RequestOutcome run(Request request, Optional<String> agent, boolean approvedUpFront) {
    Map<String, Object> body = new HashMap<>();
    // the stored form: a request the CLI made itself (local files included) goes as it is
    body.put("record", JSON.valueToTree(request));
    return post("/api/requests", body, agent, approvedUpFront);
  }

  @Override
  public RequestOutcome decide(String approvalId, boolean approve, String reason) {
    Map<String, Object> body = new HashMap<>();
    body.put("decision", approve ? "approve" : "deny");
    if (reason != null) {
      body.put("reason", reason);
    }
    return post("/api/approvals/" + approvalId, body, Optional.empty(), false);
  }

  @Override
  public Optional<Approval> approvalOf(long rootId) {
    if (answered.containsKey(rootId)) {
      return Optional.ofNullable(answered.get(rootId).approval());
    }
    JsonNode approval = gateway.get("/api/sessions/" + rootId).path("approval");
    return approval.isObject()
        ? Optional.of(JSON.convertValue(approval, Approval.class))
        : Optional.empty();
  }

  @Override
  public List<Approval> pendingApprovals() {
    return JSON.convertValue(gateway.get("/api/approvals"), new TypeReference<List<Approval>>() {});
  }

  private RequestOutcome post(
      String path, Map<String, Object> body, Optional<String> agent, boolean approvedUpFront) {
    agent.ifPresent(a -> body.put("agent", a));
    body.put("requester", "cli:" + Sessions.origin().requester());
    if (approvedUpFront) {
      body.put("approve", true);
    }
    try {
      JsonNode json = gateway.post(path, body, runTimeout.plusSeconds(30));
      RequestAnswer answer = JSON.convertValue(json, RequestAnswer.class);
      answered.put(answer.rootId(), answer);
      return new RequestOutcome.Ran(answer.rootId(), answer.agent(), answer.tree());
    } catch (GatewayError e) {
      return switch (e.status()) {
        case 400 -> new RequestOutcome.Invalid(e.getMessage());
        case 403, 404, 409 -> new RequestOutcome.Refused(e.getMessage());
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
    return found(() -> JSON.convertValue(gateway.get("/api/sessions/" + id).path("tree"), VIEWS))
        .orElse(List.of());
  }

  @Override
  public Optional<Integer> cancel(long id) {
    return found(
        () ->
            gateway
                .post("/api/sessions/" + id + "/cancel", Map.of(), Duration.ofSeconds(30))
                .path("ended")
                .asInt());
  }

  @Override
  public Optional<List<AuditRecord>> effects(long id) {
    if (answered.containsKey(id)) {
      return Optional.of(answered.get(id).effects());
    }
    return found(() -> JSON.convertValue(gateway.get("/api/audit?session=" + id), RECORDS));
  }

  @Override
  public List<AuditRecord> latestEffects(int limit) {
    return JSON.convertValue(gateway.get("/api/audit?limit=" + limit), RECORDS);
  }

  @Override
  public List<Incident> incidents(int limit) {
    return JSON.convertValue(gateway.get("/api/incidents?limit=" + limit), INCIDENTS);
  }

  @Override
  public Optional<Incident> incident(long id) {
    return found(() -> JSON.convertValue(gateway.get("/api/incidents/" + id), Incident.class));
  }

  /** The answer, or empty when the gateway says there is no such session. */
  private static <T> Optional<T> found(java.util.function.Supplier<T> call) {
    try {
      return Optional.of(call.get());
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
