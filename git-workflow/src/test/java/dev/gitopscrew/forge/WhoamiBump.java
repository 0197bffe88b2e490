package dev.gitopscrew.forge;

import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.MirrorCache;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.git.change.ChangeWorkflow;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The change the forges' workflow tests open: devops-sre bumps whoami's image to v1.10.3, a chore,
 * through the change workflow as the crew builds it over one repository and its forge.
 */
public final class WhoamiBump {

  public static final String TITLE = "Bump whoami to v1.10.3";

  private WhoamiBump() {}

  /** The bump in {@code repository}, for {@code issue} (null: the workflow opens one). */
  public static ChangeRequest in(String repository, Integer issue) {
    return ChangeRequest.of(
        repository,
        ChangeType.CHORE,
        TITLE,
        issue,
        "devops-sre",
        Map.of(
            "k8s/apps/whoami/deployment.yaml",
            "image: traefik/whoami:v1.10.3\n".getBytes(StandardCharsets.UTF_8)));
  }

  /** The workflow over {@code spec} alone, served by {@code forge}; a create is retried at once. */
  public static ChangeWorkflow workflow(MirrorCache mirrors, RepositorySpec spec, Forge forge) {
    return new ChangeWorkflow(
        Footprint.defaults(),
        mirrors,
        Map.of(spec.name(), spec),
        s -> forge,
        new CreateOnce(Duration.ofMillis(1)));
  }
}
