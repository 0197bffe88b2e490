package dev.gitopscrew.release;

import dev.gitopscrew.forge.github.GitHubAuth;
import dev.gitopscrew.forge.github.GitHubForge;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.GitHttpServer;
import dev.gitopscrew.git.testing.RecordedEffects;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;

/**
 * A GitHub repository to release: a bare Git repository served over smart HTTP (what the tag is
 * pushed to), the remembering {@link FakeGitHub} beside it, and the release workflow on both.
 */
final class GitHubRelease implements AutoCloseable {

  static final String TOKEN = "github_pat_11RELEASE0123456789_s3cretTokenValueXYZ";

  final Path bare;
  final FakeGitHub github;
  final GitHttpServer git;
  final MirrorCache mirrors;
  final ReleaseWorkflow releases;
  final RepositorySpec spec;
  private int commits;

  GitHubRelease(Path dir) throws Exception {
    this(dir, ReleasePolicy.defaults());
  }

  GitHubRelease(Path dir, ReleasePolicy policy) throws Exception {
    bare = dir.resolve("remote/homelab.git");
    DemoRepository.seedIfMissing(bare);
    git = GitHttpServer.start(dir.resolve("remote"), "x-access-token", TOKEN);
    github = new FakeGitHub(tag -> tags().containsKey(tag));
    spec =
        new RepositorySpec(
            "homelab",
            ForgeKind.GITHUB,
            git.url("homelab"),
            github.baseUrl(),
            "owner",
            null,
            "main");
    GitHubForge forge = new GitHubForge(spec, GitHubAuth.pat(TOKEN), Duration.ofSeconds(5));
    mirrors = new MirrorCache(dir.resolve("state"));
    releases =
        new ReleaseWorkflow(
            Footprint.defaults(), mirrors, Map.of("homelab", spec), s -> forge, policy);
  }

  /** A pull request merged into main now: its merge commit is the new head. */
  FakeGitHub.Item merged(int number, String title, Integer milestone, String... labels)
      throws IOException {
    ObjectId commit =
        BareRepos.commit(
            bare,
            "main",
            Map.of(
                "apps/app-" + number + ".yaml", "pr: " + number + "\n" + "n: " + ++commits + "\n"),
            "Merge pull request #" + number + " from owner/change-" + number + "\n\n" + title);
    FakeGitHub.Item pr = github.pull(number, title, labels);
    pr.state = "closed";
    pr.mergedAt = Instant.now();
    pr.mergeSha = commit.name();
    pr.milestone = milestone;
    pr.updatedAt = Instant.now();
    return pr;
  }

  FakeGitHub.Item closedUnmerged(int number, String title, Integer milestone, String... labels) {
    FakeGitHub.Item pr = github.pull(number, title, labels);
    pr.state = "closed";
    pr.milestone = milestone;
    return pr;
  }

  /** A release cut before: a fix in its milestone, its tag by homelab-admin, its next milestone. */
  void released(String version) throws IOException {
    int n = 100 + github.milestones.size();
    FakeGitHub.Milestone done = github.milestone(n, version, false);
    merged(n, "fix: the fix of " + version, done.number, "type:fix");
    tag(version, head(), Footprint.defaults().author("homelab-admin"));
    github.release(version, false, "## What's Changed\n* fix");
    String next = Versions.tag(Versions.parse(version).orElseThrow().nextPatch());
    github.milestone(n + 1, next, true);
  }

  String head() throws IOException {
    return BareRepos.head(bare, "main").name();
  }

  void tag(String name, String commit, PersonIdent tagger) throws IOException {
    TestTags.annotate(bare, name, commit, tagger);
  }

  Map<String, String> tags() {
    return TestTags.all(bare);
  }

  String tagMessage(String name) throws IOException {
    return TestTags.message(bare, name);
  }

  Plan plan() {
    return releases.plan("homelab", null);
  }

  CutResult cut(RecordedEffects effects) {
    return releases.cut("homelab", null, effects.door());
  }

  /** The release state a person would look at, to compare two runs. */
  String state() {
    StringBuilder out = new StringBuilder();
    tags()
        .forEach(
            (name, commit) ->
                out.append("tag ")
                    .append(name)
                    .append(' ')
                    .append(commit.split(" ")[1])
                    .append('\n'));
    github.milestones.stream()
        .sorted(java.util.Comparator.comparing(m -> m.title))
        .forEach(
            m ->
                out.append("milestone ")
                    .append(m.title)
                    .append(' ')
                    .append(m.state)
                    .append(m.description.startsWith("Renamed from") ? " renamed" : "")
                    .append('\n'));
    github.releases.stream()
        .sorted(java.util.Comparator.comparing(r -> r.tag))
        .forEach(
            r ->
                out.append("release ")
                    .append(r.tag)
                    .append(r.draft ? " draft" : " published")
                    .append(r.latest ? " latest" : "")
                    .append(r.body.isBlank() ? " no-notes" : " notes")
                    .append('\n'));
    github.items.stream()
        .sorted(java.util.Comparator.comparing(i -> i.number))
        .forEach(
            i ->
                out.append('#')
                    .append(i.number)
                    .append(" in ")
                    .append(
                        i.milestone == null
                            ? "none"
                            : github.milestones.stream()
                                .filter(m -> m.number == i.milestone)
                                .map(m -> m.title)
                                .findFirst()
                                .orElse("?"))
                    .append('\n'));
    return out.toString();
  }

  static List<String> kinds(RecordedEffects effects) {
    return effects.kinds();
  }

  @Override
  public void close() throws Exception {
    mirrors.close();
    git.close();
    github.close();
  }
}
