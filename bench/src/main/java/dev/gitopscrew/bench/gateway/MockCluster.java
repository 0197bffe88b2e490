package dev.gitopscrew.bench.gateway;

import dev.gitopscrew.incident.testing.ClusterFixture;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Queue;

/**
 * Fabric8's mock API server in CRUD mode, in the bench's own process, for gateways started as
 * processes: SelfSubjectAccessReviews allowed, and a kubeconfig that points at it.
 */
public final class MockCluster implements AutoCloseable {

  // the mock server logs every request it answers: the bench's noise, not the crew's (held here,
  // as java.util.logging keeps its loggers weakly)
  private static final java.util.logging.Logger MOCK_LOG =
      java.util.logging.Logger.getLogger("io.fabric8.mockwebserver");

  private final KubernetesMockServer server;
  private final KubernetesClient client;

  private MockCluster(KubernetesMockServer server) {
    this.server = server;
    this.client = server.createClient();
  }

  public static MockCluster start() {
    MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            responses,
            new KubernetesMixedDispatcher(responses),
            false);
    server.init();
    ClusterFixture.allowAccessReviews(server);
    return new MockCluster(server);
  }

  public KubernetesClient client() {
    return client;
  }

  /** Writes a kubeconfig for the mock server under {@code dir}; returns its path. */
  public Path kubeconfig(Path dir) throws IOException {
    return ClusterFixture.kubeconfig(dir, client, "bench-kube-token");
  }

  @Override
  public void close() {
    client.close();
    server.destroy();
  }
}
