package dev.gitopscrew.console;

import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.intake.RunRequest;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionEngine;
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

/**
 * {@code /console/approvals}: what waits for a person, each with the plan or diff its dry run
 * showed; approve or deny with a reason through the same decision Discord's buttons, {@code crew
 * approve} and the API take, recorded as {@code console:NAME}.
 */
@Path("/console/approvals")
public class ApprovalsPage {

  private static final int REASON = 1000;

  @Inject SessionEngine engine;
  @Inject RunRequest runRequest;
  @Inject RoutingContext routing;

  private final ConsoleTemplate approvals = new ConsoleTemplate("console/approvals");

  @GET
  @Produces(MediaType.TEXT_HTML)
  public String list() {
    return page(null).render();
  }

  private TemplateInstance page(String notice) {
    return ConsolePages.page(approvals, "approvals", routing)
        .data("pending", engine.approvals().pending())
        .data("notice", notice);
  }

  @POST
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
  @Produces(MediaType.TEXT_HTML)
  public Response decide(
      @PathParam("id") String id,
      @FormParam("csrf") String csrf,
      @FormParam("decision") String decision,
      @FormParam("reason") String reason)
      throws InterruptedException {
    ConsoleUser user = ConsolePages.acting(routing, csrf);
    if (!"approve".equals(decision) && !"deny".equals(decision)) {
      return Response.status(400).entity(page("Choose Approve or Deny.").render()).build();
    }
    String why = ConsolePages.blankToNull(reason);
    if (why != null && why.length() > REASON) {
      return Response.status(400)
          .entity(page("A reason is at most " + REASON + " characters.").render())
          .build();
    }
    Approval approval = engine.approvals().find(id).orElse(null);
    if (id.length() > 16 || approval == null) {
      return Response.status(404)
          .entity(
              page("There is no approval " + dev.gitopscrew.request.Quote.bounded(id) + ".")
                  .render())
          .build();
    }
    RequestOutcome outcome =
        runRequest.decide(id, decision.equals("approve"), user.origin(), why, false);
    if (outcome instanceof RequestOutcome.Refused refused) {
      return Response.status(409).entity(page(refused.reason()).render()).build();
    }
    return ConsolePages.seeOther("/console/sessions/" + approval.sessionId());
  }
}
