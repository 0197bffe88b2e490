package dev.gitopscrew.gateway;

import dev.gitopscrew.audit.AuditTrail;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code GET /api/audit[?session=ID][&limit=N]}: the audit trail, or the effects of one session and
 * its subtree.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject AuditTrail trail;

  @GET
  public Response audit(
      @QueryParam("session") Long session, @QueryParam("limit") @DefaultValue("100") int limit) {
    if (session == null) {
      return Response.ok(trail.latest(Math.max(1, Math.min(limit, 10_000)))).build();
    }
    return trail
        .ofSession(session)
        .map(records -> Response.ok(records).build())
        .orElseGet(() -> ApiErrors.of(404, "no session " + session));
  }
}
