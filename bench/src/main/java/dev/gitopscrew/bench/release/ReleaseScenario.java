package dev.gitopscrew.bench.release;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gitopscrew.bench.GitHubCrew.REPO;
import static dev.gitopscrew.bench.GitHubCrew.TOKEN;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.bench.GitHubCrew;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.GitHttpServer;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.ReleaseCut;
import dev.gitopscrew.roles.work.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.lib.TagBuilder;

/**
 * {@code bench/run release}: one cut of a milestone holding 500 merged pull requests, through
 * homelab-admin as {@code crew release cut --yes} does, against a WireMock GitHub (and the 20 pull
 * requests of the release before) and a JGit HTTP remote whose history has a merge commit per pull
 * request. Counts every request GitHub received.
 */
public final class ReleaseScenario implements Scenario {

  private static final int PRS = 500;
  private static final int BEFORE = 20;

  @Override
  public String name() {
    return "release";
  }

  @Override
  public void run(String[] args) throws Exception {
    java.util.logging.Logger.getLogger("dev.gitopscrew").setLevel(java.util.logging.Level.WARNING);
    Path run = Path.of("bench/target/release").toAbsolutePath();
    delete(run);
    Path remote = run.resolve("remote/homelab.git");
    DemoRepository.seedIfMissing(remote);
    List<String> merges = new ArrayList<>();
    for (int n = 1; n <= BEFORE + PRS; n++) {
      if (n == BEFORE + 1) {
        tag(remote, "v1.3.0", merges.get(merges.size() - 1));
      }
      merges.add(
          BareRepos.commit(
                  remote,
                  "main",
                  Map.of("apps/app-" + n + "/values.yaml", "replicas: " + (n % 3 + 1) + "\n"),
                  "Merge pull request #" + n + " from owner/change-" + n + "\n\nchange " + n)
              .name());
    }

    WireMockServer github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
    try (GitHttpServer git = GitHttpServer.start(run.resolve("remote"), "x-access-token", TOKEN)) {
      stub(github, merges);
      try (Crew crew = GitHubCrew.open(run, git.url("homelab"), github.baseUrl())) {
        github.resetRequests();
        long start = System.nanoTime();
        RequestOutcome outcome =
            crew.runRequest()
                .run(
                    new ReleaseCut("homelab", null, false),
                    Optional.empty(),
                    ChannelScope.unrestricted("bench"),
                    new Origin("bench", "bench"),
                    true,
                    true);
        long ms = (System.nanoTime() - start) / 1_000_000;
        if (!(outcome instanceof RequestOutcome.Ran ran) || !ran.succeeded()) {
          throw new IllegalStateException("the cut did not succeed: " + outcome);
        }
        System.err.println(ran.root().detail().lines().limit(8).reduce("", (a, b) -> a + b + "\n"));
        try (Repository repo = BareRepos.open(remote)) {
          if (repo.exactRef(Constants.R_TAGS + "v1.4.0") == null) {
            throw new IllegalStateException("no tag v1.4.0 on the remote");
          }
        }
        int calls = github.getAllServeEvents().size();
        github.getAllServeEvents().stream()
            .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate()))
            .forEach(
                e ->
                    System.err.println(
                        "  " + e.getRequest().getMethod() + " " + e.getRequest().getUrl()));
        System.out.printf("BENCH release prs=%d api_calls=%d ms=%d%n", PRS, calls, ms);
      }
    } finally {
      github.stop();
    }
  }

  /** The release before, tagged by homelab-admin as a cut leaves it. */
  private static void tag(Path remote, String name, String commit) throws Exception {
    try (Repository repo = BareRepos.open(remote);
        ObjectInserter inserter = repo.newObjectInserter()) {
      TagBuilder tag = new TagBuilder();
      tag.setTag(name);
      tag.setObjectId(ObjectId.fromString(commit), Constants.OBJ_COMMIT);
      tag.setTagger(Footprint.defaults().author("homelab-admin"));
      tag.setMessage("Release " + name + "\n");
      ObjectId id = inserter.insert(tag);
      inserter.flush();
      RefUpdate update = repo.updateRef(Constants.R_TAGS + name);
      update.setNewObjectId(id);
      update.update();
    }
  }

  private static void stub(WireMockServer github, List<String> merges) {
    String api = github.baseUrl();
    github.stubFor(
        get(urlPathEqualTo(REPO + "/releases"))
            .willReturn(
                okJson(
                    ReleasePayloads.JSON
                        .createArrayNode()
                        .add(ReleasePayloads.release(api, 7001, "v1.3.0", "## What's Changed"))
                        .toString())));
    ObjectNode previous = ReleasePayloads.milestone(api, 1, "v1.3.0", false, BEFORE);
    ObjectNode next = ReleasePayloads.milestone(api, 2, "v1.3.1", true, PRS);
    // newest first, as GitHub sorts by update: the 500 of v1.3.1, then the 20 of v1.3.0
    List<ObjectNode> pulls = new ArrayList<>();
    Instant now = Instant.now();
    for (int n = BEFORE + PRS; n >= 1; n--) {
      boolean released = n <= BEFORE;
      String title = n == BEFORE + 1 ? "feat: widgets for app " + n : "fix: app " + n;
      List<String> labels =
          List.of(
              "agent:software-engineer",
              n == BEFORE + 1 ? "type:feat" : "type:fix",
              "priority:medium",
              "area:gitops");
      Instant at =
          released ? now.minusSeconds(864_000 + n) : now.minusSeconds(BEFORE + PRS - n + 1);
      pulls.add(
          ReleasePayloads.pull(
              api, n, title, labels, released ? previous : next, at.toString(), merges.get(n - 1)));
    }
    int pages = (pulls.size() + 99) / 100;
    for (int page = 1; page <= pages; page++) {
      ArrayNode body = ReleasePayloads.JSON.createArrayNode();
      pulls.subList((page - 1) * 100, Math.min(pulls.size(), page * 100)).forEach(body::add);
      MappingBuilder request =
          get(urlPathEqualTo(REPO + "/pulls"))
              .withQueryParam("page", page == 1 ? absent() : equalTo(String.valueOf(page)));
      var response = okJson(body.toString());
      String link =
          api + REPO + "/pulls?state=closed&sort=updated&direction=desc&per_page=100&page=";
      if (page < pages) {
        response =
            response.withHeader(
                "Link",
                "<" + link + (page + 1) + ">; rel=\"next\", <" + link + pages + ">; rel=\"last\"");
      }
      github.stubFor(request.willReturn(response));
    }
    ObjectNode closed = ReleasePayloads.milestone(api, 2, "v1.4.0", false, PRS);
    github.stubFor(
        patch(urlPathEqualTo(REPO + "/milestones/2")).willReturn(okJson(closed.toString())));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/milestones"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(ReleasePayloads.milestone(api, 3, "v1.4.1", true, 0).toString())));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/releases/generate-notes"))
            .willReturn(
                okJson(
                    "{\"name\": \"v1.4.0\", \"body\": \"## What's Changed\\n* feat: widgets by"
                        + " @software-engineer in "
                        + ReleasePayloads.WEB
                        + "/pull/21\\n\\n**Full Changelog**: "
                        + ReleasePayloads.WEB
                        + "/compare/v1.3.0...v1.4.0\"}")));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/releases"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(ReleasePayloads.release(api, 7002, "v1.4.0", "notes").toString())));
  }

  private static void delete(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
