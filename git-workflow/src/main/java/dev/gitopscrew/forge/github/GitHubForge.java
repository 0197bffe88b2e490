package dev.gitopscrew.forge.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.forge.Comment;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.NewIssue;
import dev.gitopscrew.forge.NewPullRequest;
import dev.gitopscrew.forge.NewRelease;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.Release;
import dev.gitopscrew.forge.ReleaseNotes;
import dev.gitopscrew.git.GitCredentials;
import dev.gitopscrew.git.RepositorySpec;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

/**
 * The {@link Forge} on GitHub (or GitHub Enterprise) through hub4j github-api; the release calls
 * are plain REST requests ({@link GitHubRest}), each exactly one HTTP request.
 */
public final class GitHubForge implements Forge {

  public static final String DEFAULT_API_URL = "https://api.github.com";

  private final RepositorySpec spec;
  private final GitHubAuth auth;
  private final GitHub github;
  private volatile GHRepository repository;
  // objects this adapter already holds, so a follow-up write does not re-read them first
  private final Map<Integer, GHIssue> known = new ConcurrentHashMap<>();
  private final GitHubRest rest;

  public GitHubForge(RepositorySpec spec, GitHubAuth auth, Duration maxLimitWait) {
    this.spec = spec;
    this.auth = auth;
    WaitOutLimits limits = new WaitOutLimits(maxLimitWait, Clock.systemUTC());
    this.rest =
        new GitHubRest(
            spec.apiUrl() == null ? DEFAULT_API_URL : spec.apiUrl(),
            auth.token(),
            spec.name(),
            limits,
            Duration.ofMillis(500));
    // PATs and installation tokens use the same header; a plain provider spares hub4j's GET /user
    String header = "token " + auth.token();
    GitHubBuilder builder =
        new GitHubBuilder()
            .withEndpoint(spec.apiUrl() == null ? DEFAULT_API_URL : spec.apiUrl())
            .withConnector(new HttpClientGitHubConnector())
            .withAuthorizationProvider(() -> header)
            .withRateLimitHandler(limits.primary())
            .withAbuseLimitHandler(limits.secondary());
    this.github = call("connect to " + spec.apiUrl(), builder::build);
  }

  @Override
  public Issue issue(int number) {
    GHIssue issue = call("read issue #" + number, () -> repo().getIssue(number));
    if (issue.isPullRequest()) {
      throw new ForgeException(
          "#" + number + " in " + spec.name() + " is a pull request, not an issue", 422);
    }
    known.put(number, issue);
    return toIssue(issue);
  }

  @Override
  public Optional<Issue> findOpenIssue(String title, String marker, String label) {
    return call(
        "search open issues",
        () -> {
          for (GHIssue issue :
              repo().queryIssues().state(GHIssueState.OPEN).label(label).pageSize(100).list()) {
            String body = issue.getBody() == null ? "" : issue.getBody();
            if (!issue.isPullRequest()
                && (body.contains(marker) || title.equals(issue.getTitle()))) {
              known.put(issue.getNumber(), issue);
              return Optional.of(toIssue(issue));
            }
          }
          return Optional.empty();
        });
  }

  @Override
  public Issue createIssue(NewIssue issue) {
    GHIssue made =
        call(
            "create issue",
            () -> {
              var builder = repo().createIssue(issue.title()).body(issue.body());
              issue.labels().forEach(builder::label);
              return builder.create();
            });
    known.put(made.getNumber(), made);
    return toIssue(made);
  }

  @Override
  public void addLabels(int issue, Set<String> labels) {
    GHIssue target = held(issue);
    call("label #" + issue, () -> target.addLabels(labels.toArray(String[]::new)));
  }

  @Override
  public Comment comment(int issue, String body) {
    GHIssue target = held(issue);
    GHIssueComment c = call("comment on #" + issue, () -> target.comment(body));
    return new Comment(c.getId(), c.getBody(), String.valueOf(c.getHtmlUrl()));
  }

  @Override
  public Optional<Comment> findComment(int issue, String marker) {
    GHIssue target = held(issue);
    return call(
        "read comments of #" + issue,
        () -> {
          for (GHIssueComment c : target.listComments()) {
            if (c.getBody() != null && c.getBody().contains(marker)) {
              return Optional.of(
                  new Comment(c.getId(), c.getBody(), String.valueOf(c.getHtmlUrl())));
            }
          }
          return Optional.empty();
        });
  }

  @Override
  public Optional<PullRequest> findOpenPullRequest(String branch) {
    return call(
        "find the pull request of " + branch,
        () -> {
          for (GHPullRequest pr :
              repo()
                  .queryPullRequests()
                  .head(spec.owner() + ":" + branch)
                  .state(GHIssueState.OPEN)
                  .list()) {
            if (branch.equals(pr.getHead().getRef())) {
              known.put(pr.getNumber(), pr);
              return Optional.of(toPullRequest(pr));
            }
          }
          return Optional.empty();
        });
  }

  @Override
  public PullRequest createPullRequest(NewPullRequest content) {
    GHPullRequest pr =
        call(
            "open a pull request for " + content.branch(),
            () ->
                repo()
                    .createPullRequest(
                        content.title(), content.branch(), content.baseBranch(), content.body()));
    known.put(pr.getNumber(), pr);
    call(
        "label pull request #" + pr.getNumber(),
        () -> pr.addLabels(content.labels().toArray(String[]::new)));
    GHIssue issue = known.get(content.issue());
    if (content.milestone() != null && issue != null && issue.getMilestone() != null) {
      call(
          "set the milestone of #" + pr.getNumber(),
          () -> {
            pr.setMilestone(issue.getMilestone());
            return null;
          });
    }
    return toPullRequest(pr, content.labels(), content.milestone());
  }

  @Override
  public PullRequest updatePullRequest(int number, NewPullRequest content) {
    GHIssue held = held(number);
    GHPullRequest pr =
        held instanceof GHPullRequest p
            ? p
            : call("read pull request #" + number, () -> repo().getPullRequest(number));
    call(
        "update pull request #" + number,
        () -> {
          if (!content.title().equals(pr.getTitle())) {
            pr.setTitle(content.title());
          }
          if (!content.body().equals(pr.getBody())) {
            pr.setBody(content.body());
          }
          return null;
        });
    Set<String> present = labelNames(pr);
    Set<String> missing =
        content.labels().stream().filter(l -> !present.contains(l)).collect(Collectors.toSet());
    if (!missing.isEmpty()) {
      call("label pull request #" + number, () -> pr.addLabels(missing.toArray(String[]::new)));
    }
    return toPullRequest(pr, content.labels(), content.milestone());
  }

  @Override
  public PullRequest pullRequest(int number) {
    GHPullRequest pr = call("read pull request #" + number, () -> repo().getPullRequest(number));
    return toPullRequest(pr);
  }

  @Override
  public GitCredentials gitCredentials() {
    return GitCredentials.githubToken(auth.token());
  }

  private GHRepository repo() throws IOException {
    GHRepository r = repository;
    if (r == null) {
      r = github.getRepository(spec.owner() + "/" + spec.remoteName());
      repository = r;
    }
    return r;
  }

  private GHIssue held(int number) {
    GHIssue issue = known.get(number);
    if (issue == null) {
      issue = call("read issue #" + number, () -> repo().getIssue(number));
      known.put(number, issue);
    }
    return issue;
  }

  private Issue toIssue(GHIssue i) {
    return new Issue(
        i.getNumber(),
        i.getTitle(),
        i.getBody() == null ? "" : i.getBody(),
        String.valueOf(i.getHtmlUrl()),
        i.getState() == GHIssueState.OPEN,
        labelNames(i),
        i.getMilestone() == null ? null : i.getMilestone().getTitle());
  }

  private PullRequest toPullRequest(GHPullRequest pr) {
    return toPullRequest(
        pr, labelNames(pr), pr.getMilestone() == null ? null : pr.getMilestone().getTitle());
  }

  private PullRequest toPullRequest(GHPullRequest pr, Set<String> labels, String milestone) {
    PullRequest.State state =
        pr.getMergedAt() != null
            ? PullRequest.State.MERGED
            : pr.getState() == GHIssueState.OPEN
                ? PullRequest.State.OPEN
                : PullRequest.State.CLOSED;
    return new PullRequest(
        pr.getNumber(),
        pr.getTitle(),
        pr.getBody() == null ? "" : pr.getBody(),
        String.valueOf(pr.getHtmlUrl()),
        pr.getHead().getRef(),
        pr.getBase().getRef(),
        state,
        labels,
        milestone);
  }

  private static Set<String> labelNames(GHIssue issue) {
    return issue.getLabels().stream().map(GHLabel::getName).collect(Collectors.toSet());
  }

  interface GitHubCall<T> {
    T run() throws IOException;
  }

  private <T> T call(String what, GitHubCall<T> action) {
    try {
      return action.run();
    } catch (HttpException e) {
      throw new ForgeException(
          failure(what, e.getResponseCode() + " " + e.getMessage()), e.getResponseCode());
    } catch (FileNotFoundException e) {
      throw new ForgeException(failure(what, "404 not found"), 404);
    } catch (IOException e) {
      throw new ForgeException(failure(what, e.toString()), 0);
    }
  }

  private String failure(String what, String detail) {
    String text = "GitHub " + spec.name() + ": cannot " + what + ": " + detail;
    return text.replace(auth.token(), "***");
  }

  // Releases: plain REST requests, one HTTP request each.

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** {@code /repos/OWNER/NAME}. */
  private String path() {
    return "/repos/" + spec.owner() + "/" + spec.remoteName();
  }

  @Override
  public boolean keepsMilestonesAndReleases() {
    return true;
  }

  @Override
  public List<ForgeItem> closedPullRequests(Instant since, Set<Integer> merged) {
    List<ForgeItem> out = new ArrayList<>();
    Set<Integer> missing = merged == null ? null : new java.util.HashSet<>(merged);
    rest.pages(
        "list closed pull requests",
        path() + "/pulls?state=closed&sort=updated&direction=desc&per_page=100",
        page -> {
          for (JsonNode pr : page) {
            ForgeItem item = pullItem(pr);
            if (since != null && item.updatedAt() != null && item.updatedAt().isBefore(since)) {
              return false;
            }
            out.add(item);
            if (missing != null) {
              missing.remove(item.number());
            }
          }
          // every pull request Git says was merged is here: the next page holds older ones
          return page.size() > 0 && (missing == null || !missing.isEmpty());
        });
    return out;
  }

  @Override
  public List<ForgeItem> openItems(Milestone milestone) {
    List<ForgeItem> out = new ArrayList<>();
    rest.pages(
        "list the open issues of milestone " + milestone.title(),
        path() + "/issues?milestone=" + milestone.number() + "&state=open&per_page=100",
        page -> {
          page.forEach(i -> out.add(issueItem(i)));
          return page.size() > 0;
        });
    return out;
  }

  @Override
  public List<Milestone> milestones() {
    List<Milestone> out = new ArrayList<>();
    rest.pages(
        "list milestones",
        path() + "/milestones?state=all&per_page=100",
        page -> {
          page.forEach(m -> out.add(milestone(m)));
          return page.size() > 0;
        });
    return out;
  }

  @Override
  public Milestone createMilestone(String title, String description) {
    ObjectNode body = NODES.objectNode().put("title", title).put("description", description);
    try {
      return milestone(
          rest.write("create milestone " + title, "POST", path() + "/milestones", body));
    } catch (ForgeException e) {
      if (!alreadyExists(e)) {
        throw e;
      }
      return milestones().stream()
          .filter(m -> m.title().equals(title))
          .findFirst()
          .orElseThrow(() -> e);
    }
  }

  @Override
  public Milestone updateMilestone(
      Milestone milestone, String title, String description, boolean open) {
    ObjectNode body =
        NODES
            .objectNode()
            .put("title", title)
            .put("description", description)
            .put("state", open ? "open" : "closed");
    return milestone(
        rest.write(
            "update milestone " + milestone.title(),
            "PATCH",
            path() + "/milestones/" + milestone.number(),
            body));
  }

  @Override
  public void setMilestone(int number, Milestone milestone) {
    rest.write(
        "put #" + number + " in milestone " + milestone.title(),
        "PATCH",
        path() + "/issues/" + number,
        NODES.objectNode().put("milestone", milestone.number()));
  }

  @Override
  public List<Release> latestReleases() {
    List<Release> out = new ArrayList<>();
    rest.get("list releases", path() + "/releases?per_page=100").forEach(r -> out.add(release(r)));
    return out;
  }

  @Override
  public Release createRelease(NewRelease release) {
    try {
      return release(
          rest.write(
              "create release " + release.tag(), "POST", path() + "/releases", body(release)));
    } catch (ForgeException e) {
      if (!alreadyExists(e)) {
        throw e;
      }
      // a rerun after the release was made: find it by its tag and update it
      Release existing =
          latestReleases().stream()
              .filter(r -> r.tag().equals(release.tag()))
              .findFirst()
              .orElseThrow(() -> e);
      return updateRelease(existing, release);
    }
  }

  @Override
  public Release updateRelease(Release existing, NewRelease release) {
    return release(
        rest.write(
            "update release " + existing.tag(),
            "PATCH",
            path() + "/releases/" + existing.id(),
            body(release)));
  }

  @Override
  public Optional<ReleaseNotes> generateNotes(String tag, String target, String previousTag) {
    ObjectNode body = NODES.objectNode().put("tag_name", tag).put("target_commitish", target);
    if (previousTag != null) {
      body.put("previous_tag_name", previousTag);
    }
    JsonNode notes =
        rest.write(
            "generate the notes of " + tag, "POST", path() + "/releases/generate-notes", body);
    return Optional.of(
        new ReleaseNotes(notes.path("name").asText(tag), notes.path("body").asText("")));
  }

  private static ObjectNode body(NewRelease release) {
    return NODES
        .objectNode()
        .put("tag_name", release.tag())
        .put("target_commitish", release.target())
        .put("name", release.name())
        .put("body", release.body())
        .put("draft", false)
        .put("prerelease", false)
        .put("make_latest", release.latest() ? "true" : "false");
  }

  private static boolean alreadyExists(ForgeException e) {
    return e.status() == 422 && e.getMessage().contains("already_exists");
  }

  private static Milestone milestone(JsonNode m) {
    return new Milestone(
        m.path("number").asInt(),
        m.path("title").asText(),
        "open".equals(m.path("state").asText()),
        m.path("open_issues").asInt(),
        m.path("description").asText(""),
        m.path("html_url").asText(""));
  }

  private static ForgeItem pullItem(JsonNode pr) {
    Instant mergedAt = instant(pr.path("merged_at"));
    PullRequest.State state =
        mergedAt != null
            ? PullRequest.State.MERGED
            : "open".equals(pr.path("state").asText())
                ? PullRequest.State.OPEN
                : PullRequest.State.CLOSED;
    return new ForgeItem(
        pr.path("number").asInt(),
        true,
        pr.path("title").asText(),
        pr.path("body").asText(""),
        pr.path("html_url").asText(""),
        state,
        labels(pr),
        pr.path("milestone").isObject() ? milestone(pr.path("milestone")) : null,
        pr.path("base").path("ref").asText(null),
        mergedAt,
        mergedAt == null ? null : pr.path("merge_commit_sha").asText(null),
        instant(pr.path("updated_at")));
  }

  private static ForgeItem issueItem(JsonNode i) {
    return new ForgeItem(
        i.path("number").asInt(),
        i.has("pull_request"),
        i.path("title").asText(),
        i.path("body").asText(""),
        i.path("html_url").asText(""),
        "open".equals(i.path("state").asText()) ? PullRequest.State.OPEN : PullRequest.State.CLOSED,
        labels(i),
        i.path("milestone").isObject() ? milestone(i.path("milestone")) : null,
        null,
        null,
        null,
        instant(i.path("updated_at")));
  }

  private static Release release(JsonNode r) {
    return new Release(
        r.path("id").asLong(),
        r.path("tag_name").asText(),
        r.path("name").asText(""),
        r.path("body").asText(""),
        r.path("draft").asBoolean(),
        r.path("html_url").asText(""));
  }

  private static Set<String> labels(JsonNode item) {
    Set<String> names = new LinkedHashSet<>();
    item.path("labels").forEach(l -> names.add(l.path("name").asText()));
    return names;
  }

  private static Instant instant(JsonNode value) {
    return value.isTextual() ? Instant.parse(value.asText()) : null;
  }
}
