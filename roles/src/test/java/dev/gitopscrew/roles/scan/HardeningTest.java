package dev.gitopscrew.roles.scan;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Mechanical fixes: keys added line-exactly, nothing else in the file touched. */
class HardeningTest {

  private static final String WHOAMI =
      """
      apiVersion: apps/v1
      kind: Deployment
      metadata:
        name: whoami
        namespace: whoami
      spec:
        template:
          spec:
            containers:
              # the one container
              - name: whoami
                image: traefik/whoami:v1.10.2   # pinned
                ports:
                  - containerPort: 80
      ---
      apiVersion: v1
      kind: Service
      metadata:
        name: whoami
      """;

  @Test
  void aContainerWithNoSecurityContextGetsOneWithTheFourSafeSettings() {
    TreeFiles files = TreeFiles.of("deployment.yaml", WHOAMI);
    ScanReport report = Scanner.scan(ManifestTree.read(files), null);

    Hardening.Result result = Hardening.of(files, report.fixable());

    assertThat(result.skipped()).isEmpty();
    assertThat(result.files().get("deployment.yaml"))
        .isEqualTo(
            WHOAMI.replace(
                "- containerPort: 80\n",
                "- containerPort: 80\n"
                    + "          securityContext:\n"
                    + "            allowPrivilegeEscalation: false\n"
                    + "            runAsNonRoot: true\n"
                    + "            readOnlyRootFilesystem: true\n"
                    + "            capabilities:\n"
                    + "              drop: [ALL]\n"));
    assertThat(result.fixed())
        .extracting(ScanFinding::rule)
        .containsExactlyInAnyOrder(
            "privilege-escalation", "run-as-root", "read-only-root-fs", "capabilities-not-dropped");
    assertThat(result.diff())
        .startsWith("--- a/deployment.yaml\n+++ b/deployment.yaml\n@@ -15,0 +15,6 @@");
    // the fixed file scans clean of those rules
    ScanReport again =
        Scanner.scan(
            ManifestTree.read(
                TreeFiles.of("deployment.yaml", result.files().get("deployment.yaml"))),
            null);
    assertThat(again.fixable()).isEmpty();
  }

  @Test
  void onlyMissingKeysAreAddedAndAnExistingSecurityContextKeepsItsOrderAndComments() {
    var homelab = Homelab.files();
    ScanReport report = Scanner.scan(ManifestTree.read(homelab), null);

    Hardening.Result result = Hardening.of(homelab, report.fixable());

    assertThat(result.files()).containsOnlyKeys("k8s/apps/media/deployment.yaml");
    assertThat(result.diff())
        .isEqualTo(
            """
            --- a/k8s/apps/media/deployment.yaml
            +++ b/k8s/apps/media/deployment.yaml
            @@ -22,0 +22,2 @@
            +              drop: [ALL]
            +            readOnlyRootFilesystem: true
            """
                .strip());
  }

  @Test
  void aContainerSharedThroughAnAnchorIsLeftAloneAndSaysWhy() {
    String text =
        """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: once
          namespace: jobs
        spec:
          template:
            spec:
              containers:
                - &worker
                  name: worker
                  image: busybox:1.37
              initContainers:
                - *worker
        """;
    TreeFiles files = TreeFiles.of("job.yaml", text);

    Hardening.Result result =
        Hardening.of(files, Scanner.scan(ManifestTree.read(files), null).fixable());

    assertThat(result.files()).isEmpty();
    assertThat(result.skipped())
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s).startsWith("job.yaml:10 securityContext."));
  }
}
