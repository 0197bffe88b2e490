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
import java.io.InputStream;
import java.util.Map;

/**
 * The webhooks, each with its own authentication, outside {@code /api}: Argo CD Notifications
 * (bearer token), GitHub (HMAC signature) and Azure DevOps service hooks (basic auth). The {@link
 * IntakeGate} has checked what the headers carry before a body arrives here; each body is read
 * within its door's limit ({@link BodyLimits}).
 */
@Path("/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.WILDCARD)
public class WebhooksResource {

  @Inject ArgoWebhook argo;
  @Inject Crew crew;
  @Inject PullRequestWebhooks pullRequests;

  @POST
  @Path("argocd")
  public Response argocd(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body) {
    byte[] bytes = BoundedBody.read(body, "/webhooks/argocd");
    ArgoWebhook.Reply reply = argo.receive(authorization, bytes);
    return answer("argocd", reply.status(), reply.body(), "Bearer realm=\"gitops-crew-argocd\"");
  }

  /** GitHub's webhook: HMAC-signed with GITHUB_WEBHOOK_SECRET (docs/pull-requests.md). */
  @POST
  @Path("github")
  public Response github(
      @HeaderParam("X-GitHub-Event") String event,
      @HeaderParam("X-GitHub-Delivery") String delivery,
      @HeaderParam("X-Hub-Signature-256") String signature,
      InputStream body) {
    byte[] bytes = BoundedBody.read(body, "/webhooks/github");
    PullRequestDeliveries.Reply reply =
        pullRequests.github().receive(event, delivery, signature, bytes);
    return answer("github", reply.status(), reply.body(), null);
  }

  /** Azure DevOps service hooks: basic auth with AZURE_DEVOPS_WEBHOOK_SECRET as the password. */
  @POST
  @Path("azure-devops")
  public Response azureDevOps(
      @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, InputStream body) {
    byte[] bytes = BoundedBody.read(body, "/webhooks/azure-devops");
    PullRequestDeliveries.Reply reply = pullRequests.azureDevOps().receive(authorization, bytes);
    return answer(
        "azure-devops", reply.status(), reply.body(), "Basic realm=\"gitops-crew-azure-devops\"");
  }

  private Response answer(String source, int status, Map<String, Object> body, String challenge) {
    crew.metrics().webhook(source, CrewMetrics.outcomeOf(status));
    Response.ResponseBuilder response = Response.status(status).entity(body);
    if (status == 401 && challenge != null) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, challenge);
    }
    return response.build();
  }
}
