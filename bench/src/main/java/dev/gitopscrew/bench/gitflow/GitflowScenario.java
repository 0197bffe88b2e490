package dev.gitopscrew.bench.gitflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static dev.gitopscrew.bench.GitHubCrew.REPO;
import static dev.gitopscrew.bench.GitHubCrew.TOKEN;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.bench.GitHubCrew;
import dev.gitopscrew.bench.Scenario;
import dev.gitopscrew.forge.github.GitHubPayloads;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.GitHttpServer;
import dev.gitopscrew.intake.RequestOutcome;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.request.Change;
import dev.gitopscrew.roles.work.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code bench/run gitflow}: 20 changes, one after another, each a request through homelab-admin to
 * software-engineer and the whole workflow (WireMock GitHub, a JGit HTTP remote of 5,000 files and
 * 2,000 commits), against the same Git steps with the {@code git} command line on a warm clone.
 */
public final class GitflowScenario implements Scenario {

  // one line per change would drown the BENCH line; held so the level is not collected
  private static final java.util.logging.Logger QUIET =
      java.util.logging.Logger.getLogger("dev.gitopscrew");
  private static final int CHANGES = 20;
  private static final int WARMUP = 3;

  @Override
  public String name() {
    return "gitflow";
  }

  @Override
  public void run(String[] args) throws Exception {
    QUIET.setLevel(java.util.logging.Level.WARNING);
    Path root = Path.of("bench/target/gitflow").toAbsolutePath();
    long seedStart = System.nanoTime();
    Path seed = SeedRepository.ensure(root.resolve("seed.git"));
    System.err.printf(
        "seed repository ready in %d ms%n", (System.nanoTime() - seedStart) / 1_000_000);
    Path run = root.resolve("run");
    delete(run);
    Path remotes = run.resolve("remote");
    Path remote = remotes.resolve("homelab.git");
    copy(seed, remote);

    WireMockServer github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
    stubGitHub(github);
    try (GitHttpServer git = GitHttpServer.start(remotes, "x-access-token", TOKEN)) {
      // the crew as `crew serve` builds it, on a GitHub repository: each change is a request
      // through homelab-admin to software-engineer, its writes audited in the store
      Crew crew = GitHubCrew.open(run, git.url("homelab"), github.baseUrl());
      GitCli cli = new GitCli(run.resolve("cli"), "x-access-token", TOKEN);

      // warm clones on both sides: the mirror's first fetch and a git clone
      crew.changes().defaultBranch("homelab");
      cli.cloneFrom(git.url("homelab"));
      cli.run("config", "user.name", "devops-sre[bot]");
      cli.run("config", "user.email", "devops-sre@gitops-crew.local");

      List<Long> jgit = new ArrayList<>();
      List<Long> gitCli = new ArrayList<>();
      int measuredRequestsBefore = 0;
      for (int i = 0; i < WARMUP + CHANGES; i++) {
        if (i == WARMUP) {
          measuredRequestsBefore = github.getAllServeEvents().size();
        }
        BareRepos.commit(
            remote,
            "main",
            Map.of("apps/team-00/app-0000/deployment.yaml", "replicas: " + i + "\n"),
            "ops " + i);
        long start = System.nanoTime();
        RequestOutcome outcome =
            crew.runRequest()
                .run(
                    change(i),
                    Optional.empty(),
                    ChannelScope.unrestricted("bench"),
                    new Origin("bench", "bench"),
                    true);
        long jgitNanos = System.nanoTime() - start;
        if (!(outcome instanceof RequestOutcome.Ran ran) || !ran.succeeded()) {
          throw new IllegalStateException("change " + i + ": " + outcome);
        }
        BareRepos.commit(
            remote,
            "main",
            Map.of("apps/team-00/app-0001/deployment.yaml", "replicas: " + i + "\n"),
            "ops " + i);
        start = System.nanoTime();
        cliChange(cli, i);
        long cliNanos = System.nanoTime() - start;
        if (i >= WARMUP) {
          jgit.add(jgitNanos);
          gitCli.add(cliNanos);
        }
      }
      int calls = github.getAllServeEvents().size() - measuredRequestsBefore;
      crew.close();
      double p50 = p50(jgit);
      double cliP50 = p50(gitCli);
      System.out.printf(
          "BENCH gitflow changes=%d p50_ms=%.1f git_cli_p50_ms=%.1f ratio=%.2f forge_calls_per_change=%.2f%n",
          CHANGES, p50, cliP50, p50 / cliP50, calls / (double) CHANGES);
    } finally {
      github.stop();
    }
  }

  private static Change change(int i) {
    return new Change(
        "homelab",
        ChangeType.CHORE,
        "Scale app " + (100 + i),
        null,
        Map.of(SeedRepository.path(100 + i), SeedRepository.manifest(100 + i, 5000 + i)),
        null,
        false);
  }

  /** Fetch, branch from the latest default branch, commit, fetch and merge it again, push. */
  private static void cliChange(GitCli cli, int i) throws Exception {
    String branch = "cli/chore/" + i + "-scale-app-" + (100 + i);
    cli.run("fetch", "-q", "origin");
    cli.run("checkout", "-q", "-B", branch, "origin/main");
    Path file = cli.workTree().resolve(SeedRepository.path(100 + i));
    Files.write(file, SeedRepository.manifest(100 + i, 5000 + i));
    cli.run("add", SeedRepository.path(100 + i));
    cli.run("commit", "-q", "-m", "chore: Scale app " + (100 + i) + " (#42) [devops-sre]");
    cli.run("fetch", "-q", "origin");
    cli.run("merge", "-q", "--no-edit", "origin/main");
    cli.run("push", "-q", "origin", branch);
  }

  private static void stubGitHub(WireMockServer github) {
    String api = github.baseUrl();
    github.stubFor(get(urlPathEqualTo(REPO)).willReturn(okJson(GitHubPayloads.repository(api))));
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(okJson("[]")));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues"))
            .willReturn(
                json(
                    GitHubPayloads.issue(
                        api, 42, "Scale app", "body", null, "agent:software-engineer"))));
    github.stubFor(
        post(urlPathMatching(REPO + "/issues/42/comments"))
            .willReturn(json(GitHubPayloads.comment(api, 42))));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/pulls"))
            .willReturn(
                json(
                    GitHubPayloads.pullRequest(
                        api,
                        43,
                        "software-engineer/chore/42-scale-app",
                        "chore: Scale app",
                        null))));
    github.stubFor(
        post(urlPathMatching(REPO + "/issues/43/labels"))
            .willReturn(okJson(GitHubPayloads.labels("agent:software-engineer"))));
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(
      String body) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(body);
  }

  private static double p50(List<Long> nanos) {
    List<Long> sorted = new ArrayList<>(nanos);
    sorted.sort(Comparator.naturalOrder());
    int n = sorted.size();
    double mid = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    return mid / 1_000_000.0;
  }

  private static void copy(Path from, Path to) throws Exception {
    try (var walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
  }

  private static void delete(Path dir) throws Exception {
    if (Files.exists(dir)) {
      try (var walk = Files.walk(dir)) {
        walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
