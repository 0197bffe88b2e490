package dev.gitopscrew.gateway;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.metrics.CrewMetrics;
import dev.gitopscrew.webhook.ArgoWebhook;
import dev.gitopscrew.webhook.PullRequestDeliveries;
import dev.gitopscrew.webhook.PullRequestWebhooks;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The webhooks, each with its own authentication, outside {@code /api}: Argo CD Notifications
 * (bearer token), GitHub (HMAC signature) and Azure DevOps service hooks (basic auth).
 */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
public class WebhooksResource {

  @Inject ArgoWebhook argo;
  @Inject Crew crew;
  @Inject PullRequestWebhooks pullRequests;

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

  /** GitHub's webhook: HMAC-signed with GITHUB_WEBHOOK_SECRET (docs/pull-requests.md). */
  @POST
  @Path("github")
  @Consumes(MediaType.WILDCARD)
  public Response github(
      @HeaderParam("X-GitHub-Event") String event,
      @HeaderParam("X-GitHub-Delivery") String delivery,
      @HeaderParam("X-Hub-Signature-256") String signature,
      byte[] body) {
    PullRequestDeliveries.Reply reply =
        pullRequests.github().receive(event, delivery, signature, body);
    crew.metrics().webhook("github", CrewMetrics.outcomeOf(reply.status()));
    return Response.status(reply.status()).entity(reply.body()).build();
  }

  /** Azure DevOps service hooks: basic auth with AZURE_DEVOPS_WEBHOOK_SECRET as the password. */
  @POST
  @Path("azure-devops")
  @Consumes(MediaType.WILDCARD)
  public Response azureDevOps(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, byte[] body) {
    PullRequestDeliveries.Reply reply = pullRequests.azureDevOps().receive(authorization, body);
    crew.metrics().webhook("azure-devops", CrewMetrics.outcomeOf(reply.status()));
    Response.ResponseBuilder response = Response.status(reply.status()).entity(reply.body());
    if (reply.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"gitops-crew-azure-devops\"");
    }
    return response.build();
  }
}
