package dev.gitopscrew.roles.scan;

import dev.gitopscrew.request.Scan;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/** security-analyst: a security scan of a repository's manifests. */
public final class ScanManifests implements Action<Scan> {

  @Override
  public Class<Scan> handles() {
    return Scan.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.SCAN_MANIFESTS);
  }

  @Override
  public String run(Scan request, ActionContext context) {
    throw ActionFailedException.notAvailable("the manifest scan");
  }
}
