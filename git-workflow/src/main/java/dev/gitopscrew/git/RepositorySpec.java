package dev.gitopscrew.git;

import java.net.URI;
import java.util.Objects;

/**
 * One entry of {@code git.repositories}: a named repository, the forge that hosts it and where.
 *
 * @param name the name every command takes ({@code --repo NAME})
 * @param forge github, azure-devops or local
 * @param url the Git remote (HTTPS, or {@code file://} for the local forge)
 * @param apiUrl the forge API (GitHub: {@code https://api.github.com} or an Enterprise URL; Azure
 *     DevOps: {@code https://dev.azure.com}); null means the forge's default
 * @param organization Azure DevOps organization (GitHub: derived from the URL when null)
 * @param project Azure DevOps project
 * @param defaultBranch the branch nothing is ever pushed to; {@code main} when null
 */
public record RepositorySpec(
    String name,
    ForgeKind forge,
    String url,
    String apiUrl,
    String organization,
    String project,
    String defaultBranch) {

  public RepositorySpec {
    Objects.requireNonNull(name, "repository name");
    Objects.requireNonNull(forge, "forge of repository " + name);
    Objects.requireNonNull(url, "url of repository " + name);
    if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
      throw new IllegalArgumentException(
          "repository name '" + name + "' must be letters, digits, '.', '_' or '-'");
    }
    if (URI.create(url).getUserInfo() != null) {
      throw new IllegalArgumentException(
          "the url of repository "
              + name
              + " carries credentials; put the token in GITHUB_TOKEN or AZURE_DEVOPS_PAT instead");
    }
    if (defaultBranch == null || defaultBranch.isBlank()) {
      defaultBranch = "main";
    }
    RefNames.requireValidBranch(defaultBranch);
  }

  /** A repository on the local forge: a plain Git remote. */
  public static RepositorySpec local(String name, String url) {
    return new RepositorySpec(name, ForgeKind.LOCAL, url, null, null, null, "main");
  }

  /** The last path segment of the URL without {@code .git}: the repository's name on its forge. */
  public String remoteName() {
    String path = URI.create(url).getPath().replaceAll("/+$", "");
    String last = path.substring(path.lastIndexOf('/') + 1);
    return last.endsWith(".git") ? last.substring(0, last.length() - 4) : last;
  }

  /** The owner segment of a GitHub URL ({@code https://github.com/OWNER/repo.git}). */
  public String owner() {
    if (organization != null) {
      return organization;
    }
    String[] parts = URI.create(url).getPath().split("/");
    if (parts.length < 3) {
      throw new IllegalArgumentException("cannot read the owner from url " + url);
    }
    return parts[parts.length - 2];
  }
}
