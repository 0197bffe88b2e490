package dev.gitopscrew.cluster.fabric8;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/** Asks the API server for its version: the cheapest proof that credentials and network work. */
public final class ClusterProbe {

  /** What the probe found; {@code detail} is the version or the error, never a credential. */
  public record Result(boolean reachable, String detail) {}

  private ClusterProbe() {}

  public static Result probe() {
    Config config =
        new ConfigBuilder(Config.autoConfigure(null))
            .withConnectionTimeout(3000)
            .withRequestTimeout(5000)
            .withRequestRetryBackoffLimit(0)
            .build();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      var version = client.getKubernetesVersion();
      return new Result(
          true,
          "API server " + config.getMasterUrl() + " answers, version " + version.getGitVersion());
    } catch (RuntimeException e) {
      return new Result(
          false,
          "API server "
              + config.getMasterUrl()
              + " did not answer: "
              + e.getClass().getSimpleName());
    }
  }
}
