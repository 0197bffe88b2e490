package dev.gitopscrew.roles.scan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What findings say: which limit is missing and its fix, and never a credential's value. */
class FindingWordsTest {

  private static final String PRIVATE_KEY_LINE =
      "MIIEowIBAAKCAQEAwx9jK3nW2c1U5Gm0Y8PqPZ8f0m4oD8mB5vQ2u0Zx4vJfYh";
  private static final String RANDOM = "wJalrXUtnFEMI7K7MDENGbPxRfiCYz9x3Q2vL8kT";

  private static List<ScanFinding> scan(String yaml) {
    return Scanner.scan(ManifestTree.read(TreeFiles.of("x.yaml", yaml)), null).findings();
  }

  private static String pod(String container) {
    return """
        apiVersion: v1
        kind: Pod
        metadata:
          name: web
          namespace: web
        spec:
          containers:
            - name: web
              image: nginx:1.27
        """
        + container.indent(6);
  }

  @Test
  void aMissingCpuLimitIsNamedAndItsFixSetsOnlyTheCpu() {
    ScanFinding limit =
        scan(pod("resources:\n  limits:\n    memory: 64Mi\n  requests:\n    cpu: 10m\n")).stream()
            .filter(f -> f.rule().equals("missing-limits"))
            .findFirst()
            .orElseThrow();
    assertThat(limit.message()).isEqualTo("container web has no cpu limit");
    assertThat(limit.fix()).isEqualTo("set resources.limits.cpu");
    ScanFinding request =
        scan(pod("resources:\n  limits:\n    memory: 64Mi\n  requests:\n    cpu: 10m\n")).stream()
            .filter(f -> f.rule().equals("missing-requests"))
            .findFirst()
            .orElseThrow();
    assertThat(request.message()).isEqualTo("container web has no memory request");
    assertThat(request.fix()).isEqualTo("set resources.requests.memory");
    assertThat(scan(pod("")).stream().filter(f -> f.rule().equals("missing-limits")))
        .singleElement()
        .satisfies(f -> assertThat(f.fix()).isEqualTo("set resources.limits.cpu and memory"));
  }

  @Test
  void aCredentialIsNamedByWhatItLooksLikeNeverQuoted() {
    String yaml =
        pod(
                """
            env:
              - name: TLS_KEY_DATA
                value: |
                  -----BEGIN RSA PRIVATE KEY-----
                  %s
                  -----END RSA PRIVATE KEY-----
              - name: UPSTREAM
                value: %s
              - name: AZURE_BATCH_KEY
                value: batch-key-hunter2
            """
                    .formatted(PRIVATE_KEY_LINE, RANDOM))
            + """
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cloud
              namespace: web
            data:
              OCI_CLI_KEY_CONTENT: oci-hunter2-content
              maps: AIzaSyD4x9K2mQ7vL1nT8pR3sW6yZ0bC5eF2gHj
              db: postgres://app:pg-hunter2@db:5432/app
            """;
    List<ScanFinding> findings =
        scan(yaml).stream().filter(f -> f.rule().startsWith("credentials-in")).toList();
    assertThat(findings)
        .extracting(ScanFinding::message)
        .containsExactlyInAnyOrder(
            "container web sets TLS_KEY_DATA to a private key in the manifest",
            "container web sets UPSTREAM to a high-entropy string in the manifest",
            "container web sets AZURE_BATCH_KEY to a literal value in the manifest",
            "key OCI_CLI_KEY_CONTENT holds a literal credential",
            "key maps holds a Google API key",
            "key db holds a URL with a password");
    String all = findings.stream().map(ScanFinding::describe).reduce("", String::concat);
    assertThat(all)
        .doesNotContain(
            PRIVATE_KEY_LINE.substring(0, 12),
            "BEGIN RSA",
            RANDOM.substring(0, 12),
            "hunter2",
            "AIzaSy");
  }

  @Test
  void entropyTellsGeneratedKeysFromDigestsIdsAndWords() {
    assertThat(Credentials.isRandom(RANDOM)).isTrue();
    assertThat(
            Credentials.isRandom(
                "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
        .as("a hex digest")
        .isFalse();
    assertThat(Credentials.isRandom("123e4567-e89b-12d3-a456-426614174000")).isFalse();
    assertThat(Credentials.isRandom("ThisIsAVeryLongCamelCaseSettingName2")).isFalse();
    assertThat(Credentials.isRandom("/var/lib/app/data/cache/shards/0001")).isFalse();
    assertThat(Credentials.isRandom("short8Ab")).isFalse();
  }
}
