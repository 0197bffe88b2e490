package dev.gitopscrew.assembly;

import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.azure.AzureDevOpsForge;
import dev.gitopscrew.forge.github.GitHubAppKey;
import dev.gitopscrew.forge.github.GitHubAuth;
import dev.gitopscrew.forge.github.GitHubForge;
import dev.gitopscrew.forge.local.LocalForge;
import dev.gitopscrew.forge.local.LocalForgeRecords;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.metrics.CrewMetrics;
import dev.gitopscrew.metrics.MeteredForge;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The forge adapter of each configured repository, built once. Tokens come from the environment
 * only: a GitHub App ({@code GITHUB_APP_ID} and its private key), or {@code GITHUB_TOKEN} (a PAT,
 * or an App installation token when {@code GITHUB_TOKEN_TYPE=app}); {@code AZURE_DEVOPS_PAT}.
 */
public final class Forges implements Function<RepositorySpec, Forge> {

  /** The longest rate-limit wait a GitHub call accepts before failing. */
  public static final Duration MAX_LIMIT_WAIT = Duration.ofSeconds(90);

  private final Function<String, String> env;
  private final LocalForgeRecords records;
  private final Map<String, Forge> built = new ConcurrentHashMap<>();

  private final CrewMetrics metrics;

  public Forges(Function<String, String> env, LocalForgeRecords records) {
    this(env, records, CrewMetrics.none());
  }

  /** As above, every forge's calls and rate-limit waits counted in {@code metrics}. */
  public Forges(Function<String, String> env, LocalForgeRecords records, CrewMetrics metrics) {
    this.metrics = metrics;
    this.env = env;
    this.records = records;
  }

  @Override
  public Forge apply(RepositorySpec spec) {
    return built.computeIfAbsent(
        spec.name(), name -> MeteredForge.wrap(build(spec), spec.forge().configName(), metrics));
  }

  private Forge build(RepositorySpec spec) {
    switch (spec.forge()) {
      case GITHUB:
        return new GitHubForge(
            spec,
            githubAuth(spec),
            MAX_LIMIT_WAIT,
            waited -> metrics.rateLimitWait("github", waited));
      case AZURE_DEVOPS:
        return AzureDevOpsForge.connect(spec, required("AZURE_DEVOPS_PAT", spec));
      case LOCAL:
      default:
        return new LocalForge(spec.name(), records);
    }
  }

  /**
   * The GitHub App when {@code GITHUB_APP_ID} is set (its key in {@code GITHUB_APP_PRIVATE_KEY} or
   * the file {@code GITHUB_APP_PRIVATE_KEY_FILE}; {@code GITHUB_APP_INSTALLATION_ID} optional),
   * else {@code GITHUB_TOKEN}.
   */
  private GitHubAuth githubAuth(RepositorySpec spec) {
    String appId = env.apply("GITHUB_APP_ID");
    if (appId == null || appId.isBlank()) {
      String token = required("GITHUB_TOKEN", spec);
      return "app".equalsIgnoreCase(env.apply("GITHUB_TOKEN_TYPE"))
          ? GitHubAuth.appInstallation(token)
          : GitHubAuth.pat(token);
    }
    String pem = env.apply("GITHUB_APP_PRIVATE_KEY");
    String file = env.apply("GITHUB_APP_PRIVATE_KEY_FILE");
    if ((pem == null || pem.isBlank()) && file != null && !file.isBlank()) {
      try {
        pem = java.nio.file.Files.readString(java.nio.file.Path.of(file.strip()));
      } catch (java.io.IOException | RuntimeException e) {
        throw new IllegalArgumentException(
            "GITHUB_APP_PRIVATE_KEY_FILE " + file.strip() + " cannot be read: " + e.getMessage());
      }
    }
    if (pem == null || pem.isBlank()) {
      throw new IllegalArgumentException(
          "GITHUB_APP_ID is set: set GITHUB_APP_PRIVATE_KEY (the PEM) or"
              + " GITHUB_APP_PRIVATE_KEY_FILE (its path) too");
    }
    String installation = env.apply("GITHUB_APP_INSTALLATION_ID");
    java.util.Optional<Long> id = java.util.Optional.empty();
    if (installation != null && !installation.isBlank()) {
      if (!installation.strip().matches("[0-9]{1,19}")) {
        throw new IllegalArgumentException("GITHUB_APP_INSTALLATION_ID must be a number");
      }
      id = java.util.Optional.of(Long.parseLong(installation.strip()));
    }
    return GitHubAuth.app(appId, GitHubAppKey.fromPem(pem), id);
  }

  private String required(String variable, RepositorySpec spec) {
    String value = env.apply(variable);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(
          "repository "
              + spec.name()
              + " is on "
              + spec.forge().configName()
              + ": set "
              + variable);
    }
    // a secret mounted from a file often ends in a newline; an HTTP header cannot carry it
    String token = value.strip();
    if (token.chars().anyMatch(Character::isISOControl)) {
      throw new IllegalArgumentException(
          variable + " contains control characters (a line break inside the token?); set it again");
    }
    return token;
  }
}
