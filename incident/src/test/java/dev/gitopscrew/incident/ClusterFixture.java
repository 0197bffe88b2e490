package dev.gitopscrew.incident;

import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Map;

/** Objects as a cluster would hold them, created in Fabric8's CRUD mock from their YAML. */
final class ClusterFixture {

  private ClusterFixture() {}

  /** Creates one object from its YAML (any kind: core, apps, Argo CD, ExternalSecret). */
  @SuppressWarnings("unchecked")
  static void create(KubernetesClient client, String yaml) {
    Map<String, Object> object = Serialization.unmarshal(yaml, Map.class);
    String apiVersion = (String) object.get("apiVersion");
    String kind = (String) object.get("kind");
    Map<String, Object> meta = (Map<String, Object>) object.get("metadata");
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    String plural = kind.toLowerCase(java.util.Locale.ROOT) + (kind.endsWith("s") ? "es" : "s");
    var context =
        new ResourceDefinitionContext.Builder()
            .withGroup(group)
            .withVersion(version)
            .withKind(kind)
            .withPlural(plural)
            .withNamespaced(true)
            .build();
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
}
