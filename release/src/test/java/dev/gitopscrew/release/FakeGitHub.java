package dev.gitopscrew.release;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A GitHub that remembers: WireMock answering the REST calls of a release (closed pull requests, a
 * milestone's open issues, milestones, releases, generated notes) from state the test sets up and
 * the crew changes, with payloads shaped like GitHub's. Faults are injected per request: a 500
 * before the write, a 502 after it (the write happened, the answer was lost), a secondary rate
 * limit, a release made by someone else just before ours.
 */
final class FakeGitHub implements ResponseDefinitionTransformerV2, AutoCloseable {

  static final String REPO = "/repos/owner/homelab";
  static final String WEB = "https://github.com/owner/homelab";
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PATH = Pattern.compile("/repos/owner/homelab(/[^?]*)?(?:\\?(.*))?");

  enum Fault {
    BEFORE,
    AFTER,
    SECONDARY_LIMIT,
    RACE_RELEASE
  }

  /** A pull request or issue as the fake keeps it. */
  static final class Item {
    int number;
    String title;
    String body = "";
    Set<String> labels = new LinkedHashSet<>();
    Integer milestone;
    String state = "open";
    boolean pull = true;
    Instant mergedAt;
    String mergeSha;
    String base = "main";
    Instant updatedAt = Instant.now();
  }

  static final class Milestone {
    int number;
    String title;
    String description = "";
    String state = "open";
  }

  static final class Release {
    long id;
    String tag;
    String name;
    String body;
    boolean draft;
    String target;
    boolean latest;
    Instant created = Instant.now();
  }

  private record Rule(String method, Pattern path, Fault fault) {}

  final List<Item> items = new CopyOnWriteArrayList<>();
  final List<Milestone> milestones = new CopyOnWriteArrayList<>();
  final List<Release> releases = new CopyOnWriteArrayList<>();
  final List<String> releasesWithoutTag = new CopyOnWriteArrayList<>();
  private final List<Rule> faults = new CopyOnWriteArrayList<>();
  private final Predicate<String> tagExists;
  private final WireMockServer server;
  private long releaseIds = 9000;

  /**
   * @param tagExists whether the Git remote has a tag, as GitHub knows its own repository
   */
  FakeGitHub(Predicate<String> tagExists) {
    this.tagExists = tagExists;
    this.server = new WireMockServer(wireMockConfig().dynamicPort().extensions(this));
    server.start();
    server.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(500)));
  }

  String baseUrl() {
    return server.baseUrl();
  }

  /** Every request GitHub received, in order, as {@code METHOD /path?query}. */
  List<String> requests() {
    List<String> out = new ArrayList<>();
    List<ServeEvent> events = new ArrayList<>(server.getAllServeEvents());
    events.sort(Comparator.comparing(e -> e.getRequest().getLoggedDate()));
    for (ServeEvent e : events) {
      LoggedRequest r = e.getRequest();
      out.add(r.getMethod().getName() + " " + r.getUrl());
    }
    return out;
  }

  List<String> writes() {
    return requests().stream().filter(r -> !r.startsWith("GET ")).toList();
  }

  void resetRequests() {
    server.resetRequests();
  }

  /** The next request matching fails as {@code fault} (once). */
  void failNext(String method, String pathRegex, Fault fault) {
    faults.add(new Rule(method, Pattern.compile(pathRegex), fault));
  }

  Item pull(int number, String title, String... labels) {
    Item i = new Item();
    i.number = number;
    i.title = title;
    i.labels.addAll(List.of(labels));
    items.add(i);
    return i;
  }

  Item issue(int number, String title, Integer milestone) {
    Item i = pull(number, title);
    i.pull = false;
    i.milestone = milestone;
    return i;
  }

  Milestone milestone(int number, String title, boolean open) {
    Milestone m = new Milestone();
    m.number = number;
    m.title = title;
    m.state = open ? "open" : "closed";
    milestones.add(m);
    return m;
  }

  Release release(String tag, boolean draft, String body) {
    Release r = new Release();
    r.id = ++releaseIds;
    r.tag = tag;
    r.name = tag;
    r.body = body;
    r.draft = draft;
    releases.add(r);
    return r;
  }

  Milestone milestoneTitled(String title) {
    return milestones.stream().filter(m -> m.title.equals(title)).findFirst().orElse(null);
  }

  Item item(int number) {
    return items.stream().filter(i -> i.number == number).findFirst().orElseThrow();
  }

  @Override
  public String getName() {
    return "fake-github";
  }

  @Override
  public boolean applyGlobally() {
    return true;
  }

  @Override
  public synchronized ResponseDefinition transform(ServeEvent event) {
    LoggedRequest request = event.getRequest();
    String method = request.getMethod().getName();
    Matcher m = PATH.matcher(request.getUrl());
    if (!m.matches()) {
      return json(404, "{\"message\": \"Not Found\"}");
    }
    String path = m.group(1) == null ? "" : m.group(1);
    Map<String, String> query = query(m.group(2));
    Fault fault = takeFault(method, path);
    if (fault == Fault.BEFORE) {
      return json(500, "{\"message\": \"Server Error\"}");
    }
    if (fault == Fault.SECONDARY_LIMIT) {
      return ResponseDefinitionBuilder.responseDefinition()
          .withStatus(403)
          .withHeader("Content-Type", "application/json")
          .withHeader("Retry-After", "1")
          .withBody(
              "{\"message\": \"You have exceeded a secondary rate limit. Please wait a few minutes"
                  + " before you try again.\", \"documentation_url\":"
                  + " \"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}")
          .build();
    }
    if (fault == Fault.RACE_RELEASE) {
      JsonNode body = body(request);
      Release someone = release(body.path("tag_name").asText(), false, "notes someone else wrote");
      someone.target = body.path("target_commitish").asText();
    }
    ResponseDefinition answer = route(method, path, query, request);
    if (fault == Fault.AFTER) {
      return json(502, "{\"message\": \"Server Error\"}");
    }
    return answer;
  }

  private Fault takeFault(String method, String path) {
    for (Rule r : faults) {
      if (r.method().equals(method) && r.path().matcher(path).matches()) {
        faults.remove(r);
        return r.fault();
      }
    }
    return null;
  }

  private ResponseDefinition route(
      String method, String path, Map<String, String> query, LoggedRequest request) {
    String api = baseUrl() + REPO;
    if (method.equals("GET") && path.equals("/pulls")) {
      List<Item> closed =
          items.stream()
              .filter(i -> i.pull && "closed".equals(i.state))
              .sorted(Comparator.comparing((Item i) -> i.updatedAt).reversed())
              .toList();
      return page(closed, query, api + "/pulls", i -> pullJson(i));
    }
    if (method.equals("GET") && path.equals("/issues")) {
      int milestone = Integer.parseInt(query.get("milestone"));
      List<Item> open =
          items.stream()
              .filter(i -> "open".equals(i.state) && Integer.valueOf(milestone).equals(i.milestone))
              .toList();
      return page(open, query, api + "/issues", i -> issueJson(i));
    }
    if (method.equals("GET") && path.equals("/milestones")) {
      return page(milestones, query, api + "/milestones", this::milestoneJson);
    }
    if (method.equals("POST") && path.equals("/milestones")) {
      JsonNode body = body(request);
      String title = body.path("title").asText();
      if (milestoneTitled(title) != null) {
        return validation("Milestone", "title");
      }
      Milestone made =
          milestone(milestones.stream().mapToInt(x -> x.number).max().orElse(0) + 1, title, true);
      made.description = body.path("description").asText("");
      return json(201, milestoneJson(made).toString());
    }
    Matcher number = Pattern.compile("/(milestones|issues|releases)/(\\d+)").matcher(path);
    if (method.equals("PATCH") && number.matches()) {
      JsonNode body = body(request);
      long n = Long.parseLong(number.group(2));
      switch (number.group(1)) {
        case "milestones" -> {
          Milestone ms = milestones.stream().filter(x -> x.number == n).findFirst().orElse(null);
          if (ms == null) {
            return json(404, "{\"message\": \"Not Found\"}");
          }
          ms.title = body.path("title").asText(ms.title);
          ms.description = body.path("description").asText(ms.description);
          ms.state = body.path("state").asText(ms.state);
          return json(200, milestoneJson(ms).toString());
        }
        case "issues" -> {
          Item i = item((int) n);
          i.milestone = body.path("milestone").isNull() ? null : body.path("milestone").asInt();
          i.updatedAt = Instant.now();
          return json(200, issueJson(i).toString());
        }
        default -> {
          Release r = releases.stream().filter(x -> x.id == n).findFirst().orElseThrow();
          if (!tagExists.test(body.path("tag_name").asText(r.tag)) && r.draft) {
            releasesWithoutTag.add(r.tag);
          }
          apply(r, body);
          return json(200, releaseJson(r).toString());
        }
      }
    }
    if (method.equals("GET") && path.equals("/releases")) {
      List<Release> newest =
          releases.stream().sorted(Comparator.comparing((Release r) -> r.id).reversed()).toList();
      return page(newest, query, api + "/releases", this::releaseJson);
    }
    if (method.equals("POST") && path.equals("/releases")) {
      JsonNode body = body(request);
      String tag = body.path("tag_name").asText();
      if (releases.stream().anyMatch(r -> r.tag.equals(tag) && !r.draft)) {
        return validation("Release", "tag_name");
      }
      if (!tagExists.test(tag)) {
        releasesWithoutTag.add(tag);
      }
      Release r = release(tag, false, "");
      apply(r, body);
      return json(201, releaseJson(r).toString());
    }
    if (method.equals("POST") && path.equals("/releases/generate-notes")) {
      JsonNode body = body(request);
      String tag = body.path("tag_name").asText();
      String previous = body.path("previous_tag_name").asText(null);
      ObjectNode notes = JSON.createObjectNode();
      notes.put("name", tag);
      notes.put(
          "body",
          "## What's Changed\n* generated by GitHub for "
              + tag
              + "\n\n**Full Changelog**: "
              + WEB
              + "/compare/"
              + (previous == null ? "" : previous + "...")
              + tag);
      return json(200, notes.toString());
    }
    return json(404, "{\"message\": \"Not Found\"}");
  }

  private void apply(Release r, JsonNode body) {
    r.tag = body.path("tag_name").asText(r.tag);
    r.name = body.path("name").asText(r.name);
    r.body = body.path("body").asText(r.body);
    r.target = body.path("target_commitish").asText(r.target);
    r.draft = body.path("draft").asBoolean(r.draft);
    if ("true".equals(body.path("make_latest").asText())) {
      releases.forEach(x -> x.latest = false);
      r.latest = true;
    }
  }

  private <T> ResponseDefinition page(
      List<T> all,
      Map<String, String> query,
      String url,
      java.util.function.Function<T, JsonNode> json) {
    int perPage = Integer.parseInt(query.getOrDefault("per_page", "30"));
    int page = Integer.parseInt(query.getOrDefault("page", "1"));
    ArrayNode out = JSON.createArrayNode();
    all.stream()
        .skip((long) (page - 1) * perPage)
        .limit(perPage)
        .forEach(x -> out.add(json.apply(x)));
    ResponseDefinitionBuilder b =
        ResponseDefinitionBuilder.responseDefinition()
            .withHeader("Content-Type", "application/json; charset=utf-8");
    int last = Math.max(1, (all.size() + perPage - 1) / perPage);
    if (page < last) {
      StringBuilder next = new StringBuilder(url).append('?');
      query.forEach(
          (k, v) -> {
            if (!k.equals("page")) {
              next.append(k).append('=').append(v).append('&');
            }
          });
      b.withHeader(
          "Link",
          "<"
              + next
              + "page="
              + (page + 1)
              + ">; rel=\"next\", <"
              + next
              + "page="
              + last
              + ">; rel=\"last\"");
    }
    return b.withBody(out.toString()).build();
  }

  ObjectNode milestoneJson(Milestone m) {
    ObjectNode n = JSON.createObjectNode();
    n.put("url", baseUrl() + REPO + "/milestones/" + m.number);
    n.put("html_url", WEB + "/milestone/" + m.number);
    n.put("labels_url", baseUrl() + REPO + "/milestones/" + m.number + "/labels");
    n.put("id", 1000 + m.number);
    n.put("node_id", "MI_kwDO" + m.number);
    n.put("number", m.number);
    n.put("state", m.state);
    n.put("title", m.title);
    n.put("description", m.description);
    n.set("creator", user("ada"));
    n.put(
        "open_issues",
        items.stream()
            .filter(i -> "open".equals(i.state) && Integer.valueOf(m.number).equals(i.milestone))
            .count());
    n.put(
        "closed_issues",
        items.stream()
            .filter(i -> !"open".equals(i.state) && Integer.valueOf(m.number).equals(i.milestone))
            .count());
    n.put("created_at", "2026-10-01T09:00:00Z");
    n.put("updated_at", "2026-11-20T09:00:00Z");
    n.putNull("due_on");
    if ("closed".equals(m.state)) {
      n.put("closed_at", "2026-11-20T09:00:00Z");
    } else {
      n.putNull("closed_at");
    }
    return n;
  }

  private ObjectNode pullJson(Item i) {
    ObjectNode n = JSON.createObjectNode();
    n.put("url", baseUrl() + REPO + "/pulls/" + i.number);
    n.put("id", 500000 + i.number);
    n.put("node_id", "PR_kwDO" + i.number);
    n.put("html_url", WEB + "/pull/" + i.number);
    n.put("diff_url", WEB + "/pull/" + i.number + ".diff");
    n.put("patch_url", WEB + "/pull/" + i.number + ".patch");
    n.put("issue_url", baseUrl() + REPO + "/issues/" + i.number);
    n.put("number", i.number);
    n.put("state", i.state);
    n.put("locked", false);
    n.put("title", i.title);
    n.set("user", user("software-engineer[bot]"));
    n.put("body", i.body);
    n.set("labels", labels(i));
    n.set("milestone", milestoneOf(i));
    n.put("created_at", "2026-11-01T09:00:00Z");
    n.put("updated_at", i.updatedAt.toString());
    n.put("closed_at", i.mergedAt == null ? i.updatedAt.toString() : i.mergedAt.toString());
    if (i.mergedAt == null) {
      n.putNull("merged_at");
    } else {
      n.put("merged_at", i.mergedAt.toString());
    }
    n.put(
        "merge_commit_sha",
        i.mergeSha == null ? "e5bd3914e2e596debea16f433f57875b5b90bcd6" : i.mergeSha);
    n.putNull("assignee");
    n.set("assignees", JSON.createArrayNode());
    n.set("requested_reviewers", JSON.createArrayNode());
    n.set("requested_teams", JSON.createArrayNode());
    n.set(
        "head",
        ref("software-engineer/feat/" + i.number, "6dcb09b5b57875f334f61aebed695e2e4193db5e"));
    n.set("base", ref(i.base, "0000000000000000000000000000000000000000"));
    n.put("author_association", "CONTRIBUTOR");
    n.putNull("auto_merge");
    n.putNull("active_lock_reason");
    n.put("draft", false);
    return n;
  }

  private ObjectNode issueJson(Item i) {
    ObjectNode n = JSON.createObjectNode();
    n.put("url", baseUrl() + REPO + "/issues/" + i.number);
    n.put("repository_url", baseUrl() + REPO);
    n.put("html_url", WEB + (i.pull ? "/pull/" : "/issues/") + i.number);
    n.put("id", 700000 + i.number);
    n.put("node_id", "I_kwDO" + i.number);
    n.put("number", i.number);
    n.put("title", i.title);
    n.set("user", user("ada"));
    n.set("labels", labels(i));
    n.put("state", i.state);
    n.put("locked", false);
    n.putNull("assignee");
    n.set("assignees", JSON.createArrayNode());
    n.set("milestone", milestoneOf(i));
    n.put("comments", 0);
    n.put("created_at", "2026-11-01T09:00:00Z");
    n.put("updated_at", i.updatedAt.toString());
    n.putNull("closed_at");
    n.put("author_association", "OWNER");
    n.putNull("state_reason");
    n.put("body", i.body);
    if (i.pull) {
      ObjectNode pr = n.putObject("pull_request");
      pr.put("url", baseUrl() + REPO + "/pulls/" + i.number);
      pr.put("html_url", WEB + "/pull/" + i.number);
      pr.put("diff_url", WEB + "/pull/" + i.number + ".diff");
      pr.put("patch_url", WEB + "/pull/" + i.number + ".patch");
      pr.putNull("merged_at");
    }
    return n;
  }

  private ObjectNode releaseJson(Release r) {
    ObjectNode n = JSON.createObjectNode();
    n.put("url", baseUrl() + REPO + "/releases/" + r.id);
    n.put("assets_url", baseUrl() + REPO + "/releases/" + r.id + "/assets");
    n.put(
        "upload_url",
        "https://uploads.github.com/repos/owner/homelab/releases/" + r.id + "/assets{?name,label}");
    n.put("html_url", WEB + "/releases/tag/" + r.tag);
    n.put("id", r.id);
    n.set("author", user("homelab-admin[bot]"));
    n.put("node_id", "RE_kwDO" + r.id);
    n.put("tag_name", r.tag);
    n.put("target_commitish", r.target == null ? "main" : r.target);
    n.put("name", r.name);
    n.put("draft", r.draft);
    n.put("prerelease", false);
    n.put("created_at", r.created.toString());
    if (r.draft) {
      n.putNull("published_at");
    } else {
      n.put("published_at", r.created.toString());
    }
    n.set("assets", JSON.createArrayNode());
    n.put("tarball_url", baseUrl() + REPO + "/tarball/" + r.tag);
    n.put("zipball_url", baseUrl() + REPO + "/zipball/" + r.tag);
    n.put("body", r.body);
    return n;
  }

  private JsonNode milestoneOf(Item i) {
    if (i.milestone == null) {
      return JSON.nullNode();
    }
    return milestones.stream()
        .filter(m -> m.number == i.milestone)
        .findFirst()
        .<JsonNode>map(this::milestoneJson)
        .orElse(JSON.nullNode());
  }

  private static ArrayNode labels(Item i) {
    ArrayNode out = JSON.createArrayNode();
    int id = 1;
    for (String l : i.labels) {
      ObjectNode label = out.addObject();
      label.put("id", 208045946 + id);
      label.put("node_id", "LA_kwDO" + id++);
      label.put("url", "https://api.github.com/repos/owner/homelab/labels/" + l);
      label.put("name", l);
      label.put("color", "ededed");
      label.put("default", false);
      label.putNull("description");
    }
    return out;
  }

  private static ObjectNode ref(String ref, String sha) {
    ObjectNode n = JSON.createObjectNode();
    n.put("label", "owner:" + ref);
    n.put("ref", ref);
    n.put("sha", sha);
    n.set("user", user("owner"));
    return n;
  }

  private static ObjectNode user(String login) {
    ObjectNode n = JSON.createObjectNode();
    n.put("login", login);
    n.put("id", Math.abs(login.hashCode()));
    n.put("type", login.endsWith("[bot]") ? "Bot" : "User");
    n.put("site_admin", false);
    return n;
  }

  private static ResponseDefinition validation(String resource, String field) {
    return json(
        422,
        "{\"message\": \"Validation Failed\", \"errors\": [{\"resource\": \""
            + resource
            + "\", \"code\": \"already_exists\", \"field\": \""
            + field
            + "\"}], \"documentation_url\": \"https://docs.github.com/rest\", \"status\":"
            + " \"422\"}");
  }

  private static ResponseDefinition json(int status, String body) {
    return ResponseDefinitionBuilder.responseDefinition()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(body)
        .build();
  }

  private static JsonNode body(LoggedRequest request) {
    try {
      return JSON.readTree(request.getBodyAsString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> query(String query) {
    Map<String, String> out = new java.util.LinkedHashMap<>();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        out.put(eq < 0 ? pair : pair.substring(0, eq), eq < 0 ? "" : pair.substring(eq + 1));
      }
    }
    return out;
  }

  @Override
  public void close() {
    server.stop();
  }
}
