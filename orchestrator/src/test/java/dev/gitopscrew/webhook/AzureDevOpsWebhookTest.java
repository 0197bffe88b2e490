package dev.gitopscrew.webhook;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.git.DemoRepository;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.settings.CrewContext;
import dev.gitopscrew.store.JdbcDeliveries;
import dev.gitopscrew.store.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
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
 * {@code /webhooks/azure-devops} with Azure DevOps' service hook bodies, against WireMock Azure
 * DevOps and a real Git remote: basic authentication, validation of a created pull request (one
 * thread, a commit status), comment events deduplicated on comment id and last update, merges. A
 * Quarkus test because the Azure DevOps client is Quarkus REST Client, as in the application; the
 * crew under test is its own, on its own state directory.
 */
@org.junit.jupiter.api.Tag("store")
@io.quarkus.test.junit.QuarkusTest
class AzureDevOpsWebhookTest {

  static final String SECRET = "azhook-3f9d2c7e1b5a4d8c9e0f1a2b3c4d5e6f";
  static final String PAT = "azdopat7m2k9q4x8c1v5b3n6z0l4j8h2g6f9d3s7a1p5o9i3u";
  static final String GIT = "/org/project/_apis/git/repositories/infra";
  static final String BRANCH = "software-engineer/chore/12-add-a-servicemonitor-for-whoami";
  static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  WireMockServer azure;
  Path remote;
  Crew crew;
  PullRequestWebhooks hooks;

  @BeforeEach
  void setUp() throws Exception {
    azure = new WireMockServer(wireMockConfig().dynamicPort());
    azure.start();
    remote = dir.resolve("remote/infra.git");
    DemoRepository.seedIfMissing(remote);
    Path config =
        Files.writeString(
            dir.resolve("crew.yaml"),
            """
            git:
              repositories:
                infra:
                  forge: azure-devops
                  url: "%s"
                  apiUrl: "%s"
                  organization: org
                  project: project
            channels:
              pullRequests:
                users: [ada@example.org]
            """
                .formatted(remote.toUri(), azure.baseUrl()));
    Map<String, String> env = new HashMap<>(TestStores.env(dir.resolve("state")));
    env.put("AZURE_DEVOPS_PAT", PAT);
    env.put(AzureDevOpsWebhook.SECRET_VARIABLE, SECRET);
    crew = Crew.open(CrewContext.load(Optional.of(config), Optional.of(dir.resolve("state")), env));
    hooks = crew.pullRequestWebhooks();
    hooks.worker().start(Duration.ZERO);
    azure.stubFor(
        post(urlPathMatching(GIT + "/commits/[0-9a-f]{40}/statuses"))
            .willReturn(okJson("{\"id\": 1, \"state\": \"succeeded\"}")));
    azure.stubFor(
        get(urlPathEqualTo(GIT + "/pullrequests/12/threads"))
            .willReturn(okJson("{\"count\": 0, \"value\": []}")));
    azure.stubFor(
        post(urlPathEqualTo(GIT + "/pullrequests/12/threads"))
            .willReturn(
                okJson("{\"id\": 66, \"status\": \"active\", \"comments\": [{\"id\": 1}]}")));
    azure.stubFor(
        post(urlPathEqualTo(GIT + "/pullrequests/12/labels"))
            .willReturn(
                okJson(
                    "{\"id\": \"f1e2d3c4\", \"name\": \"do-not-merge/hold\", \"active\": true}")));
  }

  @AfterEach
  void tearDown() {
    hooks.close();
    crew.close();
    azure.stop();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private PullRequestDeliveries.Reply deliver(String body) {
    return hooks
        .azureDevOps()
        .receive(basic("gitops-crew", SECRET), body.getBytes(StandardCharsets.UTF_8));
  }

  private JdbcDeliveries.Delivery worked(PullRequestDeliveries.Reply reply) throws Exception {
    hooks.worker().awaitIdle(Duration.ofSeconds(90));
    long id = ((Number) reply.body().get("delivery")).longValue();
    return crew.deliveries().find(id).orElseThrow();
  }

  private List<LoggedRequest> requests(String method, String prefix) {
    return azure.getAllServeEvents().stream()
        .map(e -> e.getRequest())
        .filter(r -> r.getMethod().getName().equals(method) && r.getUrl().startsWith(prefix))
        .toList();
  }

  private ObjectId branch(Map<String, String> files) throws Exception {
    try (Repository repo = BareRepos.open(remote)) {
      RefUpdate update = repo.updateRef(Constants.R_HEADS + BRANCH);
      update.setNewObjectId(repo.resolve(Constants.R_HEADS + "main"));
      update.update();
    }
    return BareRepos.commit(remote, BRANCH, files, "Add a ServiceMonitor for whoami");
  }

  private String openPullRequest(String head) {
    String pr = AzureHooks.pullRequest(12, BRANCH, head, "active", "succeeded", null);
    azure.stubFor(get(urlPathEqualTo(GIT + "/pullrequests/12")).willReturn(okJson(pr)));
    return pr;
  }

  @Test
  void withoutTheSharedSecretItIs401AndNothingIsStored() {
    String body =
        AzureHooks.event(
            "git.pullrequest.created",
            1,
            "2ab4e3d3-b7a6-425e-92b1-5a9982c1269e",
            AzureHooks.pullRequest(12, BRANCH, AzureHooks.BASE, "active", "succeeded", null));
    for (String header :
        new String[] {
          null,
          "Bearer " + SECRET,
          basic("gitops-crew", "wrong"),
          basic(SECRET, ""),
          "Basic !!",
          SECRET
        }) {
      PullRequestDeliveries.Reply reply =
          hooks.azureDevOps().receive(header, body.getBytes(StandardCharsets.UTF_8));
      assertThat(reply.status()).as(String.valueOf(header)).isEqualTo(401);
      assertThat(reply.body().toString())
          .contains("AZURE_DEVOPS_WEBHOOK_SECRET")
          .doesNotContain(SECRET);
    }
    assertThat(crew.deliveries().recent(10)).isEmpty();
  }

  @Test
  void aCreatedPullRequestIsValidatedInOneThreadWithAStatusAndARetryIsADuplicate()
      throws Exception {
    ObjectId head =
        branch(
            Map.of(
                "k8s/apps/whoami/servicemonitor.yaml",
                "apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata:\n  name: whoami\nspec:\n  endpoints:\n    - port: http\n"));
    String pr = openPullRequest(head.name());
    String created =
        AzureHooks.event("git.pullrequest.created", 1, "2ab4e3d3-b7a6-425e-92b1-5a9982c1269e", pr);
    PullRequestDeliveries.Reply first = deliver(created);
    assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
    // the same push reported again (a retry, or an update that changed no commit) is a repeat
    PullRequestDeliveries.Reply updated =
        deliver(
            AzureHooks.event(
                "git.pullrequest.updated", 2, "9c0a3a1e-6f0b-4a52-9a0e-3d1f7b2c4e5a", pr));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.body()).containsEntry("duplicate", true);

    JdbcDeliveries.Delivery delivery = worked(first);
    assertThat(delivery.state()).as(delivery.note()).isEqualTo("processed");
    List<LoggedRequest> threads = requests("POST", GIT + "/pullrequests/12/threads");
    assertThat(threads).hasSize(1);
    assertThat(
            JSON.readTree(threads.get(0).getBodyAsString())
                .path("comments")
                .get(0)
                .path("content")
                .asText())
        .contains("<!-- gitops-crew:report qa-tester validation -->")
        .contains("Agent: qa-tester | GitOps Crew");
    List<LoggedRequest> statuses = requests("POST", GIT + "/commits/" + head.name() + "/statuses");
    assertThat(statuses).hasSize(1);
    JsonNode status = JSON.readTree(statuses.get(0).getBodyAsString());
    assertThat(status.path("state").asText()).isEqualTo("succeeded");
    assertThat(requests("GET", GIT).toString()).doesNotContain(PAT);
  }

  @Test
  void aCommentIsDedupedOnIdAndLastUpdateAndAnEditedCommentRunsAgain() throws Exception {
    String pr = openPullRequest(AzureHooks.BASE);
    String body =
        AzureHooks.comment(
            3,
            "7d1f9c2a-0b4e-4c6d-8e1f-2a3b4c5d6e7f",
            5,
            AzureHooks.ada(),
            "Backups first.\n/crew hold",
            "2026-12-03T07:20:05.803Z",
            "text",
            pr);
    PullRequestDeliveries.Reply first = deliver(body);
    assertThat(first.status()).as(first.body().toString()).isEqualTo(202);
    assertThat(deliver(body).body()).containsEntry("duplicate", true);
    assertThat(worked(first).state()).isEqualTo("processed");
    assertThat(requests("POST", GIT + "/pullrequests/12/labels")).hasSize(1);
    assertThat(requests("POST", GIT + "/pullrequests/12/threads")).hasSize(1);

    String edited =
        AzureHooks.comment(
            4,
            "0e9d8c7b-6a5f-4e3d-2c1b-0a9f8e7d6c5b",
            5,
            AzureHooks.ada(),
            "Backups first.\n/crew hold",
            "2026-12-03T07:25:41.117Z",
            "text",
            pr);
    PullRequestDeliveries.Reply again = deliver(edited);
    assertThat(again.status()).isEqualTo(202);
    worked(again);
    assertThat(requests("POST", GIT + "/pullrequests/12/labels")).hasSize(2);
  }

  @Test
  void aCommandFromSomeoneNotListedIsRefusedAndTheCrewsOwnThreadsAreIgnored() throws Exception {
    String pr = openPullRequest(AzureHooks.BASE);
    String mallory =
        AzureHooks.identity(
            "Mallory", "mallory@example.org", "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");
    JdbcDeliveries.Delivery refused =
        worked(
            deliver(
                AzureHooks.comment(
                    5,
                    "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                    8,
                    mallory,
                    "/crew unhold",
                    "2026-12-03T07:21:00.000Z",
                    "text",
                    pr)));
    assertThat(refused.state()).isEqualTo("skipped");
    List<LoggedRequest> threads = requests("POST", GIT + "/pullrequests/12/threads");
    assertThat(threads).hasSize(1);
    assertThat(threads.get(0).getBodyAsString())
        .contains("@mallory@example.org Not taken: mallory@example.org may not run /crew commands");
    assertThat(requests("DELETE", GIT + "/pullrequests/12/labels")).isEmpty();

    String own =
        "Pre-merge validation\\n\\n/crew validate\\n\\n---\\nAgent: qa-tester | GitOps Crew";
    for (String body :
        new String[] {
          AzureHooks.comment(
              6,
              "2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e",
              9,
              AzureHooks.ada(),
              own.replace("\\n", "\n"),
              "2026-12-03T07:22:00.000Z",
              "text",
              pr),
          AzureHooks.comment(
              7,
              "3c4d5e6f-7a8b-4c9d-0e1f-2a3b4c5d6e7f",
              10,
              AzureHooks.ada(),
              "Ada Operator voted 10",
              "2026-12-03T07:23:00.000Z",
              "system",
              pr)
        }) {
      PullRequestDeliveries.Reply reply = deliver(body);
      assertThat(reply.status()).isEqualTo(200);
      assertThat(reply.body()).containsKey("ignored");
    }
  }

  @Test
  void onlyACompletedSucceededMergeIsRecorded() throws Exception {
    String merge = "eef717f69257a6333f221566c1c987dc94cc0d72";
    String conflicts =
        AzureHooks.pullRequest(12, BRANCH, AzureHooks.BASE, "active", "conflicts", null);
    PullRequestDeliveries.Reply attempted =
        deliver(
            AzureHooks.event(
                "git.pullrequest.merged", 8, "4d5e6f7a-8b9c-4d0e-1f2a-3b4c5d6e7f8a", conflicts));
    assertThat(attempted.status()).isEqualTo(200);
    assertThat(attempted.body().get("ignored").toString()).contains("conflicts");

    String completed =
        AzureHooks.pullRequest(12, BRANCH, AzureHooks.BASE, "completed", "succeeded", merge);
    PullRequestDeliveries.Reply merged =
        deliver(
            AzureHooks.event(
                "git.pullrequest.merged", 9, "5e6f7a8b-9c0d-4e1f-2a3b-4c5d6e7f8a9b", completed));
    assertThat(merged.status()).isEqualTo(202);
    assertThat(worked(merged).state()).isEqualTo("processed");
    assertThat(crew.merges().byCommit(merge))
        .get()
        .extracting(m -> m.forge())
        .isEqualTo("azure-devops");
    // completing also sends git.pullrequest.updated with the same merge: a repeat
    assertThat(
            deliver(
                    AzureHooks.event(
                        "git.pullrequest.updated",
                        10,
                        "6f7a8b9c-0d1e-4f2a-3b4c-5d6e7f8a9b0c",
                        completed))
                .body())
        .containsEntry("duplicate", true);
  }
}
