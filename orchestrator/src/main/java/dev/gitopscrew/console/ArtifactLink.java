package dev.gitopscrew.console;

import dev.gitopscrew.git.RepositorySpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where an audit record's artifact can be opened: GitHub and Azure DevOps record the web address of
 * the issue, pull request or release they wrote, and a pushed commit opens on its repository's page
 * there. The local forge's {@code local://} artifacts have no page of their own.
 */
@jakarta.inject.Singleton
class ArtifactLink {

  private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{7,40}");

  /** Each repository's web address, for the commits pushed to it; none for the local forge. */
  private final Map<String, String> webOf;

  @jakarta.inject.Inject
  ArtifactLink(dev.gitopscrew.assembly.Crew crew) {
    this(crew.repositories());
  }

  ArtifactLink(Map<String, RepositorySpec> repositories) {
    Map<String, String> web = new LinkedHashMap<>();
    repositories.forEach(
        (name, spec) -> {
          String url = spec.url();
          if (spec.forge() != dev.gitopscrew.git.ForgeKind.LOCAL && url.startsWith("http")) {
            web.put(name, url.endsWith(".git") ? url.substring(0, url.length() - 4) : url);
          }
        });
    this.webOf = Map.copyOf(web);
  }

  /** The artifact's address when it has one, else null. */
  String href(String kind, String target, String artifact) {
    if (artifact == null) {
      return null;
    }
    String a = artifact.strip();
    if ((a.startsWith("https://") || a.startsWith("http://")) && !a.contains(" ")) {
      return a;
    }
    int colon = target == null ? -1 : target.indexOf(':');
    if ("git.push".equals(kind) && colon > 0 && COMMIT.matcher(a).matches()) {
      String web = webOf.get(target.substring(0, colon));
      return web == null ? null : web + "/commit/" + a;
    }
    return null;
  }
}
