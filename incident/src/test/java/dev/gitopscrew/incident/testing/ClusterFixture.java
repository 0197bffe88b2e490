package dev.gitopscrew.incident.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.Map;

/**
 * Objects as a cluster would hold them, created in Fabric8's CRUD mock from their YAML, and what
 * every test against that mock needs: the SelfSubjectAccessReview it cannot answer, and a
 * kubeconfig pointing at it as an operator's would.
 */
public final class ClusterFixture {

  private ClusterFixture() {}

  /** Creates one object from its YAML (any kind: core, apps, Argo CD, ExternalSecret). */
  @SuppressWarnings("unchecked")
  public static void create(KubernetesClient client, String yaml) {
    Map<String, Object> object = Serialization.unmarshal(yaml, Map.class);
    String apiVersion = (String) object.get("apiVersion");
    String kind = (String) object.get("kind");
    Map<String, Object> meta = (Map<String, Object>) object.get("metadata");
    var context = definition(apiVersion, kind);
    var resource =
        new GenericKubernetesResourceBuilder()
            .withApiVersion(apiVersion)
            .withKind(kind)
            .withNewMetadata()
            .withName((String) meta.get("name"))
            .withNamespace((String) meta.get("namespace"))
            .withGeneration(
                meta.get("generation") == null
                    ? null
                    : ((Number) meta.get("generation")).longValue())
            .endMetadata()
            .build();
    object.forEach(
        (k, v) -> {
          if (!k.equals("apiVersion") && !k.equals("kind") && !k.equals("metadata")) {
            resource.setAdditionalProperty(k, v);
          }
        });
    client
        .genericKubernetesResources(context)
        .inNamespace((String) meta.get("namespace"))
        .resource(resource)
        .create();
  }

  /** How the mock finds objects of a kind it has no model class for (Argo CD, External Secrets). */
  public static ResourceDefinitionContext definition(String apiVersion, String kind) {
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    String plural = kind.toLowerCase(java.util.Locale.ROOT) + (kind.endsWith("s") ? "es" : "s");
    return new ResourceDefinitionContext.Builder()
        .withGroup(group)
        .withVersion(version)
        .withKind(kind)
        .withPlural(plural)
        .withNamespaced(true)
        .build();
  }

  /**
   * The CRUD mock does not implement SelfSubjectAccessReview; it answers "allowed", as the API
   * server does for the service account of deploy/k8s/rbac.yaml.
   */
  public static void allowAccessReviews(KubernetesMockServer server) {
    server
        .expect()
        .post()
        .withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
        .andReturn(201, Map.of("status", Map.of("allowed", true)))
        .always();
  }

  /** A kubeconfig file for the mock server, with a bearer token, in {@code dir}. */
  public static Path kubeconfig(Path dir, KubernetesClient client, String token)
      throws java.io.IOException {
    return java.nio.file.Files.writeString(
        dir.resolve("kubeconfig"),
        """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster: {server: "%s", insecure-skip-tls-verify: true}
        users:
          - name: crew
            user: {token: "%s"}
        contexts:
          - name: mock
            context: {cluster: mock, user: crew, namespace: apps}
        current-context: mock
        """
            .formatted(client.getMasterUrl(), token));
  }
}
