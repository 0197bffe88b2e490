package dev.gitopscrew.gateway;

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

  @Inject ReadinessReport readiness;

  /** {@code /health} too: the path OpenClaw's own probes and many homelab dashboards use. */
  @GET
  @Path("health")
  public Map<String, String> health() {
    return live();
  }

  @GET
  @Path("healthz")
  public Map<String, String> live() {
    return Map.of("status", "UP");
  }

  /** 200 while the state store takes a write, 503 with the reason otherwise. */
  @GET
  @Path("readyz")
  public Response ready() {
    ReadinessReport.Report report = readiness.now();
    return Response.status(report.up() ? 200 : 503).entity(report.fields()).build();
  }
}
