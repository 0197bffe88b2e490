package dev.gitopscrew.roles.scan;

import dev.gitopscrew.git.DirectoryFiles;
import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * The realistic GitOps repository the scan tests run on ({@code src/test/resources/homelab}): an
 * app-of-apps, Kustomize applications, Applications with Helm values, an RBAC folder, a Helm chart,
 * and planted problems next to their safe forms.
 */
final class Homelab {

  private Homelab() {}

  static Path dir() {
    try {
      return Path.of(Homelab.class.getResource("/homelab/apps/root.yaml").toURI())
          .getParent()
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  static DirectoryFiles files() {
    return DirectoryFiles.of(dir());
  }
}
