package dev.gitopscrew.forge.github;

import java.util.Objects;
import java.util.Optional;
import org.kohsuke.github.GHAppInstallation;
import org.kohsuke.github.authorization.AppInstallationAuthorizationProvider;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.extras.authorization.JWTTokenProvider;

/**
 * How the crew authenticates to GitHub: a personal access token (fine-grained or classic), an App
 * installation token minted elsewhere, or the GitHub App itself: its id and private key sign a JWT
 * (hub4j's {@link JWTTokenProvider}) that mints installation tokens, minted again five minutes
 * before each one-hour token expires. Every kind pushes over HTTPS as user {@code x-access-token}.
 */
public final class GitHubAuth {

  public enum Kind {
    PERSONAL_ACCESS_TOKEN,
    APP_INSTALLATION_TOKEN,
    APP
  }

  private final Kind kind;
  private final String token;
  private final String appId;
  private final GitHubAppKey key;
  private final Optional<Long> installation;

  private GitHubAuth(
      Kind kind, String token, String appId, GitHubAppKey key, Optional<Long> installation) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.token = token;
    this.appId = appId;
    this.key = key;
    this.installation = installation;
  }

  public static GitHubAuth pat(String token) {
    return new GitHubAuth(
        Kind.PERSONAL_ACCESS_TOKEN, required(token), null, null, Optional.empty());
  }

  public static GitHubAuth appInstallation(String token) {
    return new GitHubAuth(
        Kind.APP_INSTALLATION_TOKEN, required(token), null, null, Optional.empty());
  }

  /**
   * The GitHub App: installation tokens are minted from its key when needed.
   *
   * @param installation the installation id; empty means the installation on the repository
   */
  public static GitHubAuth app(String appId, GitHubAppKey key, Optional<Long> installation) {
    if (appId == null || !appId.strip().matches("[0-9]{1,20}|Iv[0-9A-Za-z.]{1,40}")) {
      throw new IllegalArgumentException(
          "GITHUB_APP_ID must be the App's id (a number) or its client id (Iv...)");
    }
    return new GitHubAuth(
        Kind.APP, null, appId.strip(), Objects.requireNonNull(key, "key"), installation);
  }

  private static String required(String token) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "a GitHub token is required: set GITHUB_TOKEN to a personal access token or an App"
              + " installation token, or GITHUB_APP_ID and GITHUB_APP_PRIVATE_KEY");
    }
    return token;
  }

  public Kind kind() {
    return kind;
  }

  /**
   * What hub4j sends as {@code Authorization}: the fixed token, or for an App the current
   * installation token (minted when the last one is within five minutes of its expiry). An App's
   * provider must be given to the {@code GitHubBuilder} that uses it (it mints through that
   * client).
   */
  AuthorizationProvider provider(String owner, String repository) {
    if (kind != Kind.APP) {
      String header = "token " + token;
      return () -> header;
    }
    JWTTokenProvider jwt = new JWTTokenProvider(appId, key.privateKey());
    return new AppInstallationAuthorizationProvider(
        app -> installationOf(app, owner, repository), jwt);
  }

  private GHAppInstallation installationOf(
      org.kohsuke.github.GHApp app, String owner, String repository) throws java.io.IOException {
    return installation.isPresent()
        ? app.getInstallationById(installation.get())
        : app.getInstallationByRepository(owner, repository);
  }

  @Override
  public String toString() {
    return "GitHubAuth[" + kind + (kind == Kind.APP ? " " + appId : "") + ", ***]";
  }
}
