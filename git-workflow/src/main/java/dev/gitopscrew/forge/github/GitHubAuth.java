package dev.gitopscrew.forge.github;

import java.util.Objects;

/**
 * How the crew authenticates to GitHub: a personal access token (fine-grained or classic) or a
 * GitHub App installation token. Both push over HTTPS as user {@code x-access-token}.
 */
public record GitHubAuth(Kind kind, String token) {

  public enum Kind {
    PERSONAL_ACCESS_TOKEN,
    APP_INSTALLATION_TOKEN
  }

  public GitHubAuth {
    Objects.requireNonNull(kind, "kind");
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "a GitHub token is required: set GITHUB_TOKEN to a personal access token or an App"
              + " installation token");
    }
  }

  public static GitHubAuth pat(String token) {
    return new GitHubAuth(Kind.PERSONAL_ACCESS_TOKEN, token);
  }

  public static GitHubAuth appInstallation(String token) {
    return new GitHubAuth(Kind.APP_INSTALLATION_TOKEN, token);
  }

  @Override
  public String toString() {
    return "GitHubAuth[" + kind + ", ***]";
  }
}
