package dev.gitopscrew.roles.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.forge.CommitStatus;
import dev.gitopscrew.forge.CreateOnce;
import dev.gitopscrew.forge.local.InMemoryLocalForgeRecords;
import dev.gitopscrew.forge.local.LocalForge;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.git.change.ChangeWorkflow;
import dev.gitopscrew.git.testing.BareRepos;
import dev.gitopscrew.git.testing.RecordedEffects;
import dev.gitopscrew.request.Validate;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.scan.TestRepos;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * qa-tester's pre-merge validation on the homelab repository: pull requests opened through the Git
 * workflow, the default branch, and a local work tree.
 */
class ValidateChangeTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String GITHUB_TOKEN = "ghp_" + "a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8";

  @TempDir Path tmp;
  private final InMemoryLocalForgeRecords forge = new InMemoryLocalForgeRecords();
  private final RecordedEffects qa = new RecordedEffects("qa-tester");
  private MirrorCache mirrors;
  private ChangeWorkflow changes;
  private String data;

  @BeforeEach
  void start() throws Exception {
    mirrors = new MirrorCache(tmp.resolve("state"));
    changes =
        new ChangeWorkflow(
            Footprint.defaults(),
            mirrors,
            Map.of("homelab", TestRepos.seed(tmp, "homelab", TestRepos.homelab())),
            spec -> new LocalForge(spec.name(), forge),
            new CreateOnce(Duration.ofMillis(1)));
  }

  @AfterEach
  void stop() {
    mirrors.close();
  }

  /** What software-engineer would open: a pull request with these files. */
  private ChangeOutcome.Completed pullRequest(String title, String... pathsAndTexts) {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < pathsAndTexts.length; i += 2) {
      files.put(pathsAndTexts[i], pathsAndTexts[i + 1].getBytes(StandardCharsets.UTF_8));
    }
    return (ChangeOutcome.Completed)
        changes.run(
            ChangeRequest.of("homelab", ChangeType.FIX, title, null, "software-engineer", files),
            new RecordedEffects("software-engineer").door());
  }

  private String validate(Validate request) {
    data = null;
    return new ValidateChange(changes)
        .run(
            request,
            new ActionContext(
                new Assignment(
                    9,
                    9,
                    1,
                    new Task("qa-tester", request),
                    new Origin("test", "tester"),
                    json -> data = json),
                null,
                qa.door()));
  }

  private static String read(String path) throws Exception {
    return Files.readString(TestRepos.homelab().resolve(path));
  }

  @Test
  void aMissingKustomizeResourceAndACommittedSecretFailWithFileAndLine() throws Exception {
    ChangeOutcome.Completed pr =
        pullRequest(
            "Add the blog config",
            "k8s/apps/blog/kustomization.yaml",
            read("k8s/apps/blog/kustomization.yaml")
                .replace("  - rbac.yaml\n", "  - rbac.yaml\n  - config.yaml\n  - secret.yaml\n"),
            "k8s/apps/blog/secret.yaml",
            """
            apiVersion: v1
            kind: Secret
            metadata:
              name: ghost-mail
            stringData:
              password: hunter2-but-longer
            """,
            "k8s/apps/blog/notes.txt",
            "deploy key for the mirror:\n" + GITHUB_TOKEN + "\n");

    assertThatThrownBy(
            () -> validate(new Validate("homelab", null, null, pr.pullRequest().number())))
        .isInstanceOf(ActionFailedException.class)
        .satisfies(
            e ->
                assertThat(e.getMessage())
                    .startsWith(
                        "Validated homelab pull request #2: software-engineer/fix/1-add-the-blog-config (")
                    .contains(" files changed; FAILED, 3 errors\n")
                    .contains(
                        "\nerror kustomize k8s/apps/blog/kustomization.yaml:8 resources entry"
                            + " 'config.yaml' does not exist (k8s/apps/blog/config.yaml)\n")
                    .contains(
                        "\nerror secrets k8s/apps/blog/notes.txt:2 adds a GitHub token to the"
                            + " repository\n")
                    .contains(
                        "\nerror secrets k8s/apps/blog/secret.yaml:5 high secret-in-git Secret"
                            + " ghost-mail: the Secret's stringData (1 key) is committed in plain text")
                    .contains(
                        "checks: yaml passed, kustomize failed, argocd-paths passed, namespaces"
                            + " passed, labels passed, secrets failed, scan passed")
                    .endsWith(
                        "pull request #2 local://homelab/pulls/2 (opened); comment opened, status failure")
                    .doesNotContain(GITHUB_TOKEN, "hunter2"));
    assertThat(forge.comments("homelab", 2))
        .singleElement()
        .satisfies(
            c ->
                assertThat(c.body())
                    .startsWith("### Pre-merge validation: failed (3 errors)")
                    .contains("| every Kustomize entry exists | failed |")
                    .contains("- `k8s/apps/blog/kustomization.yaml:8` kustomize: resources entry"));
    assertThat(forge.commitStatuses("homelab", pr.commit()))
        .containsExactly(
            new CommitStatus(
                pr.commit(), CommitStatus.State.FAILURE, "gitops-crew/validate", "3 errors", null));
  }

  @Test
  void aCleanChangePassesAndTheSecondRunUpdatesTheSameComment() throws Exception {
    ChangeOutcome.Completed pr =
        pullRequest(
            "Run two ghost replicas",
            "k8s/apps/blog/deployment.yaml",
            read("k8s/apps/blog/deployment.yaml").replace("replicas: 1", "replicas: 2"));

    String first = validate(new Validate("homelab", null, null, pr.pullRequest().number()));
    String second = validate(new Validate("homelab", null, null, pr.pullRequest().number()));

    assertThat(first)
        .contains("1 file changed; passed, 7 checks passed")
        .endsWith("(opened); comment opened, status success");
    assertThat(second).endsWith("(unchanged); comment unchanged, status success");
    assertThat(forge.comments("homelab", 2)).hasSize(1);
    JsonNode json = JSON.readTree(data);
    assertThat(json.path("checks").path("kustomize").asText()).isEqualTo("passed");
    assertThat(json.path("files").get(0).asText()).isEqualTo("k8s/apps/blog/deployment.yaml");
    assertThat(qa.kinds())
        .containsExactly("forge.comment.create ok", "forge.status ok", "forge.status ok");
  }

  @Test
  void applicationPathsNamespacesLabelsYamlAndScanRulesOnTheChangedObjectsOnly() throws Exception {
    ChangeOutcome.Completed pr =
        pullRequest(
            "Add the wiki",
            "apps/wiki.yaml",
            read("apps/blog.yaml")
                .replace("name: blog", "name: wiki")
                .replace("k8s/apps/blog", "k8s/apps/wikii"),
            "k8s/shop/deployment.yaml",
            """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: shop
              namespace: shop
            spec:
              template:
                spec:
                  containers:
                    - name: shop
                      image: shop:1.0.0
                      securityContext:
                        privileged: true
            """,
            "k8s/shop/values.yaml",
            "replicas: [1\n");

    assertThatThrownBy(
            () -> validate(new Validate("homelab", null, null, pr.pullRequest().number())))
        .satisfies(
            e ->
                assertThat(e.getMessage().lines())
                    .contains(
                        "error yaml k8s/shop/values.yaml:2 does not parse: expected ',' or ']', but"
                            + " got <stream end> (while parsing a flow sequence)",
                        "error argocd-paths apps/wiki.yaml:11 Application wiki: source path"
                            + " k8s/apps/wikii does not exist in this repository",
                        "error namespaces k8s/shop/deployment.yaml:5 Deployment shop: namespace shop"
                            + " is not created here (no Namespace, no Application with"
                            + " CreateNamespace=true) nor listed in validate.namespaces of"
                            + " .gitops-crew.yaml",
                        "error labels k8s/shop/deployment.yaml:3 Deployment shop lacks the required"
                            + " label app.kubernetes.io/name")
                    .anyMatch(
                        l ->
                            l.startsWith(
                                "error scan k8s/shop/deployment.yaml:13 critical privileged Deployment shop:"))
                    .anyMatch(
                        l ->
                            l.startsWith(
                                "warning scan k8s/shop/deployment.yaml:10 medium read-only-root-fs"))
                    // the media app's problems are older than this change
                    .noneMatch(l -> l.contains("k8s/apps/media/")));
  }

  @Test
  void theDefaultBranchIsValidatedAgainstItsPreviousCommitOrANamedBase() throws Exception {
    Path bare = tmp.resolve("remote/homelab.git");
    String seeded = BareRepos.head(bare, "main").name();
    BareRepos.commit(
        bare,
        "main",
        Map.of(
            "k8s/apps/blog/deployment.yaml",
            read("k8s/apps/blog/deployment.yaml").replace("replicas: 1", "replicas: 3")),
        "Run three ghost replicas");
    BareRepos.commit(bare, "main", Map.of("README.md", "homelab\n"), "Add a readme");

    String last = validate(new Validate("homelab", null, null, null));
    String since = validate(new Validate("homelab", null, seeded, null));

    assertThat(last)
        .startsWith("Validated homelab: main (")
        .contains("against main~1 (")
        .contains("1 file changed; passed");
    assertThat(since).contains(" against " + seeded.substring(0, 12) + ", 2 files changed; passed");
    assertThat(qa.records()).isEmpty();
  }

  @Test
  void aWorkTreeThatDeletesAFileItsKustomizationStillListsFails() throws Exception {
    Path work = tmp.resolve("work");
    try (Git git =
        Git.cloneRepository()
            .setURI(tmp.resolve("remote/homelab.git").toUri().toString())
            .setDirectory(work.toFile())
            .call()) {
      git.checkout().setCreateBranch(true).setName("cleanup").call();
      git.rm().addFilepattern("k8s/apps/blog/networkpolicy.yaml").call();
      git.commit().setMessage("Drop the policy").setSign(false).call();
    }

    assertThatThrownBy(() -> validate(new Validate(null, work.toString(), null, null)))
        .hasMessageStartingWith("Validated " + work + ": cleanup (")
        .hasMessageContaining("against origin/main (")
        .hasMessageContaining(
            "\nerror kustomize k8s/apps/blog/kustomization.yaml:6 resources entry"
                + " 'networkpolicy.yaml' does not exist (this change deletes"
                + " k8s/apps/blog/networkpolicy.yaml)\n");
    assertThatThrownBy(
            () -> validate(new Validate(null, tmp.resolve("nowhere").toString(), null, null)))
        .hasMessageEndingWith("is not in a Git work tree; nothing was validated");
  }
}
