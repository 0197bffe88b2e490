package dev.gitopscrew.console;

import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.request.BadRequestException;
import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.catalogue.Door;
import dev.gitopscrew.roles.catalogue.RequestKind;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * {@code /console/requests}: a form per request kind the API's door offers, generated from the
 * request catalogue. A kind with a dry run runs it first and shows what it would do, with the same
 * values ready to run for real; the others start at once. Either way the browser follows the
 * request's session tree.
 */
@Path("/console/requests")
public class RequestsPage {

  @Inject RunRequest runRequest;
  @Inject RoutingContext routing;

  private final ConsoleTemplate list = new ConsoleTemplate("console/requests");

  private final ConsoleTemplate form = new ConsoleTemplate("console/request");

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String list() {
    return ConsolePages.page(list, "requests", routing)
        .data("kinds", runRequest.catalogue().offeredAt(Door.API))
        .render();
  }

  @GET
  @Path("{kind}")
  @Produces(MediaType.TEXT_HTML)
  public String form(@PathParam("kind") String kind) {
    return page(RequestForm.of(kind(kind), null), null, null).render();
  }

  private TemplateInstance page(RequestForm f, String problem, RequestOutcome.Ran dryRun) {
    return ConsolePages.page(form, "requests", routing)
        .data("form", f)
        .data("problem", problem)
        .data("dryRun", dryRun == null ? null : dryRun.root());
  }

  @POST
  @Path("{kind}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response submit(@PathParam("kind") String kindName, MultivaluedMap<String, String> values)
      throws InterruptedException {
    ConsoleUser user = ConsolePages.acting(routing, values.getFirst("csrf"));
    RequestForm f = RequestForm.of(kind(kindName), values);
    boolean dryRun = f.hasDryRun() && !"run".equals(values.getFirst("mode"));
    Request request;
    try {
      request = runRequest.catalogue().typed(f.kind().name(), f.typed(dryRun), Door.API, Map.of());
    } catch (BadRequestException e) {
      return Response.status(400).entity(page(f, e.getMessage(), null).render()).build();
    }
    RequestOutcome outcome = ConsoleRequests.start(runRequest, request, user, dryRun);
    if (dryRun && outcome instanceof RequestOutcome.Ran ran) {
      return Response.ok(page(f, null, ran).render()).build();
    }
    return ConsoleRequests.answer(outcome, why -> page(f, why, null).render());
  }

  private RequestKind kind(String name) {
    return runRequest.catalogue().offeredAt(Door.API).stream()
        .filter(k -> k.id().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                ConsolePages.notFound(
                    routing,
                    "requests",
                    "There is no request "
                        + dev.gitopscrew.request.Quote.bounded(name)
                        + " the console offers."));
  }
}
