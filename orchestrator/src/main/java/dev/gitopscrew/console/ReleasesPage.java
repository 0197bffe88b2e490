package dev.gitopscrew.console;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.release.Plan;
import dev.gitopscrew.request.ReleaseCut;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /console/releases}: per repository the next version and why, the milestone's pull requests
 * and what blocks it; "cut" starts {@code release cut}, which always waits for an approval.
 */
@Path("/console/releases")
public class ReleasesPage {

  @Inject Crew crew;
  @Inject RunRequest runRequest;
  @Inject RoutingContext routing;

  private final ConsoleTemplate releases = new ConsoleTemplate("console/releases");

  /** A repository's plan, or why it could not be read. */
  public record Repository(String name, Plan plan, String problem) {
    public boolean cuttable() {
      return plan != null
          && (plan.status() == Plan.Status.READY || plan.status() == Plan.Status.CONTINUING);
    }
  }

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String list() {
    return page(null).render();
  }

  private TemplateInstance page(String notice) {
    List<Repository> repositories = new ArrayList<>();
    for (String name : new java.util.TreeSet<>(crew.releases().repositories())) {
      try {
        repositories.add(new Repository(name, crew.releases().plan(name, null), null));
      } catch (RuntimeException e) {
        repositories.add(new Repository(name, null, e.getMessage()));
      }
    }
    return ConsolePages.page(releases, "releases", routing)
        .data("repositories", repositories)
        .data("notice", notice);
  }

  @POST
  @Path("{repository}/cut")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response cut(@PathParam("repository") String repository, @FormParam("csrf") String csrf)
      throws InterruptedException {
    ConsoleUser user = ConsolePages.acting(routing, csrf);
    if (!crew.releases().repositories().contains(repository)) {
      return Response.status(404)
          .entity(
              page("There is no repository " + dev.gitopscrew.request.Quote.bounded(repository))
                  .render())
          .build();
    }
    return ConsoleRequests.answer(
        ConsoleRequests.start(runRequest, new ReleaseCut(repository, null, false), user, false),
        why -> page(why).render());
  }
}
