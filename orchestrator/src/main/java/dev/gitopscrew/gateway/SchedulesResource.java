package dev.gitopscrew.gateway;

import dev.gitopscrew.request.Quote;
import dev.gitopscrew.schedule.ScheduleStatus;
import dev.gitopscrew.schedule.Schedules;
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

/**
 * {@code GET /api/schedules} (each schedule, its next slot and last run), {@code GET
 * /api/schedules/NAME/history[?limit=N]} and {@code POST /api/schedules/NAME/run} (runs it now, as
 * a manual slot, and answers the run when it ended).
 */
@Path("/api/schedules")
@Produces(MediaType.APPLICATION_JSON)
public class SchedulesResource {

  @Inject Schedules schedules;

  @GET
  public List<ScheduleStatus> list() {
    return schedules.list();
  }

  @GET
  @Path("{name}/history")
  public Response history(
      @PathParam("name") String name, @QueryParam("limit") @DefaultValue("20") int limit) {
    return schedules
        .history(name, Math.max(1, Math.min(limit, 1000)))
        .map(runs -> Response.ok(runs).build())
        .orElseGet(() -> noSuch(name));
  }

  @POST
  @Path("{name}/run")
  public Response run(@PathParam("name") String name) throws InterruptedException {
    return schedules
        .runNow(name)
        .map(run -> Response.ok(run).build())
        .orElseGet(() -> noSuch(name));
  }

  private static Response noSuch(String name) {
    return ApiErrors.of(404, "no schedule " + Quote.bounded(name) + " (GET /api/schedules)");
  }
}
