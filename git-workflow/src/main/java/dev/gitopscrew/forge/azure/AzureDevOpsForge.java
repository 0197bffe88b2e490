package dev.gitopscrew.forge.azure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.LocalMerges;
import dev.gitopscrew.forge.MilestonesAndReleases;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.git.GitCredentials;
import dev.gitopscrew.git.RepositorySpec;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The {@link Forge} on Azure DevOps (REST API 7.1): issues are work items (labels as tags, comments
 * as history), pull requests carry labels and link their work item with an ArtifactLink. It keeps
 * no milestones or releases: a release there is an annotated tag whose message holds the notes.
 */
public final class AzureDevOpsForge implements Forge {

  public static final String DEFAULT_API_URL = "https://dev.azure.com";

  /** A work item type every process template has. */
  static final String WORK_ITEM_TYPE = "Task";

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String V = AzureDevOpsApi.VERSION;

  private final RepositorySpec spec;
  private final String pat;
  private final AzureDevOpsApi api;
  private final String org;
  private final String project;
  private final String repo;
  private final String web;

  public AzureDevOpsForge(RepositorySpec spec, String pat, AzureDevOpsApi api) {
    if (spec.organization() == null || spec.project() == null) {
      throw new IllegalArgumentException(
          "repository " + spec.name() + " on azure-devops needs organization and project");
    }
    if (pat == null || pat.isBlank()) {
      throw new IllegalArgumentException(
          "repository " + spec.name() + " is on Azure DevOps: set AZURE_DEVOPS_PAT");
    }
    this.spec = spec;
    this.pat = pat;
    this.api = api;
    this.org = spec.organization();
    this.project = spec.project();
    this.repo = spec.remoteName();
    this.web = (spec.apiUrl() == null ? DEFAULT_API_URL : spec.apiUrl()).replaceAll("/+$", "");
  }

  /** Builds the REST client (Quarkus REST Client in the application) with PAT basic auth. */
  public static AzureDevOpsForge connect(RepositorySpec spec, String pat) {
    String base = spec.apiUrl() == null ? DEFAULT_API_URL : spec.apiUrl();
    AzureDevOpsApi api =
        RestClientBuilder.newBuilder()
            .baseUri(URI.create(base))
            .register(new PatAuthentication(pat))
            .build(AzureDevOpsApi.class);
    return new AzureDevOpsForge(spec, pat, api);
  }

  @Override
  public Issue issue(int number) {
    return toIssue(call("read work item " + number, () -> api.workItem(org, project, number, V)));
  }

  @Override
  public Optional<Issue> findOpenIssue(String title, String marker, String label) {
    String wiql =
        "SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = @project"
            + " AND [System.Title] = '"
            + title.replace("'", "''")
            + "' AND [System.Tags] CONTAINS '"
            + label.replace("'", "''")
            + "' AND [System.State] NOT IN ('Closed', 'Done', 'Removed') ORDER BY [System.Id]";
    JsonNode found =
        call(
            "query work items",
            () -> api.wiql(org, project, V, NODES.objectNode().put("query", wiql)));
    JsonNode items = found.path("workItems");
    if (items.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(issue(items.get(0).path("id").asInt()));
  }

  @Override
  public Issue createIssue(NewIssue issue) {
    ArrayNode patch = NODES.arrayNode();
    patch.add(add("/fields/System.Title", issue.title()));
    patch.add(add("/fields/System.Description", issue.body()));
    patch.add(
        NODES
            .objectNode()
            .put("op", "add")
            .put("path", "/multilineFieldsFormat/System.Description")
            .put("value", "Markdown"));
    patch.add(add("/fields/System.Tags", String.join("; ", issue.labels())));
    return toIssue(
        call("create work item", () -> api.createWorkItem(org, project, WORK_ITEM_TYPE, V, patch)));
  }

  @Override
  public void addLabels(int issue, Set<String> labels) {
    Set<String> tags = new LinkedHashSet<>(issue(issue).labels());
    tags.addAll(labels);
    ArrayNode patch = NODES.arrayNode().add(add("/fields/System.Tags", String.join("; ", tags)));
    call("tag work item " + issue, () -> api.updateWorkItem(org, project, issue, V, patch));
  }

  /** Tags are one field on Azure DevOps: setting it replaces them all. */
  @Override
  public void setLabels(int issue, Set<String> labels) {
    ArrayNode patch = NODES.arrayNode().add(add("/fields/System.Tags", String.join("; ", labels)));
    call("tag work item " + issue, () -> api.updateWorkItem(org, project, issue, V, patch));
  }

  /**
   * Reopens a work item: {@code Active} in the Agile and CMMI processes, {@code To Do} in Scrum and
   * Basic. Azure DevOps answers 400 to a state its process does not allow (a Removed item); that
   * answer is the reason the change gives.
   */
  @Override
  public void reopenIssue(int number) {
    try {
      reopenAs(number, "Active");
    } catch (ForgeException e) {
      if (e.status() != 400) {
        throw e;
      }
      reopenAs(number, "To Do");
    }
  }

  private void reopenAs(int number, String state) {
    ArrayNode patch = NODES.arrayNode().add(add("/fields/System.State", state));
    call(
        "reopen work item " + number + " (" + state + ")",
        () -> api.updateWorkItem(org, project, number, V, patch));
  }

  @Override
  public Comment comment(int issue, String body) {
    ArrayNode patch = NODES.arrayNode().add(add("/fields/System.History", body));
    JsonNode item =
        call(
            "comment on work item " + issue,
            () -> api.updateWorkItem(org, project, issue, V, patch));
    return new Comment(item.path("rev").asLong(), body, workItemUrl(issue));
  }

  @Override
  public Optional<Comment> findComment(int issue, String marker) {
    JsonNode updates =
        call(
            "read work item " + issue + " history",
            () -> api.workItemUpdates(org, project, issue, V));
    for (JsonNode update : updates.path("value")) {
      String history = update.path("fields").path("System.History").path("newValue").asText("");
      if (history.contains(marker)) {
        return Optional.of(new Comment(update.path("rev").asLong(), history, workItemUrl(issue)));
      }
    }
    return Optional.empty();
  }

  @Override
  public Issue updateIssue(int number, String body) {
    ArrayNode patch = NODES.arrayNode().add(add("/fields/System.Description", body));
    return toIssue(
        call(
            "update work item " + number,
            () -> api.updateWorkItem(org, project, number, V, patch)));
  }

  /**
   * Closes a work item: {@code Closed} in the Agile and CMMI processes, {@code Done} in Scrum and
   * Basic, whose Task has no Closed state.
   */
  @Override
  public void closeIssue(int number) {
    try {
      setState(number, "Closed");
    } catch (ForgeException e) {
      if (e.status() != 400) {
        throw e;
      }
      setState(number, "Done");
    }
  }

  private void setState(int number, String state) {
    ArrayNode patch = NODES.arrayNode().add(add("/fields/System.State", state));
    call(
        "close work item " + number + " (" + state + ")",
        () -> api.updateWorkItem(org, project, number, V, patch));
  }

  /**
   * A pull request comment is the first comment of a thread; its id here is the thread's, since
   * Azure DevOps numbers comments within a thread (the first is 1).
   */
  @Override
  public Optional<Comment> findPullRequestComment(int number, String marker) {
    JsonNode threads =
        call(
            "read the threads of pull request " + number,
            () -> api.pullRequestThreads(org, project, repo, number, V));
    for (JsonNode thread : threads.path("value")) {
      String content = thread.path("comments").path(0).path("content").asText("");
      if (content.contains(marker)) {
        return Optional.of(
            new Comment(thread.path("id").asLong(), content, threadUrl(number, thread)));
      }
    }
    return Optional.empty();
  }

  @Override
  public Comment commentOnPullRequest(int number, String body) {
    ObjectNode thread = NODES.objectNode();
    thread
        .putArray("comments")
        .addObject()
        .put("parentCommentId", 0)
        .put("content", body)
        .put("commentType", 1);
    JsonNode made =
        call(
            "comment on pull request " + number,
            () -> api.createPullRequestThread(org, project, repo, number, V, thread));
    return new Comment(made.path("id").asLong(), body, threadUrl(number, made));
  }

  @Override
  public Comment updatePullRequestComment(int number, long commentId, String body) {
    call(
        "update the comment of pull request " + number,
        () ->
            api.updatePullRequestComment(
                org,
                project,
                repo,
                number,
                commentId,
                1,
                V,
                NODES.objectNode().put("content", body)));
    return new Comment(commentId, body, threadUrl(number, commentId));
  }

  private String threadUrl(int number, JsonNode thread) {
    return threadUrl(number, thread.path("id").asLong());
  }

  private String threadUrl(int number, long thread) {
    return web
        + "/"
        + enc(org)
        + "/"
        + enc(project)
        + "/_git/"
        + enc(repo)
        + "/pullrequest/"
        + number
        + "?discussionId="
        + thread;
  }

  @Override
  public void setCommitStatus(CommitStatus status) {
    ObjectNode body = NODES.objectNode();
    body.put(
        "state",
        switch (status.state()) {
          case PENDING -> "pending";
          case SUCCESS -> "succeeded";
          case FAILURE -> "failed";
          case ERROR -> "error";
        });
    body.put("description", status.description());
    if (status.targetUrl() != null) {
      body.put("targetUrl", status.targetUrl());
    }
    int slash = status.context().lastIndexOf('/');
    ObjectNode context = body.putObject("context");
    context.put("name", slash < 0 ? status.context() : status.context().substring(slash + 1));
    if (slash > 0) {
      context.put("genre", status.context().substring(0, slash));
    }
    call(
        "set the status of " + status.commit(),
        () -> api.createCommitStatus(org, project, repo, status.commit(), V, body));
  }

  @Override
  public Optional<PullRequest> findOpenPullRequest(String branch) {
    JsonNode list =
        call(
            "find the pull request of " + branch,
            () -> api.pullRequests(org, project, repo, "refs/heads/" + branch, "active", V));
    JsonNode first = list.path("value").path(0);
    return first.isMissingNode() ? Optional.empty() : Optional.of(toPullRequest(first));
  }

  @Override
  public PullRequest createPullRequest(NewPullRequest content) {
    ObjectNode body = NODES.objectNode();
    body.put("sourceRefName", "refs/heads/" + content.branch());
    body.put("targetRefName", "refs/heads/" + content.baseBranch());
    body.put("title", content.title());
    body.put("description", content.body());
    ArrayNode labels = body.putArray("labels");
    content.labels().forEach(l -> labels.addObject().put("name", l));
    JsonNode pr =
        call(
            "open a pull request for " + content.branch(),
            () -> api.createPullRequest(org, project, repo, V, body));
    linkWorkItem(content.issue(), pr);
    return toPullRequest(pr);
  }

  /**
   * Links the work item to the pull request: the ArtifactLink Azure Boards shows under Development.
   */
  private void linkWorkItem(int workItem, JsonNode pr) {
    String artifact =
        "vstfs:///Git/PullRequestId/"
            + pr.path("repository").path("project").path("id").asText()
            + "%2F"
            + pr.path("repository").path("id").asText()
            + "%2F"
            + pr.path("pullRequestId").asInt();
    ObjectNode relation = NODES.objectNode().put("rel", "ArtifactLink").put("url", artifact);
    relation.putObject("attributes").put("name", "Pull Request");
    ArrayNode patch = NODES.arrayNode();
    patch.addObject().put("op", "add").put("path", "/relations/-").set("value", relation);
    call(
        "link work item " + workItem + " to its pull request",
        () -> api.updateWorkItem(org, project, workItem, V, patch));
  }

  @Override
  public void addPullRequestLabel(int number, String label) {
    call(
        "label pull request " + number,
        () ->
            api.addPullRequestLabel(
                org, project, repo, number, V, NODES.objectNode().put("name", label)));
  }

  @Override
  public void removePullRequestLabel(int number, String label) {
    try {
      call(
          "remove label " + label + " from pull request " + number,
          () -> {
            api.removePullRequestLabel(org, project, repo, number, label, V);
            return null;
          });
    } catch (ForgeException e) {
      // Azure DevOps answers 404 for a label the pull request does not carry
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  /**
   * Azure DevOps has no one-call answer to "may this user push here" (it takes security namespaces
   * and descriptors), so nobody is assumed to: {@code channels.pullRequests.users} lists who may
   * run comment commands.
   */
  @Override
  public boolean canPush(String login) {
    return false;
  }

  @Override
  public PullRequest updatePullRequest(int number, NewPullRequest content) {
    ObjectNode changes =
        NODES.objectNode().put("title", content.title()).put("description", content.body());
    JsonNode pr =
        call(
            "update pull request " + number,
            () -> api.updatePullRequest(org, project, repo, number, V, changes));
    Set<String> present = labels(pr);
    for (String label : content.labels()) {
      if (!present.contains(label)) {
        call(
            "label pull request " + number,
            () ->
                api.addPullRequestLabel(
                    org, project, repo, number, V, NODES.objectNode().put("name", label)));
      }
    }
    return toPullRequest(pr);
  }

  @Override
  public PullRequest pullRequest(int number) {
    return toPullRequest(
        call("read pull request " + number, () -> api.pullRequest(org, project, repo, number, V)));
  }

  /** Adds a reviewer (by identity id) to a pull request, with no vote yet. */
  public void addReviewer(int pullRequest, String reviewerId) {
    call(
        "add a reviewer to pull request " + pullRequest,
        () ->
            api.addReviewer(
                org, project, repo, pullRequest, reviewerId, V, NODES.objectNode().put("vote", 0)));
  }

  /** Creates an annotated tag on a commit; returns the tag object's id. */
  public String createAnnotatedTag(String name, String commit, String message) {
    ObjectNode tag = NODES.objectNode().put("name", name).put("message", message);
    tag.putObject("taggedObject").put("objectId", commit);
    return call("create tag " + name, () -> api.createAnnotatedTag(org, project, repo, V, tag))
        .path("objectId")
        .asText();
  }

  @Override
  public GitCredentials gitCredentials() {
    return GitCredentials.azureDevOpsPat(pat);
  }

  private Issue toIssue(JsonNode item) {
    JsonNode fields = item.path("fields");
    int id = item.path("id").asInt();
    String state = fields.path("System.State").asText("");
    Set<String> tags =
        Arrays.stream(fields.path("System.Tags").asText("").split(";"))
            .map(String::trim)
            .filter(t -> !t.isEmpty())
            .collect(Collectors.toCollection(LinkedHashSet::new));
    return new Issue(
        id,
        fields.path("System.Title").asText(),
        fields.path("System.Description").asText(""),
        workItemUrl(id),
        !Set.of("Closed", "Done", "Removed").contains(state),
        tags,
        null);
  }

  private PullRequest toPullRequest(JsonNode pr) {
    int id = pr.path("pullRequestId").asInt();
    String status = pr.path("status").asText();
    PullRequest.State state =
        switch (status) {
          case "completed" -> PullRequest.State.MERGED;
          case "abandoned" -> PullRequest.State.CLOSED;
          default -> PullRequest.State.OPEN;
        };
    return new PullRequest(
        id,
        pr.path("title").asText(),
        pr.path("description").asText(""),
        web + "/" + enc(org) + "/" + enc(project) + "/_git/" + enc(repo) + "/pullrequest/" + id,
        pr.path("sourceRefName").asText().replaceFirst("^refs/heads/", ""),
        pr.path("targetRefName").asText().replaceFirst("^refs/heads/", ""),
        state,
        labels(pr),
        null);
  }

  private static Set<String> labels(JsonNode pr) {
    Set<String> names = new LinkedHashSet<>();
    pr.path("labels").forEach(l -> names.add(l.path("name").asText()));
    return names;
  }

  private String workItemUrl(int id) {
    return web + "/" + enc(org) + "/" + enc(project) + "/_workitems/edit/" + id;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static ObjectNode add(String path, String value) {
    return NODES.objectNode().put("op", "add").put("path", path).put("value", value);
  }

  private <T> T call(String what, Supplier<T> action) {
    try {
      return action.get();
    } catch (WebApplicationException e) {
      int status = e.getResponse() == null ? 0 : e.getResponse().getStatus();
      throw new ForgeException(failure(what, "HTTP " + status + " " + detail(e)), status);
    } catch (ProcessingException e) {
      throw new ForgeException(failure(what, String.valueOf(e.getMessage())), 0);
    }
  }

  private static String detail(WebApplicationException e) {
    try {
      JsonNode body = e.getResponse().readEntity(JsonNode.class);
      return body.path("message").asText("");
    } catch (RuntimeException unreadable) {
      return "";
    }
  }

  private String failure(String what, String detail) {
    return ("Azure DevOps " + spec.name() + ": cannot " + what + ": " + detail).replace(pat, "***");
  }

  private static final int PAGE = 100;

  /** Azure DevOps keeps neither milestones nor releases: a release there is its annotated tag. */
  @Override
  public Optional<MilestonesAndReleases> releases() {
    return Optional.empty();
  }

  @Override
  public Optional<LocalMerges> localMerges() {
    return Optional.empty();
  }

  /** Completed pull requests into the default branch closed since {@code since}; newest first. */
  @Override
  public List<ForgeItem> closedPullRequests(Instant since, Set<Integer> merged) {
    List<ForgeItem> out = new ArrayList<>();
    Set<Integer> missing = merged == null ? null : new java.util.HashSet<>(merged);
    for (int skip = 0; ; skip += PAGE) {
      int from = skip;
      JsonNode page =
          call(
              "list completed pull requests",
              () ->
                  api.completedPullRequests(
                      org,
                      project,
                      repo,
                      "completed",
                      "refs/heads/" + spec.defaultBranch(),
                      since == null ? null : since.toString(),
                      since == null ? null : "closed",
                      PAGE,
                      from,
                      V));
      for (JsonNode pr : page.path("value")) {
        ForgeItem item = completed(pr);
        out.add(item);
        if (missing != null) {
          missing.remove(item.number());
        }
      }
      if (page.path("value").size() < PAGE || (missing != null && missing.isEmpty())) {
        return out;
      }
    }
  }

  private ForgeItem completed(JsonNode pr) {
    int id = pr.path("pullRequestId").asInt();
    Set<String> labels =
        pr.has("labels")
            ? labels(pr)
            : labels(
                NODES
                    .objectNode()
                    .set(
                        "labels",
                        call(
                                "read the labels of pull request " + id,
                                () -> api.pullRequestLabels(org, project, repo, id, V))
                            .path("value")));
    JsonNode closed = pr.path("closedDate");
    Instant closedAt = closed.isTextual() ? Instant.parse(closed.asText()) : null;
    PullRequest base = toPullRequest(pr);
    return new ForgeItem(
        id,
        true,
        base.title(),
        base.body(),
        base.url(),
        base.state(),
        labels,
        null,
        base.baseBranch(),
        closedAt,
        pr.path("lastMergeCommit").path("commitId").asText(null),
        closedAt);
  }
}
