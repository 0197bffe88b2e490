package dev.gitopscrew.cluster.fabric8;

import dev.gitopscrew.cluster.ApiCall;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code crew doctor}'s look at the cluster: the API server's version (the cheapest proof that
 * credentials and network work), then a SelfSubjectAccessReview of every call the guard's rules
 * allow. No retries: a doctor answers quickly.
 */
public final class ClusterProbe {

  /**
   * What the probe found; {@code detail} is the version or the error, never a credential; {@code
   * notGranted} the calls the guard allows but the cluster does not.
   */
  public record Result(boolean reachable, String detail, List<ApiCall> notGranted) {}

  private ClusterProbe() {}

  public static Result probe(String context, Path kubeconfig, List<ApiCall> calls) {
    Config config;
    try {
      config =
          new ConfigBuilder(Fabric8Cluster.config(context, kubeconfig))
              .withConnectionTimeout(3000)
              .withRequestTimeout(5000)
              .withRequestRetryBackoffLimit(0)
              .build();
    } catch (RuntimeException e) {
      return new Result(false, e.getMessage(), List.of());
    }
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      var version = client.getKubernetesVersion();
      List<ApiCall> missing = new ArrayList<>();
      for (ApiCall call : calls) {
        var review =
            client
                .authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(Fabric8Cluster.review(call));
        if (review.getStatus() == null || !Boolean.TRUE.equals(review.getStatus().getAllowed())) {
          missing.add(call);
        }
      }
      return new Result(
          true,
          "API server "
              + config.getMasterUrl()
              + " answers, version "
              + version.getGitVersion()
              + "; "
              + (calls.size() - missing.size())
              + " of "
              + calls.size()
              + " guard rules confirmed by SelfSubjectAccessReview",
          missing);
    } catch (RuntimeException e) {
      return new Result(
          false,
          "API server "
              + config.getMasterUrl()
              + " did not answer: "
              + e.getClass().getSimpleName(),
          List.of());
    }
  }
}
