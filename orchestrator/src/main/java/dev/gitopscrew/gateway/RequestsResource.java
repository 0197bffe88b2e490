package dev.gitopscrew.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.audit.AuditTrail;
import dev.gitopscrew.intake.RequestAnswer;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestKind;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionEngine;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /api/requests}: run one request, given as {@code text} (a line of words, as {@code
 * crew ask} takes it), as a typed {@code request} (a kind of the request catalogue and its fields,
 * as the catalogue's JSON Schema says), or as a {@code record} (a request in the form sessions
 * store it, as the CLI sends its own). With {@code wait} (the default) the answer is the finished
 * tree with its effects; without, 202 and the root session id to follow.
 */
@Path("/api/requests")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class RequestsResource {

  private static final ChannelScope API = ChannelScope.unrestricted("the HTTP API");

  @Inject RunRequest runRequest;
  @Inject AuditTrail trail;
  @Inject SessionEngine engine;

  /**
   * @param requester who asks, as the caller knows them (the CLI sends {@code cli:<user>}); the
   *     channel is always {@code api}
   */
  public record Body(
      String text,
      JsonNode request,
      JsonNode record,
      String agent,
      String requester,
      Boolean approve,
      @JsonProperty("wait") Boolean waitForResult) {}

  @Inject LocalCaller localCaller;
  @Inject dev.gitopscrew.store.StoreHealth store;

  @POST
  public Response run(
      @jakarta.ws.rs.HeaderParam(dev.gitopscrew.settings.GatewayFile.LOCAL_KEY_HEADER)
          String localKey,
      Body body)
      throws InterruptedException {
    int given =
        (body != null && body.text() != null ? 1 : 0)
            + (body != null && body.request() != null ? 1 : 0)
            + (body != null && body.record() != null ? 1 : 0);
    if (given != 1) {
      return ApiErrors.of(
          400,
          "a request needs one of \"text\", e.g. {\"text\": \"restart deployment/homepage in"
              + " apps\"}, or a typed \"request\" with a \"kind\" (one of "
              + String.join(
                  ", ",
                  runRequest.catalogue().offeredAt(Door.API).stream().map(RequestKind::id).toList())
              + "), e.g. {\"request\": {\"kind\": \"restart\", \"workload\":"
              + " \"deployment/homepage\", \"namespace\": \"apps\"}}");
    }
    Optional<String> tooLong =
        FieldLimits.first(
            FieldLimits.check("text", body.text(), FieldLimits.TEXT),
            FieldLimits.check("requester", body.requester(), FieldLimits.REQUESTER),
            FieldLimits.check("agent", body.agent(), FieldLimits.AGENT),
            FieldLimits.check("request", body.request()),
            FieldLimits.check("request", body.record()));
    if (tooLong.isPresent()) {
      return ApiErrors.of(400, tooLong.get());
    }
    boolean wait = !Boolean.FALSE.equals(body.waitForResult());
    boolean approve = Boolean.TRUE.equals(body.approve());
    Optional<String> agent = Optional.ofNullable(body.agent());
    // a command of this machine's CLI, proven by the key in gateway.json, acts for the command line
    String channel = localCaller.presentedBy(localKey) ? Origin.COMMAND_LINE : "api";
    Origin origin =
        new Origin(channel, body.requester() == null ? "api" : body.requester().strip());
    RequestOutcome outcome;
    if (body.text() != null) {
      outcome = runRequest.runText(body.text(), agent, API, origin, wait, approve);
    } else {
      Request request;
      try {
        request =
            body.record() != null
                ? RequestJson.read(body.record().toString())
                : typed(body.request());
      } catch (BadRequestException e) {
        return ApiErrors.of(400, e.getMessage());
      }
      outcome = runRequest.run(request, agent, API, origin, wait, approve);
    }
    if (outcome instanceof RequestOutcome.Refused) {
      // a session the store could not record: say what is wrong with the store (a full disk: 507)
      Optional<dev.gitopscrew.store.StoreTrouble> trouble = store.check();
      if (trouble.isPresent()) {
        return StoreErrors.answer(trouble.get());
      }
    }
    return answer(outcome, wait, runRequest, trail, engine);
  }

  /** A typed request: {@code kind} names the catalogue's kind, the other members its fields. */
  private Request typed(JsonNode request) {
    if (!request.isObject() || !request.path("kind").isTextual()) {
      throw new BadRequestException(
          "a typed request is an object with a \"kind\" and its fields, e.g. {\"kind\":"
              + " \"scan\", \"repository\": \"demo\"}");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> fields = JSON.convertValue(request, Map.class);
    String kind = (String) fields.remove("kind");
    return runRequest.catalogue().typed(kind, fields, Door.API, Map.of());
  }

  private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
      new com.fasterxml.jackson.databind.ObjectMapper();

  /** The answer for a request that ran (or was refused), as every request endpoint gives it. */
  static Response answer(
      RequestOutcome outcome,
      boolean wait,
      RunRequest runRequest,
      AuditTrail trail,
      SessionEngine engine) {
    if (outcome instanceof RequestOutcome.Invalid invalid) {
      return ApiErrors.of(400, invalid.reason());
    }
    if (outcome instanceof RequestOutcome.Refused refused) {
      return ApiErrors.of(403, refused.reason());
    }
    RequestOutcome.Ran ran = (RequestOutcome.Ran) outcome;
    Approval approval =
        ran.awaitingApproval() ? engine.approvals().ofSession(ran.rootId()).orElse(null) : null;
    return Response.status(wait ? 200 : 202)
        .entity(RequestAnswer.of(ran, trail.ofSession(ran.rootId()).orElse(List.of()), approval))
        .build();
  }
}
