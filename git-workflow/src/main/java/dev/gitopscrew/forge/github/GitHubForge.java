package dev.gitopscrew.forge.github;

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
import dev.gitopscrew.retry.Retries;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHIssue;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHLabel;
import org.kohsuke.github.GHPermissionType;
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
  private final org.kohsuke.github.authorization.AuthorizationProvider authorization;
  private final GitCredentials credentials;
  private final GitHub github;
  private volatile GHRepository repository;
  // objects this adapter already holds, so a follow-up write does not re-read them first
  private final Map<Integer, GHIssue> known = new ConcurrentHashMap<>();
  private final GitHubReleases releases;
  private final Map<Long, GHIssueComment> knownComments = new ConcurrentHashMap<>();

  public GitHubForge(RepositorySpec spec, GitHubAuth auth, Duration maxLimitWait) {
    this(spec, auth, maxLimitWait, waited -> {});
  }

  /** As above; {@code onLimitWait} hears of every wait for a rate limit, for metrics. */
  public GitHubForge(
      RepositorySpec spec,
      GitHubAuth auth,
      Duration maxLimitWait,
      java.util.function.Consumer<Duration> onLimitWait) {
    this.spec = spec;
    this.auth = auth;
    String api = spec.apiUrl() == null ? DEFAULT_API_URL : spec.apiUrl();
    WaitOutLimits limits = new WaitOutLimits(maxLimitWait, Clock.systemUTC(), onLimitWait);
    // PATs and installation tokens use the same header; a plain provider spares hub4j's GET /user.
    // An App's provider mints installation tokens through the client it is built into.
    this.authorization = auth.provider(spec.owner(), spec.remoteName());
    GitHubBuilder builder =
        new GitHubBuilder()
            .withEndpoint(api)
            .withConnector(new HttpClientGitHubConnector())
            .withAuthorizationProvider(authorization)
            .withRateLimitHandler(limits.primary())
            .withAbuseLimitHandler(limits.secondary());
    this.credentials = GitCredentials.githubTokens(this::currentToken);
    if (auth.kind() != GitHubAuth.Kind.APP) {
      credentials.secret(); // a fixed token is known from the start, so errors never show it
    }
    this.github = call("connect to " + api, builder::build);
    GitHubRest rest =
        new GitHubRest(
            api,
            () -> "token " + currentToken(),
            credentials::redact,
            spec.name(),
            limits,
            Retries.FORGE_BACKOFF);
    this.releases = new GitHubReleases(spec, rest);
  }

  /** The token of the moment: fixed, or an App installation token minted when due. */
  private String currentToken() {
    String header;
    try {
      header = authorization.getEncodedAuthorization();
    } catch (IOException e) {
      throw new ForgeException(
          "GitHub " + spec.name() + ": cannot mint an App installation token: " + e.getMessage(),
          0);
    }
    return header.startsWith("token ") ? header.substring(6) : header;
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
              if (issue.milestone() != null && issue.milestone().number() > 0) {
                builder.milestone(milestone(issue.milestone().number()));
              }
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
  public void setLabels(int issue, Set<String> labels) {
    GHIssue target = held(issue);
    call(
        "set the labels of #" + issue,
        () -> {
          target.setLabels(labels.toArray(String[]::new));
          return null;
        });
  }

  @Override
  public void reopenIssue(int number) {
    GHIssue target = held(number);
    call(
        "reopen issue #" + number,
        () -> {
          target.reopen();
          return null;
        });
  }

  /**
   * A milestone known by its number: hub4j's issue builder and {@code setMilestone} send only the
   * number, so no request reads it first.
   */
  private static org.kohsuke.github.GHMilestone milestone(int number) {
    return new org.kohsuke.github.GHMilestone() {
      @Override
      public int getNumber() {
        return number;
      }
    };
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
              knownComments.put(c.getId(), c);
              return Optional.of(
                  new Comment(c.getId(), c.getBody(), String.valueOf(c.getHtmlUrl())));
            }
          }
          return Optional.empty();
        });
  }

  @Override
  public Issue updateIssue(int number, String body) {
    GHIssue target = held(number);
    call(
        "update issue #" + number,
        () -> {
          target.setBody(body);
          return null;
        });
    Issue before = toIssue(target);
    return new Issue(
        number,
        before.title(),
        body,
        before.url(),
        before.open(),
        before.labels(),
        before.milestone());
  }

  @Override
  public void closeIssue(int number) {
    GHIssue target = held(number);
    call(
        "close issue #" + number,
        () -> {
          target.close();
          return null;
        });
  }

  /** Pull requests are issues to GitHub's comment API. */
  @Override
  public Optional<Comment> findPullRequestComment(int number, String marker) {
    return findComment(number, marker);
  }

  @Override
  public Comment commentOnPullRequest(int number, String body) {
    GHIssueComment c = call("comment on #" + number, () -> held(number).comment(body));
    knownComments.put(c.getId(), c);
    return new Comment(c.getId(), c.getBody(), String.valueOf(c.getHtmlUrl()));
  }

  @Override
  public Comment updatePullRequestComment(int number, long commentId, String body) {
    GHIssueComment c = knownComments.get(commentId);
    if (c == null) {
      c =
          call(
              "read comments of #" + number,
              () -> {
                for (GHIssueComment each : held(number).listComments()) {
                  if (each.getId() == commentId) {
                    return each;
                  }
                }
                throw new java.io.FileNotFoundException("comment " + commentId);
              });
    }
    GHIssueComment target = c;
    call(
        "update comment " + commentId + " on #" + number,
        () -> {
          target.update(body);
          return null;
        });
    return new Comment(commentId, body, String.valueOf(target.getHtmlUrl()));
  }

  @Override
  public void addPullRequestLabel(int number, String label) {
    GHIssue target = held(number);
    call("label #" + number, () -> target.addLabels(label));
  }

  @Override
  public void removePullRequestLabel(int number, String label) {
    GHIssue target = held(number);
    try {
      call("remove label " + label + " from #" + number, () -> target.removeLabel(label));
    } catch (ForgeException e) {
      // GitHub answers 404 for a label the pull request does not carry
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  /**
   * {@code GET /repos/{owner}/{repo}/collaborators/{login}/permission}: write, maintain or admin.
   */
  @Override
  public boolean canPush(String login) {
    GHPermissionType permission =
        call("read the permission of " + login, () -> repo().getPermission(login));
    return permission == GHPermissionType.ADMIN || permission == GHPermissionType.WRITE;
  }

  @Override
  public void setCommitStatus(CommitStatus status) {
    call(
        "set the status of " + status.commit(),
        () ->
            repo()
                .createCommitStatus(
                    status.commit(),
                    GHCommitState.valueOf(status.state().name()),
                    status.targetUrl(),
                    status.description(),
                    status.context()));
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
    if (content.milestone() != null && content.milestoneNumber() > 0) {
      call(
          "set the milestone of #" + pr.getNumber(),
          () -> {
            pr.setMilestone(milestone(content.milestoneNumber()));
            return null;
          });
    } else if (content.milestone() != null && issue != null && issue.getMilestone() != null) {
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
    return credentials;
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
    return credentials.redact(text);
  }

  // Releases: plain REST requests, one HTTP request each (GitHubReleases).

  @Override
  public List<ForgeItem> closedPullRequests(Instant since, Set<Integer> merged) {
    return releases.closedPullRequests(since, merged);
  }

  @Override
  public Optional<MilestonesAndReleases> releases() {
    return Optional.of(releases);
  }

  @Override
  public Optional<LocalMerges> localMerges() {
    return Optional.empty();
  }
}
