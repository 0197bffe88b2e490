package dev.gitopscrew.roles.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.local.InMemoryLocalForgeRecords;
import dev.gitopscrew.forge.local.LocalForge;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.git.change.ChangeWorkflow;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.RecordedEffects;
import dev.gitopscrew.request.Scan;
import dev.gitopscrew.request.Severity;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * security-analyst's scan as an agent: one findings issue kept current, one hardening pull request
 * through the Git workflow, on repositories the test creates on the local forge.
 */
class ScanManifestsTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TINY =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: web
      spec:
        template:
          spec:
            automountServiceAccountToken: false
            containers:
              - name: web
                image: nginx:1.27.2
                resources:
                  requests: {cpu: 10m, memory: 16Mi}
                  limits: {cpu: 100m, memory: 64Mi}
                livenessProbe: {tcpSocket: {port: 80}}
                readinessProbe: {tcpSocket: {port: 80}}
      ---
      apiVersion: networking.k8s.io/v1
      kind: NetworkPolicy
      metadata:
        name: deny
        namespace: web
      spec:
        podSelector: {}
      """;

  @TempDir Path tmp;
  private final InMemoryLocalForgeRecords forge = new InMemoryLocalForgeRecords();
  private MirrorCache mirrors;
  private ChangeWorkflow changes;
  private String data;

  @BeforeEach
  void start() throws Exception {
    mirrors = new MirrorCache(tmp.resolve("state"));
    Map<String, RepositorySpec> specs = new TreeMap<>();
    specs.put("homelab", TestRepos.seed(tmp, "homelab", Homelab.dir()));
    specs.put("tiny", TestRepos.bare(tmp, "tiny", Map.of("k8s/web.yaml", TINY)));
    changes =
        new ChangeWorkflow(
            Footprint.defaults(),
            mirrors,
            specs,
            spec -> new LocalForge(spec.name(), forge),
            new CreateOnce(Duration.ofMillis(1)));
  }

  @AfterEach
  void stop() {
    mirrors.close();
  }

  private String scan(Scan request, RecordedEffects effects) {
    data = null;
    ActionContext context =
        new ActionContext(
            new Assignment(
                7,
                7,
                1,
                new Task("security-analyst", request),
                new Origin("test", "tester"),
                json -> data = json),
            null,
            effects.door());
    return new ScanManifests(changes).run(request, context);
  }

  private JsonNode data() throws Exception {
    return JSON.readTree(data);
  }

  @Test
  void aPullRequestScanReportsTheFindingsOnTheLinesItChangesAndWritesNothing() throws Exception {
    String worker =
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: worker
          namespace: web
        spec:
          template:
            spec:
              automountServiceAccountToken: false
              containers:
                - name: worker
                  image: busybox:1.37.0
                  securityContext:
                    privileged: true
                  resources:
                    requests: {cpu: 10m, memory: 16Mi}
                    limits: {cpu: 100m, memory: 64Mi}
                  livenessProbe: {exec: {command: [true]}}
                  readinessProbe: {exec: {command: [true]}}
        """;
    ChangeOutcome.Completed pr =
        (ChangeOutcome.Completed)
            changes.run(
                ChangeRequest.of(
                    "tiny",
                    ChangeType.FEAT,
                    "Add the worker",
                    null,
                    "software-engineer",
                    Map.of(
                        "k8s/worker.yaml",
                        worker.getBytes(StandardCharsets.UTF_8),
                        "k8s/web.yaml",
                        TINY.replace("nginx:1.27.2", "nginx:latest")
                            .getBytes(StandardCharsets.UTF_8))),
                new RecordedEffects("software-engineer").door());
    int number = pr.pullRequest().number();
    RecordedEffects effects = new RecordedEffects("security-analyst");

    String result = scan(new Scan("tiny", null, null, null, false, false, number), effects);

    assertThat(result)
        .startsWith("Scanned tiny pull request #" + number + ", the 2 files it changes, at ")
        .contains("critical privileged k8s/worker.yaml:14")
        .contains("medium latest-tag k8s/web.yaml:12")
        // web.yaml's container lacked runAsNonRoot and more before: not this pull request's doing
        .doesNotContain("run-as-root k8s/web.yaml")
        .contains("findings elsewhere in the tree or on lines it does not change: crew scan tiny")
        .contains("writes nothing");
    assertThat(effects.records()).isEmpty();
    assertThat(forge.issues("tiny")).hasSize(1); // the change's own issue, no findings issue
    assertThat(data().path("target").asText()).isEqualTo("tiny pull request #" + number);
  }

  @Test
  void aRepositoryScanListsEveryFindingAndOpensOneIssueAndOneHardeningPullRequest()
      throws Exception {
    RecordedEffects effects = new RecordedEffects("security-analyst");

    String result = scan(new Scan("homelab", null, null), effects);

    assertThat(result)
        .startsWith("Scanned homelab at ")
        .contains(
            ": 21 YAML files, 24 objects; 37 findings (2 critical, 14 high, 16 medium, 5 low), 5 suppressed\n"
                + "critical privileged k8s/apps/media/deployment.yaml:19 Deployment jellyfin:"
                + " container jellyfin runs privileged: it has every capability and the node's"
                + " devices - fix: remove securityContext.privileged; add only the capability the"
                + " container needs\n")
        .contains("\nfindings issue #1 local://homelab/issues/1 (opened)\n")
        .contains("hardening pull request (2 fixes): issue #1 local://homelab/issues/1\n")
        .contains("branch security-analyst/security/1-harden-pod-security-contexts\n")
        .contains("pull request #2 local://homelab/pulls/2 (opened)");
    Issue issue = forge.issues("homelab").get(0);
    assertThat(issue.title()).isEqualTo("Security scan findings");
    assertThat(issue.labels())
        .contains("agent:security-analyst", "type:security", "priority:high", "area:security");
    assertThat(issue.body())
        .contains("| critical | `privileged` | `k8s/apps/media/deployment.yaml:19` |")
        .contains(
            "| medium | `read-only-root-fs` | `k8s/apps/media/deployment.yaml:16` | Deployment"
                + " jellyfin: container jellyfin can write to its root filesystem"
                + " (readOnlyRootFilesystem is not set) | **fixed by the hardening pull request**:")
        .contains("5 suppressed")
        .doesNotContain("hunter2", "s3cr3t", "0f8e3c2a9b7d");
    PullRequest pr = forge.pullRequests("homelab").get(0);
    assertThat(pr.body())
        .startsWith("Closes #1")
        .contains("+            readOnlyRootFilesystem: true");
    assertThat(
            BareRepos.read(
                tmp.resolve("remote/homelab.git"), pr.branch(), "k8s/apps/media/deployment.yaml"))
        .contains("              drop: [ALL]\n            readOnlyRootFilesystem: true\n");
    assertThat(effects.kinds())
        .containsExactly(
            "forge.issue.create ok",
            "forge.comment.create ok",
            "git.push ok",
            "forge.pr.create ok");
    JsonNode json = data();
    assertThat(json.path("findings")).hasSize(37);
    assertThat(json.path("findings").get(0).path("severity").asText()).isEqualTo("critical");
    assertThat(json.path("counts").path("high").asInt()).isEqualTo(14);
    assertThat(json.path("issue").path("action").asText()).isEqualTo("OPENED");
    assertThat(json.path("hardening").path("pullRequest").path("number").asInt()).isEqualTo(2);
  }

  @Test
  void theSecondScanUpdatesTheSameIssueAndPullRequestAndFixingEverythingClosesIt()
      throws Exception {
    RecordedEffects effects = new RecordedEffects("security-analyst");
    scan(new Scan("tiny", null, null), effects);

    String second = scan(new Scan("tiny", null, null), effects);
    Path bare = tmp.resolve("remote/tiny.git");
    BareRepos.commit(bare, "main", Map.of("README.md", "tiny\n"), "Unrelated change");
    String afterACommit = scan(new Scan("tiny", null, null), effects);

    assertThat(second)
        .contains("findings issue #1 local://tiny/issues/1 (unchanged)")
        .contains("pull request #2 local://tiny/pulls/2 (updated)");
    // the issue names the commit it is about
    assertThat(afterACommit).contains("findings issue #1 local://tiny/issues/1 (updated)");
    assertThat(forge.issues("tiny")).hasSize(1);
    assertThat(forge.pullRequests("tiny")).hasSize(1);

    // the hardening pull request is merged
    String branch = forge.pullRequests("tiny").get(0).branch();
    BareRepos.commit(
        bare,
        "main",
        Map.of("k8s/web.yaml", BareRepos.read(bare, branch, "k8s/web.yaml")),
        "Merge the hardening");

    String third = scan(new Scan("tiny", null, null), effects);

    assertThat(third)
        .contains("; no findings\n")
        .endsWith("findings issue #1 local://tiny/issues/1 (closed)");
    assertThat(forge.issues("tiny")).singleElement().matches(i -> !i.open());
    assertThat(forge.comments("tiny", 1))
        .last()
        .satisfies(c -> assertThat(c.body()).contains("found nothing left; closing."));
    assertThat(forge.pullRequests("tiny")).hasSize(1);
  }

  @Test
  void aDryRunSaysWhatItWouldWriteAndWritesNothing() throws Exception {
    RecordedEffects dry = new RecordedEffects("security-analyst", true);

    String result = scan(new Scan("tiny", null, null, null, false, true), dry);

    assertThat(result)
        .contains("findings issue: dry run: would open issue \"Security scan findings\"")
        .endsWith("hardening pull request: dry run: would open one with 4 fixes in [k8s/web.yaml]");
    assertThat(forge.issues("tiny")).isEmpty();
    assertThat(forge.pullRequests("tiny")).isEmpty();
    assertThat(dry.records()).allMatch(r -> r.outcome().equals("previewed"));
  }

  @Test
  void aDirectoryScanFiltersBySeverityShowsSuppressedAndWritesNothing() throws Exception {
    RecordedEffects effects = new RecordedEffects("security-analyst");

    String result =
        scan(new Scan(null, Homelab.dir().toString(), null, Severity.HIGH, true, false), effects);

    assertThat(result.lines().filter(l -> l.startsWith("critical ") || l.startsWith("high ")))
        .hasSize(16);
    assertThat(result.lines().filter(l -> l.startsWith("medium ") || l.startsWith("low ")))
        .isEmpty();
    assertThat(result)
        .contains("\n21 below high not shown\n")
        .contains(
            "suppressed low missing-liveness-probe k8s/apps/media/deployment.yaml:16 Deployment"
                + " jellyfin - by gitops-crew.dev/ignore on Deployment jellyfin: jellyfin has no"
                + " health endpoint");
    assertThat(effects.records()).isEmpty();
    assertThat(data().path("commit").asText()).isEqualTo("on-disk");
    assertThat(data().path("findings")).hasSize(16);
    assertThat(data().path("suppressed")).hasSize(5);
  }

  @Test
  void aScanUnderAFolderLeavesTheIssueAloneAndAMissingFolderOrRepositoryFails() {
    RecordedEffects effects = new RecordedEffects("security-analyst");

    String result = scan(new Scan("homelab", null, "k8s/rbac"), effects);

    assertThat(result)
        .contains("Scanned homelab under k8s/rbac at ")
        .endsWith(
            "the findings issue follows scans of the whole repository; this one, under k8s/rbac,"
                + " leaves it as it is");
    assertThat(effects.records()).isEmpty();
    assertThatThrownBy(() -> scan(new Scan("homelab", null, "k8s/nothing"), effects))
        .isInstanceOf(ActionFailedException.class)
        .hasMessage("no files under k8s/nothing in homelab; nothing was scanned");
    assertThatThrownBy(() -> scan(new Scan("elsewhere", null, null), effects))
        .hasMessage("no repository named 'elsewhere'; configured: [homelab, tiny]");
    assertThatThrownBy(() -> scan(new Scan(null, tmp.resolve("none").toString(), null), effects))
        .hasMessageEndingWith("; nothing was scanned");
  }
}
