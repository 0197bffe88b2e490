package dev.gitopscrew.forge.azure;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * The Azure DevOps REST API 7.1 calls the crew makes, as a MicroProfile REST Client interface. The
 * base URI is the organization URL's host ({@code https://dev.azure.com}); every call carries
 * {@code api-version=7.1}.
 */
@Path("/{organization}/{project}/_apis")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface AzureDevOpsApi {

  String VERSION = "7.1";
  String JSON_PATCH = "application/json-patch+json";

  @GET
  @Path("/git/repositories/{repository}/pullrequests")
  JsonNode pullRequests(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @QueryParam("searchCriteria.sourceRefName") String sourceRefName,
      @QueryParam("searchCriteria.status") String status,
      @QueryParam("api-version") String version);

  @GET
  @Path("/git/repositories/{repository}/pullrequests/{id}")
  JsonNode pullRequest(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @PathParam("id") int id,
      @QueryParam("api-version") String version);

  @POST
  @Path("/git/repositories/{repository}/pullrequests")
  JsonNode createPullRequest(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @QueryParam("api-version") String version,
      JsonNode pullRequest);

  @PATCH
  @Path("/git/repositories/{repository}/pullrequests/{id}")
  JsonNode updatePullRequest(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @PathParam("id") int id,
      @QueryParam("api-version") String version,
      JsonNode changes);

  @POST
  @Path("/git/repositories/{repository}/pullrequests/{id}/labels")
  JsonNode addPullRequestLabel(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @PathParam("id") int id,
      @QueryParam("api-version") String version,
      JsonNode label);

  @DELETE
  @Path("/git/repositories/{repository}/pullrequests/{id}/labels/{label}")
  void removePullRequestLabel(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @PathParam("id") int id,
      @PathParam("label") String label,
      @QueryParam("api-version") String version);

  @PUT
  @Path("/git/repositories/{repository}/pullrequests/{id}/reviewers/{reviewerId}")
  JsonNode addReviewer(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @PathParam("id") int id,
      @PathParam("reviewerId") String reviewerId,
      @QueryParam("api-version") String version,
      JsonNode reviewer);

  @POST
  @Path("/git/repositories/{repository}/annotatedtags")
  JsonNode createAnnotatedTag(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @QueryParam("api-version") String version,
      JsonNode tag);

  @GET
  @Path("/git/repositories/{repository}/pullrequests/{id}/threads")
  JsonNode pullRequestThreads(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @PathParam("id") int id,
      @QueryParam("api-version") String version);

  @POST
  @Path("/git/repositories/{repository}/pullrequests/{id}/threads")
  JsonNode createPullRequestThread(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @PathParam("id") int id,
      @QueryParam("api-version") String version,
      JsonNode thread);

  @PATCH
  @Path("/git/repositories/{repository}/pullrequests/{id}/threads/{thread}/comments/{comment}")
  JsonNode updatePullRequestComment(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @PathParam("id") int id,
      @PathParam("thread") long thread,
      @PathParam("comment") int comment,
      @QueryParam("api-version") String version,
      JsonNode content);

  @POST
  @Path("/git/repositories/{repository}/commits/{commit}/statuses")
  JsonNode createCommitStatus(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @PathParam("commit") String commit,
      @QueryParam("api-version") String version,
      JsonNode status);

  @GET
  @Path("/wit/workitems/{id}")
  JsonNode workItem(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("id") int id,
      @QueryParam("api-version") String version);

  @POST
  @Path("/wit/workitems/${type}")
  @Consumes(JSON_PATCH)
  JsonNode createWorkItem(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("type") String type,
      @QueryParam("api-version") String version,
      JsonNode patch);

  @PATCH
  @Path("/wit/workitems/{id}")
  @Consumes(JSON_PATCH)
  JsonNode updateWorkItem(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("id") int id,
      @QueryParam("api-version") String version,
      JsonNode patch);

  @GET
  @Path("/wit/workitems/{id}/updates")
  JsonNode workItemUpdates(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("id") int id,
      @QueryParam("api-version") String version);

  @POST
  @Path("/wit/wiql")
  JsonNode wiql(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @QueryParam("api-version") String version,
      JsonNode query);

  /** Completed (merged) pull requests into a branch, closed since {@code minTime}, a page. */
  @GET
  @Path("/git/repositories/{repository}/pullrequests")
  JsonNode completedPullRequests(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @QueryParam("searchCriteria.status") String status,
      @QueryParam("searchCriteria.targetRefName") String targetRefName,
      @QueryParam("searchCriteria.minTime") String minTime,
      @QueryParam("searchCriteria.queryTimeRangeType") String queryTimeRangeType,
      @QueryParam("$top") int top,
      @QueryParam("$skip") int skip,
      @QueryParam("api-version") String version);

  @GET
  @Path("/git/repositories/{repository}/pullrequests/{id}/labels")
  JsonNode pullRequestLabels(
      @PathParam("organization") String organization,
      @PathParam("project") String project,
      @PathParam("repository") String repository,
      @PathParam("id") int id,
      @QueryParam("api-version") String version);
}
