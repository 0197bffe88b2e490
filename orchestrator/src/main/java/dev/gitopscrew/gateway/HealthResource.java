package dev.gitopscrew.gateway;

import dev.gitopscrew.store.StateStore;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code /healthz} and {@code /readyz}, the paths OpenClaw users already probe; the standard {@code
 * /q/health/live} and {@code /q/health/ready} answer too.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class HealthResource {

  @Inject StateStore store;

  @GET
  @Path("healthz")
  public Map<String, String> live() {
    return Map.of("status", "UP");
  }

  @GET
  @Path("readyz")
  public Response ready() {
    boolean up = store.isHealthy();
    return Response.status(up ? 200 : 503)
        .entity(Map.of("status", up ? "UP" : "DOWN", "stateStore", up ? "UP" : "DOWN"))
        .build();
  }
}
