package dev.gitopscrew.gateway;

import dev.gitopscrew.audit.AuditTrail;
import dev.gitopscrew.session.SessionEngine;
import dev.gitopscrew.session.SessionView;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;

/** Sessions: list, one with its tree and effects, cancel a subtree. */
@Path("/api/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

  @Inject SessionEngine engine;
  @Inject AuditTrail trail;

  @GET
  public List<SessionView> list(
      @QueryParam("all") @DefaultValue("false") boolean all,
      @QueryParam("limit") @DefaultValue("50") int limit) {
    return SessionView.of(engine.list(all, Math.max(1, Math.min(limit, 1000))));
  }

  @GET
  @Path("{id}")
  public Response show(@PathParam("id") long id) {
    return engine
        .find(id)
        .map(s -> Response.ok(sessionBody(s)).build())
        .orElseGet(() -> ApiErrors.of(404, "no session " + id));
  }

  private Map<String, Object> sessionBody(dev.gitopscrew.session.SessionRecord s) {
    Map<String, Object> body = new java.util.LinkedHashMap<>();
    body.put("session", SessionView.of(s));
    body.put("tree", SessionView.of(engine.tree(s.rootId())));
    body.put("effects", trail.ofSession(s.id()).orElse(List.of()));
    if (s.state().equals("awaiting_approval")) {
      engine.approvals().ofSession(s.id()).ifPresent(a -> body.put("approval", a));
    }
    return body;
  }

  @POST
  @Path("{id}/cancel")
  public Response cancel(@PathParam("id") long id) {
    if (engine.find(id).isEmpty()) {
      return ApiErrors.of(404, "no session " + id);
    }
    int ended = engine.cancel(id, "api");
    return Response.ok(Map.of("id", id, "ended", ended)).build();
  }
}
