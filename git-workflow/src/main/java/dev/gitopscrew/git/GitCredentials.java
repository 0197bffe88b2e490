package dev.gitopscrew.git;

import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * What a push or fetch authenticates with: HTTPS basic auth whose password is the token (GitHub:
 * user {@code x-access-token}; Azure DevOps: the PAT as password). Never printed.
 */
public record GitCredentials(String username, String secret) {

  public static GitCredentials none() {
    return new GitCredentials(null, null);
  }

  /** GitHub PAT or App installation token. */
  public static GitCredentials githubToken(String token) {
    return new GitCredentials("x-access-token", token);
  }

  /** Azure DevOps personal access token: any user name, the PAT as password. */
  public static GitCredentials azureDevOpsPat(String pat) {
    return new GitCredentials("pat", pat);
  }

  public boolean present() {
    return secret != null && !secret.isEmpty();
  }

  CredentialsProvider provider() {
    return present() ? new UsernamePasswordCredentialsProvider(username, secret) : null;
  }

  /** {@code text} with the secret replaced, for anything that may reach a log or a user. */
  public String redact(String text) {
    if (text == null || !present()) {
      return text;
    }
    return text.replace(secret, "***");
  }

  @Override
  public String toString() {
    return "GitCredentials[" + (present() ? username + ":***" : "none") + "]";
  }
}
