package dev.gitopscrew.settings;

import dev.gitopscrew.cluster.ClusterGuard;
import dev.gitopscrew.config.CrewConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The cluster part of the configuration: the guard's rules and where the credentials are. */
public final class ClusterSettings {

  private ClusterSettings() {}

  /** The guard of the packaged rules, or of the file {@code kubernetes.rbacFile} names. */
  public static ClusterGuard guard(CrewContext context) {
    CrewConfig config = context.loaded().config();
    String file = config.kubernetes().rbacFile();
    String account = config.kubernetes().serviceAccount();
    if (file == null) {
      return ClusterGuard.packaged(config.kubernetes().namespace());
    }
    Path base = context.loaded().source().map(Path::getParent).orElse(Path.of("."));
    Path path = base.resolve(file).normalize();
    try {
      return ClusterGuard.parse(path.toString(), Files.readString(path), account);
    } catch (IOException | IllegalArgumentException e) {
      throw context.configError(
          "kubernetes.rbacFile", "cannot use " + path + ": " + e.getMessage());
    }
  }

  /**
   * The kubeconfig file of {@code KUBECONFIG}, or null for the in-cluster account and
   * ~/.kube/config. KUBECONFIG may list several files, as for kubectl: the first holds the context.
   */
  public static Path kubeconfig(CrewContext context) {
    String kubeconfig = context.env().get("KUBECONFIG");
    return kubeconfig == null || kubeconfig.isBlank()
        ? null
        : Path.of(kubeconfig.split(java.io.File.pathSeparator)[0]);
  }
}
