package dev.gitopscrew.gateway;

import dev.gitopscrew.change.ChangeView;
import dev.gitopscrew.change.ForgeListing;
import dev.gitopscrew.change.RunChange;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.store.JdbcLocalForgeRecords;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /api/changes} runs the Git workflow for one change; {@code GET /api/forge/{repo}}
 * lists what the local forge recorded for a repository.
 */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class ChangesResource {

  @Inject RunChange runChange;
  @Inject JdbcLocalForgeRecords records;

  /** {@code files} maps a repository path to its new content, base64-encoded. */
  public record Body(
      String repo,
      String type,
      String title,
      Integer issue,
      String agent,
      String summary,
      Map<String, String> files) {}

  @POST
  @Path("changes")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response change(Body body) {
    ChangeRequest request;
    try {
      if (body == null || body.repo() == null || body.type() == null || body.title() == null) {
        throw new IllegalArgumentException(
            "a change needs \"repo\", \"type\", \"title\" and \"files\"");
      }
      Map<String, byte[]> files = new LinkedHashMap<>();
      if (body.files() != null) {
        body.files()
            .forEach((path, content) -> files.put(path, Base64.getDecoder().decode(content)));
      }
      request =
          new ChangeRequest(
              body.repo(),
              ChangeType.parse(body.type()),
              body.title(),
              body.issue(),
              body.agent(),
              files,
              body.summary(),
              null,
              null);
    } catch (IllegalArgumentException e) {
      return RequestsResource.error(400, e.getMessage());
    }
    ChangeView view =
        ChangeView.of(runChange.run(request, ChannelScope.unrestricted("the HTTP API")));
    int status =
        switch (view.status()) {
          case "completed" -> 200;
          case "refused" -> 403;
          case "conflicted" -> 409;
          default -> 502;
        };
    return Response.status(status).entity(view).build();
  }

  @GET
  @Path("forge/{repo}")
  public Response forge(@PathParam("repo") String repo) {
    if (!runChange.repositories().contains(repo)) {
      return RequestsResource.error(404, "no repository named '" + repo + "'");
    }
    return Response.ok(ForgeListing.of(records, repo)).build();
  }
}
