package dev.gitopscrew.forge.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.git.ForgeKind;
import dev.gitopscrew.git.RepositorySpec;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A GitHub App against WireMock GitHub: a JWT signed with the App's key (the PKCS#1 PEM GitHub
 * hands out) finds the repository's installation and mints an installation token; once that token
 * is within five minutes of its expiry the next call mints a new one first, so no call ever goes
 * out with an expired token.
 */
class GitHubAppAuthTest {

  private static final String REPO = "/repos/owner/homelab";
  private static final String FIRST = "ghs_F1rstInstallationT0ken0123456789abcd";
  private static final String SECOND = "ghs_S3condInstallationT0ken0123456789abc";
  private static final ObjectMapper JSON = new ObjectMapper();

  private WireMockServer github;
  private KeyPair keys;

  @BeforeEach
  void start() throws Exception {
    github = new WireMockServer(wireMockConfig().dynamicPort());
    github.start();
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    keys = generator.generateKeyPair();
    String api = github.baseUrl();
    github.stubFor(
        get(urlPathEqualTo("/app"))
            .withHeader(
                "Authorization",
                matching("Bearer [A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
            .willReturn(
                okJson(
                    """
                    {"id": 123456, "slug": "gitops-crew", "node_id": "A_kwHOABCD",
                     "owner": {"login": "owner", "id": 1, "type": "User"},
                     "name": "GitOps Crew", "description": "", "external_url": "https://crew.home.example",
                     "html_url": "https://github.com/apps/gitops-crew",
                     "created_at": "2026-11-01T10:00:00Z", "updated_at": "2026-11-01T10:00:00Z",
                     "permissions": {"contents": "write", "issues": "write", "pull_requests": "write",
                                     "statuses": "write", "metadata": "read"},
                     "events": ["issue_comment", "pull_request"], "installations_count": 1}
                    """)));
    github.stubFor(
        get(urlPathEqualTo(REPO + "/installation"))
            .willReturn(
                okJson(
                    """
                    {"id": 58110321, "app_id": 123456, "app_slug": "gitops-crew",
                     "target_id": 1, "target_type": "User",
                     "account": {"login": "owner", "id": 1, "type": "User"},
                     "repository_selection": "selected",
                     "access_tokens_url": "%1$s/app/installations/58110321/access_tokens",
                     "repositories_url": "%1$s/installation/repositories",
                     "html_url": "https://github.com/settings/installations/58110321",
                     "permissions": {"contents": "write", "issues": "write", "pull_requests": "write",
                                     "statuses": "write", "metadata": "read"},
                     "events": ["issue_comment", "pull_request"],
                     "created_at": "2026-11-01T10:05:00Z", "updated_at": "2026-11-01T10:05:00Z",
                     "single_file_name": null, "suspended_at": null}
                    """
                        .formatted(api))));
    // the first token is nearly spent (4 minutes left); the second one is fresh
    github.stubFor(
        post(urlPathEqualTo("/app/installations/58110321/access_tokens"))
            .inScenario("tokens")
            .whenScenarioStateIs(Scenario.STARTED)
            .willSetStateTo("one minted")
            .willReturn(token(FIRST, Instant.now().plus(Duration.ofMinutes(4)))));
    github.stubFor(
        post(urlPathEqualTo("/app/installations/58110321/access_tokens"))
            .inScenario("tokens")
            .whenScenarioStateIs("one minted")
            .willReturn(token(SECOND, Instant.now().plus(Duration.ofMinutes(60)))));
    github.stubFor(
        get(urlPathEqualTo(REPO))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\": \"Bad credentials\"}")));
    for (String token : new String[] {FIRST, SECOND}) {
      github.stubFor(
          get(urlPathEqualTo(REPO))
              .withHeader("Authorization", equalTo("token " + token))
              .willReturn(okJson(GitHubPayloads.repository(api))));
    }
    github.stubFor(
        get(urlPathEqualTo(REPO + "/pulls/12"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"message\": \"Bad credentials\"}")));
    // only the fresh token may read the pull request: the spent one would be refused
    github.stubFor(
        get(urlPathEqualTo(REPO + "/pulls/12"))
            .withHeader("Authorization", equalTo("token " + SECOND))
            .willReturn(okJson(GitHubPayloads.pullRequest(api, 12, "feature", "A change", null))));
  }

  @AfterEach
  void stop() {
    github.stop();
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder token(
      String token, Instant expires) {
    return aResponse()
        .withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody(
            """
            {"token": "%s", "expires_at": "%s",
             "permissions": {"contents": "write", "issues": "write", "pull_requests": "write",
                             "statuses": "write", "metadata": "read"},
             "repository_selection": "selected"}
            """
                .formatted(token, expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
  }

  private GitHubForge forge(GitHubAppKey key) {
    return new GitHubForge(
        new RepositorySpec(
            "homelab",
            ForgeKind.GITHUB,
            "https://github.com/owner/homelab.git",
            github.baseUrl(),
            "owner",
            null,
            "main"),
        GitHubAuth.app("123456", key, Optional.empty()),
        Duration.ofSeconds(1));
  }

  /** The PEM GitHub generates for an App: PKCS#1. */
  private String pkcs1Pem() {
    byte[] pkcs8 = keys.getPrivate().getEncoded();
    // a 2048-bit RSA key's PKCS#8 header is 26 bytes; what follows is the PKCS#1 key
    byte[] pkcs1 = Arrays.copyOfRange(pkcs8, 26, pkcs8.length);
    return "-----BEGIN RSA PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs1)
        + "\n-----END RSA PRIVATE KEY-----\n";
  }

  @Test
  void anInstallationTokenIsMintedAgainBeforeItExpiresAndNoCallFails() throws Exception {
    GitHubForge forge = forge(GitHubAppKey.fromPem(pkcs1Pem()));

    // the first call mints the first token
    assertThat(forge.gitCredentials().secret()).isEqualTo(FIRST);
    // it expires within five minutes: the next call mints again before it goes out
    PullRequest pr = forge.pullRequest(12);

    assertThat(pr.branch()).isEqualTo("feature");
    assertThat(forge.gitCredentials().secret()).isEqualTo(SECOND);
    // the fresh token is kept for the calls that follow
    forge.pullRequest(12);
    github.verify(2, postRequestedFor(urlPathEqualTo("/app/installations/58110321/access_tokens")));
    assertThat(github.getAllServeEvents())
        .as("no call was answered 401")
        .allSatisfy(e -> assertThat(e.getResponse().getStatus()).isNotEqualTo(401));

    // the JWT is the App's: issued by its id, signed RS256 with its key
    String jwt =
        github.getAllServeEvents().stream()
            .map(e -> e.getRequest().getHeader("Authorization"))
            .filter(h -> h != null && h.startsWith("Bearer "))
            .findFirst()
            .orElseThrow()
            .substring(7);
    String[] parts = jwt.split("\\.");
    JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(header.path("alg").asText()).isEqualTo("RS256");
    assertThat(claims.path("iss").asText()).isEqualTo("123456");
    Signature rs256 = Signature.getInstance("SHA256withRSA");
    rs256.initVerify(keys.getPublic());
    rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rs256.verify(Base64.getUrlDecoder().decode(parts[2]))).isTrue();
  }

  @Test
  void aKeyThatIsNotAPemIsRefusedWithoutQuotingIt() {
    String secret = "MIIEowIBAAKCAQEA7s3cr3tK3yM4t3r1al";
    assertThatThrownBy(() -> GitHubAppKey.fromPem(secret))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("BEGIN RSA PRIVATE KEY")
        .hasMessageNotContaining(secret);
    assertThatThrownBy(
            () ->
                GitHubAppKey.fromPem(
                    "-----BEGIN RSA PRIVATE KEY-----\n"
                        + secret
                        + "\n-----END RSA PRIVATE KEY-----"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining(secret);
    assertThatThrownBy(
            () -> GitHubAuth.app("not-an-id", GitHubAppKey.fromPem(pkcs1Pem()), Optional.empty()))
        .hasMessageContaining("GITHUB_APP_ID");
  }
}
