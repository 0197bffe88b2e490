package dev.gitopscrew.git;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.UsernamePasswordCredentialsProvider;

/**
 * What a push or fetch authenticates with: HTTPS basic auth whose password is the token (GitHub:
 * user {@code x-access-token}; Azure DevOps: the PAT as password). The token is asked for at each
 * fetch and push, so a GitHub App's installation token, minted again every hour, is always the
 * current one. Never printed.
 */
public final class GitCredentials {

  private final String username;
  private final Supplier<String> secrets;
  // every token handed out, so an error quoting an older one is redacted too
  private final Set<String> seen = ConcurrentHashMap.newKeySet();

  private GitCredentials(String username, Supplier<String> secrets) {
    this.username = username;
    this.secrets = secrets;
  }

  public static GitCredentials none() {
    return new GitCredentials(null, () -> null);
  }

  /** GitHub PAT or App installation token. */
  public static GitCredentials githubToken(String token) {
    return fixed("x-access-token", token);
  }

  private static GitCredentials fixed(String username, String token) {
    GitCredentials c = new GitCredentials(username, () -> token);
    c.secret();
    return c;
  }

  /** A GitHub token that changes (a GitHub App's installation tokens): asked for at each use. */
  public static GitCredentials githubTokens(Supplier<String> tokens) {
    return new GitCredentials("x-access-token", Objects.requireNonNull(tokens, "tokens"));
  }

  /** Azure DevOps personal access token: any user name, the PAT as password. */
  public static GitCredentials azureDevOpsPat(String pat) {
    return fixed("pat", pat);
  }

  public String username() {
    return username;
  }

  /** The current token, or null. */
  public String secret() {
    String s = secrets.get();
    if (s != null && !s.isEmpty()) {
      seen.add(s);
    }
    return s;
  }

  public boolean present() {
    String s = secret();
    return s != null && !s.isEmpty();
  }

  CredentialsProvider provider() {
    String s = secret();
    return s != null && !s.isEmpty() ? new UsernamePasswordCredentialsProvider(username, s) : null;
  }

  /** {@code text} with every token handed out replaced, for anything that may reach a user. */
  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : seen) {
      out = out.replace(s, "***");
    }
    return out;
  }

  @Override
  public String toString() {
    return "GitCredentials[" + (username != null ? username + ":***" : "none") + "]";
  }
}
