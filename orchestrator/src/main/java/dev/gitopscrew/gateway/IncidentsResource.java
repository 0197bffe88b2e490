package dev.gitopscrew.gateway;

import dev.gitopscrew.incident.Incident;
import dev.gitopscrew.incident.IncidentLog;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code GET /api/incidents[?limit=N]} and {@code GET /api/incidents/ID}, with its report. */
@Path("/api/incidents")
@Produces(MediaType.APPLICATION_JSON)
public class IncidentsResource {

  @Inject IncidentLog incidents;

  @GET
  public List<Incident> list(@QueryParam("limit") @DefaultValue("50") int limit) {
    return incidents.list(Math.max(1, Math.min(limit, 1000)));
  }

  @GET
  @Path("{id}")
  public Response show(@PathParam("id") long id) {
    return incidents
        .find(id)
        .map(i -> Response.ok(i).build())
        .orElseGet(() -> ApiErrors.of(404, "no incident " + id));
  }
}
