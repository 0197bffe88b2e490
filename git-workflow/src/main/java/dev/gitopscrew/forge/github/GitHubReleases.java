package dev.gitopscrew.forge.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.MilestonesAndReleases;
import dev.gitopscrew.forge.NewRelease;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.Release;
import dev.gitopscrew.forge.ReleaseNotes;
import dev.gitopscrew.git.RepositorySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The release calls of {@link GitHubForge}: merged pull requests, milestones, releases and notes,
 * each one plain REST request ({@link GitHubRest}).
 */
final class GitHubReleases implements MilestonesAndReleases {

  private final RepositorySpec spec;
  private final GitHubRest rest;

  GitHubReleases(RepositorySpec spec, GitHubRest rest) {
    this.spec = spec;
    this.rest = rest;
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /** {@code /repos/OWNER/NAME}. */
  private String path() {
    return "/repos/" + spec.owner() + "/" + spec.remoteName();
  }

  List<ForgeItem> closedPullRequests(Instant since, Set<Integer> merged) {
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
