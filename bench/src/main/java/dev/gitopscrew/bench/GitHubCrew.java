package dev.gitopscrew.bench;

import dev.gitopscrew.assembly.Crew;
import dev.gitopscrew.settings.CrewContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The crew as {@code crew serve} builds it on one GitHub repository, homelab: its Git served by the
 * bench over HTTP, its API a stub. Shared by the scenarios that drive the Git workflow end to end.
 */
public final class GitHubCrew {

  /** The token the bench's Git server and the crew agree on. */
  public static final String TOKEN = "ghp_benchToken0123456789abcdefABCDEF0000";

  /** The repository's path on the stubbed API. */
  public static final String REPO = "/repos/owner/homelab";

  private GitHubCrew() {}

  /**
   * Writes {@code run}/crew.json for homelab at {@code gitUrl} and {@code apiUrl}, and opens it.
   */
  public static Crew open(Path run, String gitUrl, String apiUrl) throws IOException {
    Path config =
        Files.writeString(
            run.resolve("crew.json"),
            "{\"git\": {\"repositories\": {\"homelab\": {\"forge\": \"github\", \"url\": \""
                + gitUrl
                + "\", \"apiUrl\": \""
                + apiUrl
                + "\", \"organization\": \"owner\"}}}}");
    return Crew.open(
        CrewContext.load(
            Optional.of(config), Optional.of(run.resolve("state")), Map.of("GITHUB_TOKEN", TOKEN)));
  }
}
