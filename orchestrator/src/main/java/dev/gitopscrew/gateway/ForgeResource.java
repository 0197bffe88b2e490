package dev.gitopscrew.gateway;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.store.ForgeListing;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code GET /api/forge/{repo}}: what the local forge recorded for a repository. */
@Path("/api/forge")
@Produces(MediaType.APPLICATION_JSON)
public class ForgeResource {

  @Inject Crew crew;

  @GET
  @Path("{repo}")
  public Response forge(@PathParam("repo") String repo) {
    if (!crew.changes().repositories().contains(repo)) {
      return ApiErrors.of(404, "no repository named '" + repo + "'");
    }
    return Response.ok(ForgeListing.of(crew.forgeRecords(), repo)).build();
  }
}
