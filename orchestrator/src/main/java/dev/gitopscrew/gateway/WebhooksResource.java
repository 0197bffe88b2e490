package dev.gitopscrew.gateway;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.metrics.CrewMetrics;
import dev.gitopscrew.webhook.ArgoWebhook;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Argo CD Notifications' webhook: its own bearer token, outside {@code /api}. */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  @Inject ArgoWebhook argo;
  @Inject Crew crew;

  @POST
  @Path("argocd")
  public Response argocd(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, String body) {
    ArgoWebhook.Reply reply = argo.receive(authorization, body);
    crew.metrics().webhook("argocd", CrewMetrics.outcomeOf(reply.status()));
    Response.ResponseBuilder response = Response.status(reply.status()).entity(reply.body());
    if (reply.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"gitops-crew-argocd\"");
    }
    return response.build();
  }
}
