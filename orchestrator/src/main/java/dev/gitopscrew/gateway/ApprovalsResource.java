package dev.gitopscrew.gateway;

import dev.gitopscrew.audit.AuditTrail;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.request.Quote;
import dev.gitopscrew.session.SessionEngine;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/approvals}: what waits for a person; {@code POST /api/approvals/{id}} with {@code
 * {"decision": "approve" | "deny", "reason": "…"}} decides one. A second decision changes nothing
 * and answers 409 with who decided first.
 */
@Path("/api/approvals")
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalsResource {

  @Inject SessionEngine engine;
  @Inject RunRequest runRequest;
  @Inject AuditTrail trail;

  public record Body(String decision, String reason, String requester) {}

  @GET
  public Response pending() {
    return Response.ok(engine.approvals().pending()).build();
  }

  @GET
  @Path("{id}")
  public Response one(@PathParam("id") String id) {
    return engine
        .approvals()
        .find(id)
        .map(a -> Response.ok(a).build())
        .orElseGet(() -> ApiErrors.of(404, "no approval " + Quote.bounded(id)));
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response decide(@PathParam("id") String id, Body body) throws InterruptedException {
    if (body == null
        || body.decision() == null
        || !(body.decision().equals("approve") || body.decision().equals("deny"))) {
      return ApiErrors.of(
          400, "a decision is {\"decision\": \"approve\"} or {\"decision\": \"deny\"}");
    }
    java.util.Optional<String> tooLong =
        FieldLimits.first(
            FieldLimits.check("reason", body.reason(), FieldLimits.REASON),
            FieldLimits.check("requester", body.requester(), FieldLimits.REQUESTER));
    if (tooLong.isPresent()) {
      return ApiErrors.of(400, tooLong.get());
    }
    if (id.length() > 16 || engine.approvals().find(id).isEmpty()) {
      return ApiErrors.of(404, "no approval " + Quote.bounded(id));
    }
    String by = body.requester() == null ? "api" : body.requester().strip();
    RequestOutcome outcome =
        runRequest.decide(id, body.decision().equals("approve"), by, body.reason(), true);
    if (outcome instanceof RequestOutcome.Refused refused) {
      return ApiErrors.of(409, refused.reason());
    }
    return RequestsResource.answer(outcome, true, runRequest, trail, engine);
  }
}
