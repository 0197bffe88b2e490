package dev.gitopscrew.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code crew scan} and {@code crew validate} on local folders and work trees: output and exits.
 */
class ScanAndValidateCommandTest {

  private static final String WEB =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: web
        namespace: web
      spec:
        template:
          spec:
            containers:
              - name: web
                image: nginx:1.27.2
                securityContext:
                  privileged: true
      """;

  @TempDir Path dir;

  CliRun crew(String... args) {
    return CliRun.inStateDir(dir.resolve("state"), args);
  }

  @Test
  void aPullRequestScanOfAFolderIsBadUsageAndADemoPullRequestIsScannedAtItsHead() throws Exception {
    Files.createDirectories(dir.resolve("tree"));
    CliRun folder = crew("scan", dir.resolve("tree").toString(), "--pr", "3");
    assertThat(folder.status()).isEqualTo(2);
    assertThat(folder.err()).contains("a pull request scan needs a repository");

    CliRun edit =
        crew(
            "edit",
            "--repo",
            "demo",
            "deployment/whoami",
            "--image",
            "whoami=traefik/whoami:latest");
    assertThat(edit.status()).as(edit.all()).isZero();
    CliRun scan = crew("scan", "demo", "--pr", "2");
    assertThat(scan.status()).as(scan.all()).isZero();
    assertThat(scan.out())
        .contains("Scanned demo pull request #2, the 1 file it changes, at ")
        .contains("latest-tag k8s/apps/whoami/deployment.yaml")
        .contains("writes nothing");
  }

  @Test
  void aFolderScanPrintsOneLinePerFindingFilteredBySeverityAndAsJson() throws Exception {
    Path tree = Files.createDirectories(dir.resolve("tree/k8s"));
    Files.writeString(tree.resolve("web.yaml"), WEB);

    CliRun text = crew("scan", dir.resolve("tree").toString(), "--severity", "high");
    CliRun json = crew("scan", dir.resolve("tree").toString(), "--json");

    assertThat(text.status()).as(text.all()).isZero();
    assertThat(text.out())
        .contains("Agent: security-analyst (routed by homelab-admin, session #1)")
        .contains(
            "  critical privileged k8s/web.yaml:13 Deployment web: container web runs privileged:"
                + " it has every capability and the node's devices - fix: remove"
                + " securityContext.privileged; add only the capability the container needs\n")
        .contains(" below high not shown\n")
        .doesNotContain("Effects:\n  #");
    assertThat(json.status()).isZero();
    JsonNode answer = new ObjectMapper().readTree(json.out());
    assertThat(answer.path("data").path("findings").get(0).path("rule").asText())
        .isEqualTo("privileged");
    assertThat(answer.path("data").path("findings").get(0).path("line").asInt()).isEqualTo(13);
    assertThat(answer.path("data").path("commit").asText()).isEqualTo("on-disk");
  }

  @Test
  void aBadSeverityIsAUsageError() {
    CliRun run = crew("scan", "demo", "--severity", "urgent");
    assertThat(run.status()).isEqualTo(2);
    assertThat(run.err())
        .contains("error: unknown severity 'urgent'; one of critical, high, medium, low");
  }

  @Test
  void validateExitsOneWithFileAndLineForAMissingResourceAndZeroForACleanChange() throws Exception {
    Path work = dir.resolve("work");
    try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
      Files.createDirectories(work.resolve("k8s/web"));
      Files.writeString(
          work.resolve("k8s/web/kustomization.yaml"),
          "namespace: kube-system\nresources:\n  - web.yaml\n");
      Files.writeString(
          work.resolve("k8s/web/web.yaml"),
          "apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("web").setSign(false).call();
      git.checkout().setCreateBranch(true).setName("broken").call();
      Files.writeString(
          work.resolve("k8s/web/kustomization.yaml"),
          "namespace: kube-system\nresources:\n  - web.yaml\n  - ingress.yaml\n  - secret.yaml\n");
      Files.writeString(
          work.resolve("k8s/web/secret.yaml"),
          "apiVersion: v1\nkind: Secret\nmetadata:\n  name: web-db\nstringData:\n"
              + "  password: hunter2-hunter2\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("ingress").setSign(false).call();
      git.checkout().setName("main").call();
      git.checkout().setCreateBranch(true).setName("clean").call();
      Files.writeString(
          work.resolve("k8s/web/web.yaml"),
          "apiVersion: v1\nkind: Service\nmetadata:\n  name: web2\n");
      git.add().addFilepattern(".").call();
      git.commit().setMessage("rename").setSign(false).call();
    }

    CliRun clean = crew("validate", work.toString());
    try (Git git = Git.open(work.toFile())) {
      git.checkout().setName("broken").call();
    }
    CliRun broken = crew("validate", work.toString(), "--base", "main");

    assertThat(clean.status()).as(clean.all()).isZero();
    assertThat(clean.out())
        .contains("Agent: qa-tester")
        .contains(": clean (")
        .contains(" against main (")
        .contains("1 file changed; passed, 6 checks passed")
        .contains("labels skipped");
    assertThat(broken.status()).as(broken.all()).isEqualTo(1);
    assertThat(broken.out())
        .contains(
            "error kustomize k8s/web/kustomization.yaml:4 resources entry 'ingress.yaml' does not"
                + " exist (k8s/web/ingress.yaml)")
        .contains(
            "error secrets k8s/web/secret.yaml:5 high secret-in-git Secret web-db: the Secret's"
                + " stringData (1 key) is committed in plain text")
        .doesNotContain("hunter2");
  }
}
