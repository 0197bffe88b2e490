package dev.gitopscrew.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.forge.github.GitHubPayloads;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.settings.Secret;
import dev.gitopscrew.store.JdbcDeliveries;
import dev.gitopscrew.store.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.RefUpdate;
import org.eclipse.jgit.lib.Repository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /webhooks/github} end to end: GitHub's real webhook bodies, signed as GitHub signs them,
 * against WireMock GitHub for the REST API and a real Git remote (a bare repository); the crew
 * validates the pull request's branch, keeps one comment and sets a status, and answers comment
 * commands.
 */
@org.junit.jupiter.api.Tag("store")
class GitHubWebhookTest {

  static final String SECRET = "whsec-7b2c9e41d5a8f3061e2d4c5b6a7980fe";
  static final String TOKEN = "ghp_Pr0Hooks0123456789abcdefABCDEFghijKL";
  static final String REPO = "/repos/owner/homelab";
  static final String BRANCH = "software-engineer/chore/12-add-a-servicemonitor-for-whoami";
  static final String KUSTOMIZATION = "k8s/apps/whoami/kustomization.yaml";
  static final String MARKER = "<!-- gitops-crew:report qa-tester validation -->";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  WireMockServer github;
  Path remote;
  Crew crew;
  PullRequestWebhooks hooks;
  int deliveryCounter;

  @BeforeEach
  void setUp() throws Exception {
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
    remote = dir.resolve("remote/homelab.git");
    DemoRepository.seedIfMissing(remote);
    stubGitHub();
    Path config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            git:
              repositories:
                homelab:
                  forge: github
                  url: "%s"
                  apiUrl: "%s"
                  organization: owner
            channels:
              pullRequests:
                users: [Trusted-Friend]
            """
                .formatted(remote.toUri(), github.baseUrl()));
    Map<String, String> env = new HashMap<>(TestStores.env(dir.resolve("state")));
    env.put("GITHUB_TOKEN", TOKEN);
    env.put(GitHubWebhook.SECRET_VARIABLE, SECRET);
    crew = Crew.open(CrewContext.load(Optional.of(config), Optional.of(dir.resolve("state")), env));
    hooks = crew.pullRequestWebhooks();
    hooks.worker().start(Duration.ZERO);
  }

  @AfterEach
  void tearDown() throws Exception {
    hooks.close();
    crew.close();
    github.stop();
  }

  private void stubGitHub() {
    String api = github.baseUrl();
    github.stubFor(get(urlPathEqualTo(REPO)).willReturn(okJson(GitHubPayloads.repository(api))));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/pulls/12"))
            .willReturn(
                okJson(
                    GitHubPayloads.pullRequest(
                        api, 12, BRANCH, "Add a ServiceMonitor for whoami", null))));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/12"))
            .willReturn(
                okJson(
                    GitHubPayloads.issue(
                        api, 12, "Add a ServiceMonitor for whoami", "Adds monitoring", null))));
    // the comment list: empty until the crew posts its validation comment, then that comment
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/12/comments"))
            .inScenario("comments")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(okJson("[]")));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues/12/comments"))
            .inScenario("comments")
            .willSetStateTo("posted")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(comment(901, "Pre-merge validation\\n" + MARKER))));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/issues/12/comments"))
            .inScenario("comments")
            .whenScenarioStateIs("posted")
            .willReturn(okJson("[" + comment(901, "Pre-merge validation\\n" + MARKER) + "]")));
    github.stubFor(
        patch(urlPathEqualTo(REPO + "/issues/comments/901"))
            .willReturn(okJson(comment(901, "updated"))));
    github.stubFor(
        post(urlPathMatching(REPO + "/statuses/[0-9a-f]{40}"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\": 1, \"state\": \"success\", \"context\": \"gitops-crew/validate\","
                            + " \"created_at\": \"2026-12-03T07:00:00Z\","
                            + " \"updated_at\": \"2026-12-03T07:00:00Z\"}")));
    github.stubFor(
        post(urlPathEqualTo(REPO + "/issues/12/labels"))
            .willReturn(okJson(GitHubPayloads.labels("do-not-merge/hold"))));
    github.stubFor(delete(urlPathMatching(REPO + "/issues/12/labels/.*")).willReturn(okJson("[]")));
    // the open issues an agent looks through for its report (none yet)
    github.stubFor(get(urlPathEqualTo(REPO + "/issues")).willReturn(okJson("[]")));
    permission("mallory", "read");
    permission("ada", "write");
  }

  private void permission(String login, String permission) {
    github.stubFor(
        get(urlPathEqualTo(REPO + "/collaborators/" + login + "/permission"))
            .willReturn(
                okJson(
                    """
                    {"permission": "%s", "role_name": "%s",
                     "user": {"login": "%s", "id": 77, "type": "User", "site_admin": false}}
                    """
                        .formatted(permission, permission, login))));
  }

  private String comment(long id, String body) {
    return """
        {"id": %1$d, "node_id": "IC_kw", "body": "%2$s",
         "user": {"login": "crew-bot", "id": 9, "type": "User"},
         "url": "%3$s/repos/owner/homelab/issues/comments/%1$d",
         "html_url": "https://github.com/owner/homelab/pull/12#issuecomment-%1$d",
         "issue_url": "%3$s/repos/owner/homelab/issues/12",
         "created_at": "2026-12-03T07:00:01Z", "updated_at": "2026-12-03T07:00:01Z"}
        """
        .formatted(id, body, github.baseUrl());
  }

  /** A pull request branch from main with {@code files} committed on it; its head. */
  private ObjectId branch(Map<String, String> files) throws Exception {
    try (Repository repo = BareRepos.open(remote)) {
      if (repo.exactRef(Constants.R_HEADS + BRANCH) == null) {
        RefUpdate update = repo.updateRef(Constants.R_HEADS + BRANCH);
        update.setNewObjectId(repo.resolve(Constants.R_HEADS + "main"));
        assertThat(update.update()).isIn(RefUpdate.Result.NEW, RefUpdate.Result.FORCED);
      }
    }
    return BareRepos.commit(remote, BRANCH, files, "Add a ServiceMonitor for whoami");
  }

  private static String brokenKustomization() {
    return """
        apiVersion: kustomize.config.k8s.io/v1beta1
        kind: Kustomization
        namespace: whoami
        labels:
          - pairs:
              app.kubernetes.io/name: whoami
              app.kubernetes.io/part-of: homelab
            includeSelectors: true
        resources:
          - deployment.yaml
          - service.yaml
          - servicemonitor.yaml
        """;
  }

  private static final String SERVICE_MONITOR =
      """
      apiVersion: monitoring.coreos.com/v1
      kind: ServiceMonitor
      metadata:
        name: whoami
      spec:
        selector:
          matchLabels:
            app.kubernetes.io/name: whoami
        endpoints:
          - port: http
      """;

  private PullRequestDeliveries.Reply deliver(String event, String body) {
    return deliver(
        event, "72d3162e-cc78-11e3-81ab-4c9367dc" + String.format("%04d", ++deliveryCounter), body);
  }

  private PullRequestDeliveries.Reply deliver(String event, String delivery, String body) {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return hooks
        .github()
        .receive(event, delivery, GitHubSignature.sign(new Secret(SECRET), bytes), bytes);
  }

  private JdbcDeliveries.Delivery worked(PullRequestDeliveries.Reply reply) throws Exception {
    hooks.worker().awaitIdle(Duration.ofSeconds(90));
    long id = ((Number) reply.body().get("delivery")).longValue();
    return crew.deliveries().find(id).orElseThrow();
  }

  private List<LoggedRequest> requests(String method, String pathPrefix) {
    return github.getAllServeEvents().stream()
        .map(e -> e.getRequest())
        .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith(pathPrefix))
        .toList();
  }

  private static JsonNode body(LoggedRequest request) throws Exception {
    return JSON.readTree(request.getBodyAsString());
  }

  @Test
  void aBrokenKustomizeReferenceFailsWithFileAndLineAndTheFixTurnsTheSameCommentGreen()
      throws Exception {
    ObjectId broken = branch(Map.of(KUSTOMIZATION, brokenKustomization()));
    PullRequestDeliveries.Reply opened =
        deliver(
            "pull_request",
            GitHubHooks.pullRequest("opened", 12, BRANCH, broken.name(), null, null));
    assertThat(opened.status()).as(opened.body().toString()).isEqualTo(202);
    JdbcDeliveries.Delivery first = worked(opened);
    assertThat(first.state()).as(first.note()).isEqualTo("processed");
    assertThat(first.sessionId()).isNotNull();

    List<LoggedRequest> posted = requests("POST", REPO + "/issues/12/comments");
    assertThat(posted).hasSize(1);
    String failing = body(posted.get(0)).path("body").asText();
    assertThat(failing)
        .contains(KUSTOMIZATION + ":12")
        .contains("servicemonitor.yaml")
        .contains(MARKER)
        .contains("Agent: qa-tester | GitOps Crew");
    JsonNode failure = body(requests("POST", REPO + "/statuses/" + broken.name()).get(0));
    assertThat(failure.path("state").asText()).isEqualTo("failure");
    assertThat(failure.path("context").asText()).isEqualTo("gitops-crew/validate");

    ObjectId fixed =
        BareRepos.commit(
            remote,
            BRANCH,
            Map.of("k8s/apps/whoami/servicemonitor.yaml", SERVICE_MONITOR),
            "Add the ServiceMonitor the kustomization names");
    PullRequestDeliveries.Reply pushed =
        deliver(
            "pull_request",
            GitHubHooks.pullRequest("synchronize", 12, BRANCH, fixed.name(), broken.name(), null));
    assertThat(pushed.status()).isEqualTo(202);
    assertThat(worked(pushed).state()).isEqualTo("processed");

    assertThat(requests("POST", REPO + "/issues/12/comments"))
        .as("never a second comment")
        .hasSize(1);
    List<LoggedRequest> updated = requests("PATCH", REPO + "/issues/comments/901");
    assertThat(updated).hasSize(1);
    String green = body(updated.get(0)).path("body").asText();
    assertThat(green).doesNotContain(KUSTOMIZATION + ":12").contains(MARKER);
    JsonNode success = body(requests("POST", REPO + "/statuses/" + fixed.name()).get(0));
    assertThat(success.path("state").asText()).isEqualTo("success");
    // the audit trail carries the writes, by qa-tester for the pull request's author, never the
    // token
    List<dev.gitopscrew.effect.AuditRecord> audit = crew.audit().latest(50);
    assertThat(audit)
        .filteredOn(r -> r.kind().equals("forge.status"))
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.agent()).isEqualTo("qa-tester");
              assertThat(r.channel()).isEqualTo("github");
              assertThat(r.requester()).isEqualTo("ada");
            });
    assertThat(audit.toString()).doesNotContain(TOKEN).doesNotContain(SECRET);
  }

  @Test
  void aBadOrMissingSignatureIs401AndNothingIsStored() {
    byte[] body =
        GitHubHooks.pullRequest(
                "opened", 12, BRANCH, "6dcb09b5b57875f334f61aebed695e2e4193db5e", null, null)
            .getBytes(StandardCharsets.UTF_8);
    String other = GitHubSignature.sign(new Secret("another-secret"), body);
    String tampered =
        GitHubSignature.sign(
            new Secret(SECRET), "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8));
    for (String signature :
        new String[] {null, "", "sha256=", "sha1=abc", other, tampered, "sha256=zz" + SECRET}) {
      PullRequestDeliveries.Reply reply =
          hooks
              .github()
              .receive("pull_request", "a1b2c3d4-0000-0000-0000-000000000001", signature, body);
      assertThat(reply.status()).as(String.valueOf(signature)).isEqualTo(401);
      assertThat(reply.body().toString()).contains("GITHUB_WEBHOOK_SECRET").doesNotContain(SECRET);
    }
    assertThat(crew.deliveries().recent(10)).isEmpty();
  }

  @Test
  void aRedeliveryIsHandledOnce() throws Exception {
    ObjectId head = branch(Map.of("k8s/apps/whoami/servicemonitor.yaml", SERVICE_MONITOR));
    String body = GitHubHooks.pullRequest("opened", 12, BRANCH, head.name(), null, null);
    String id = "9e1c3a20-d0b7-11f0-8f1e-3c1f9a2b4d5e";
    PullRequestDeliveries.Reply first = deliver("pull_request", id, body);
    PullRequestDeliveries.Reply again = deliver("pull_request", id, body);
    assertThat(first.status()).isEqualTo(202);
    assertThat(again.status()).isEqualTo(200);
    assertThat(again.body())
        .containsEntry("duplicate", true)
        .containsEntry("delivery", first.body().get("delivery"));
    worked(first);
    assertThat(requests("POST", REPO + "/statuses/")).hasSize(1);
    assertThat(requests("POST", REPO + "/issues/12/comments")).hasSize(1);
    assertThat(crew.deliveries().recent(10)).hasSize(1);
  }

  @Test
  void aCommandFromSomeoneWithoutWriteAccessIsPolitelyRefused() throws Exception {
    PullRequestDeliveries.Reply reply =
        deliver(
            "issue_comment",
            GitHubHooks.comment(12, 1700001, "mallory", "User", "LGTM\n/crew validate"));
    assertThat(reply.status()).isEqualTo(202);
    JdbcDeliveries.Delivery delivery = worked(reply);
    assertThat(delivery.state()).isEqualTo("skipped");
    assertThat(delivery.note()).contains("refused");
    List<LoggedRequest> replies = requests("POST", REPO + "/issues/12/comments");
    assertThat(replies).hasSize(1);
    assertThat(body(replies.get(0)).path("body").asText())
        .startsWith("@mallory Not taken: mallory may not run /crew commands in ")
        .contains("Nothing was done")
        .endsWith("Agent: homelab-admin | GitOps Crew");
    assertThat(requests("POST", REPO + "/statuses/")).as("nothing validated").isEmpty();
    github.verify(1, getRequestedFor(urlPathEqualTo(REPO + "/collaborators/mallory/permission")));

    // asked again soon after: the forge's answer is kept, not asked for again
    worked(
        deliver(
            "issue_comment", GitHubHooks.comment(12, 1700002, "mallory", "User", "/crew hold")));
    github.verify(1, getRequestedFor(urlPathEqualTo(REPO + "/collaborators/mallory/permission")));
    github.verify(0, postRequestedFor(urlPathEqualTo(REPO + "/issues/12/labels")));
  }

  @Test
  void theCrewsOwnCommentsAndOtherBotsTriggerNothing() throws Exception {
    String own =
        "Pre-merge validation of this pull request\n\n/crew validate\n\n---\nAgent: qa-tester | GitOps Crew";
    for (String body :
        new String[] {
          GitHubHooks.comment(12, 1700010, "crew-bot", "User", own),
          GitHubHooks.comment(12, 1700011, "gitops-crew[bot]", "Bot", "/crew validate"),
          GitHubHooks.comment(12, 1700012, "renovate[bot]", "Bot", "/crew hold"),
          GitHubHooks.comment(12, 1700013, "ada", "User", "Looks good, no commands here"),
          GitHubHooks.comment(12, 1700014, "ada", "User", null)
        }) {
      PullRequestDeliveries.Reply reply = deliver("issue_comment", body);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).containsKey("ignored");
    }
    hooks.worker().awaitIdle(Duration.ofSeconds(30));
    assertThat(crew.deliveries().recent(10)).isEmpty();
    github.verify(0, postRequestedFor(urlPathMatching(REPO + "/.*")));
  }

  @Test
  void holdHelpAndUnknownCommandsAreAnsweredInOneCommentWithTheFooter() throws Exception {
    PullRequestDeliveries.Reply reply =
        deliver(
            "issue_comment",
            GitHubHooks.comment(
                12,
                1700020,
                "ada",
                "User",
                "Waiting for the backup window.\r\n/crew hold\r\n  /crew help\r\n/crew dance"));
    JdbcDeliveries.Delivery delivery = worked(reply);
    assertThat(delivery.state()).isEqualTo("processed");
    assertThat(delivery.note()).contains("hold held", "help answered", "unknown");
    JsonNode label = body(requests("POST", REPO + "/issues/12/labels").get(0));
    assertThat(label.toString()).contains("do-not-merge/hold");
    List<LoggedRequest> replies = requests("POST", REPO + "/issues/12/comments");
    assertThat(replies).hasSize(1);
    assertThat(body(replies.get(0)).path("body").asText())
        .contains(
            "`/crew hold`",
            "do-not-merge/hold",
            "`/crew release plan [MILESTONE]`",
            "I do not know this command")
        .endsWith("Agent: homelab-admin | GitOps Crew");
    assertThat(crew.audit().latest(20))
        .anySatisfy(
            r -> {
              assertThat(r.kind()).isEqualTo("forge.labels.add");
              assertThat(r.target()).contains("do-not-merge/hold");
              assertThat(r.requester()).isEqualTo("ada");
              assertThat(r.channel()).isEqualTo("github");
            });

    worked(
        deliver(
            "issue_comment",
            GitHubHooks.comment(12, 1700021, "trusted-friend", "User", "/crew unhold")));
    assertThat(requests("DELETE", REPO + "/issues/12/labels/")).hasSize(1);
    github.verify(
        0, getRequestedFor(urlPathEqualTo(REPO + "/collaborators/trusted-friend/permission")));
  }

  @Test
  void validateScanAndRefreshFromSomeoneWhoMayPushRunAsSessionsAndAreAnswered() throws Exception {
    ObjectId head = branch(Map.of("k8s/apps/whoami/servicemonitor.yaml", SERVICE_MONITOR));
    // main moves on after the branch was cut: the refresh merges it in
    BareRepos.commit(
        remote, "main", Map.of("docs/backup.md", "# Backups\n\nNightly at 02:00.\n"), "Docs");
    JdbcDeliveries.Delivery delivery =
        worked(
            deliver(
                "issue_comment",
                GitHubHooks.comment(
                    12, 1700030, "ada", "User", "/crew validate\n/crew scan\n/crew refresh")));
    assertThat(delivery.state()).as(delivery.note()).isEqualTo("processed");
    assertThat(delivery.sessionId()).isNotNull();

    // the validation keeps its own comment and status; the answer is one more comment
    assertThat(requests("POST", REPO + "/statuses/" + head.name())).hasSize(1);
    List<LoggedRequest> comments = requests("POST", REPO + "/issues/12/comments");
    assertThat(comments).hasSize(2);
    String answer =
        comments.stream()
            .map(r -> r.getBodyAsString())
            .filter(b -> b.contains("@ada"))
            .findFirst()
            .orElseThrow();
    assertThat(JSON.readTree(answer).path("body").asText())
        .contains("**`/crew validate`**: qa-tester answered (session ")
        .contains("**`/crew scan`**: security-analyst answered (session ")
        // the pull request's own head, the one file it adds
        .contains(
            "Scanned homelab pull request #12, the 1 file it changes, at "
                + head.name().substring(0, 12))
        .contains("**`/crew refresh`**: merged the default branch into `" + BRANCH + "`");
    try (Repository repo = BareRepos.open(remote)) {
      var tip =
          new org.eclipse.jgit.revwalk.RevWalk(repo)
              .parseCommit(repo.resolve(Constants.R_HEADS + BRANCH));
      assertThat(tip.getParentCount()).isEqualTo(2);
      assertThat(tip.getParent(0).getId()).isEqualTo(head);
      assertThat(tip.getAuthorIdent().getName()).isEqualTo("homelab-admin[bot]");
    }
    // the sessions carry the channel and the commenter
    assertThat(crew.engine().repository().list(true, 20))
        .filteredOn(r -> r.depth() == 0)
        .hasSize(2)
        .allSatisfy(
            r -> {
              assertThat(r.channel()).isEqualTo("github");
              assertThat(r.requester()).isEqualTo("ada");
            });
  }

  @Test
  void aMergeIsRecordedAndPingUnknownEventsAndOtherRepositoriesAreAcknowledged() throws Exception {
    String merge = "e5bd3914e2e596debea16f433f57875b5b90bcd6";
    PullRequestDeliveries.Reply merged =
        deliver(
            "pull_request",
            GitHubHooks.pullRequest(
                "closed", 12, BRANCH, "6dcb09b5b57875f334f61aebed695e2e4193db5e", null, merge));
    assertThat(worked(merged).state()).isEqualTo("processed");
    assertThat(crew.merges().byCommit(merge)).get().extracting(m -> m.number()).isEqualTo(12);

    // Argo CD reports the merge deployed: the verification's result goes to the pull request once
    dev.gitopscrew.channel.pr.ReportDeployment report =
        new dev.gitopscrew.channel.pr.ReportDeployment(
            crew.merges(),
            crew.repositories(),
            crew.forges(),
            dev.gitopscrew.git.Footprint.defaults(),
            crew.audit(),
            dev.gitopscrew.effect.Redactor.none(),
            java.time.Clock.systemUTC());
    assertThat(report.follows(merge)).isTrue();
    assertThat(report.follows("0123456789abcdef0123456789abcdef01234567")).isFalse();
    java.time.Instant now = java.time.Instant.now();
    var verified =
        new dev.gitopscrew.intake.RequestOutcome.Ran(
            41,
            "qa-tester",
            List.of(
                new dev.gitopscrew.session.SessionView(
                    41,
                    null,
                    41,
                    "homelab-admin",
                    0,
                    "verify whoami",
                    "succeeded",
                    "whoami: Synced and Healthy; rollout complete; 1/1 pods ready",
                    now,
                    now.plusSeconds(60),
                    now,
                    null,
                    "argocd",
                    "argocd-notifications",
                    null)));
    report.verified(merge, "whoami", verified);
    assertThat(report.follows(merge)).as("told once").isFalse();
    List<LoggedRequest> told = requests("POST", REPO + "/issues/12/comments");
    assertThat(told).hasSize(1);
    assertThat(body(told.get(0)).path("body").asText())
        .contains("Argo CD deployed this merge (e5bd3914e2e5) to `whoami`")
        .contains("post-merge verification passed (session 41)")
        .contains("Synced and Healthy")
        .endsWith("Agent: qa-tester | GitOps Crew");

    PullRequestDeliveries.Reply ping = deliver("ping", GitHubHooks.ping());
    assertThat(ping.status()).isEqualTo(200);
    assertThat(ping.body()).containsEntry("message", "pong");

    assertThat(
            deliver(
                    "push",
                    "{\"ref\": \"refs/heads/main\", \"repository\": "
                        + GitHubHooks.repository()
                        + "}")
                .body())
        .containsKey("ignored");
    String elsewhere =
        GitHubHooks.pullRequest(
                "opened", 3, BRANCH, "6dcb09b5b57875f334f61aebed695e2e4193db5e", null, null)
            .replace("\"full_name\": \"owner/homelab\"", "\"full_name\": \"someone/else\"");
    PullRequestDeliveries.Reply other = deliver("pull_request", elsewhere);
    assertThat(other.status()).isEqualTo(200);
    assertThat(other.body().get("ignored").toString()).contains("someone/else is not configured");

    PullRequestDeliveries.Reply malformed = deliver("pull_request", "{\"action\": \"opened\",");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().get("error").toString()).contains("line 1");
    assertThat(crew.deliveries().recent(10)).hasSize(1);
  }
}
