package dev.gitopscrew.cluster.fabric8;

import com.fasterxml.jackson.databind.JsonNode;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.failsafe.RetryPolicy;
import dev.gitopscrew.cluster.ApiCall;
import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.ClusterCallException;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import dev.gitopscrew.retry.Retries;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link Cluster} port on Fabric8's client, with generic resources so Argo CD Applications and
 * ExternalSecrets need no typed model. Conflicts (409), throttling (429), server errors (5xx) and
 * calls nobody answered are retried with backoff, {@value #ATTEMPTS} attempts at most ({@link
 * Retries#clusterCall}); everything else is the caller's to handle.
 */
public final class Fabric8Cluster implements Cluster, AutoCloseable {

  static final int ATTEMPTS = Retries.CLUSTER_ATTEMPTS;

  private static final RetryPolicy<Object> TRANSIENT =
      Retries.clusterCall(e -> e instanceof KubernetesClientException k && transientFailure(k));

  private final KubernetesClient client;

  public Fabric8Cluster(KubernetesClient client) {
    this.client = client;
  }

  /**
   * A client configured as kubectl would be: from {@code kubeconfig} when given (the crew's own
   * KUBECONFIG), else the in-cluster account or ~/.kube/config; {@code context} picks a context.
   */
  public static Fabric8Cluster connect(String context, java.nio.file.Path kubeconfig) {
    Config config =
        new ConfigBuilder(config(context, kubeconfig))
            .withConnectionTimeout(5_000)
            .withRequestTimeout(30_000)
            // the client's own retry would multiply ours and hide its bound: ATTEMPTS is the one
            .withRequestRetryBackoffLimit(0)
            .build();
    return new Fabric8Cluster(new KubernetesClientBuilder().withConfig(config).build());
  }

  /**
   * The client configuration of a kubeconfig file and context, or of the environment (in-cluster
   * service account, KUBECONFIG, ~/.kube/config) when there is no file.
   */
  static Config config(String context, java.nio.file.Path kubeconfig) {
    if (kubeconfig == null) {
      return Config.autoConfigure(context);
    }
    try {
      return Config.fromKubeconfig(
          context, java.nio.file.Files.readString(kubeconfig), kubeconfig.toString());
    } catch (java.io.IOException e) {
      throw new IllegalArgumentException("cannot read the kubeconfig " + kubeconfig, e);
    }
  }

  @Override
  public Optional<KubeObject> get(ResourceType type, String namespace, String name) {
    return Optional.ofNullable(retrying(() -> one(type, namespace, name).get()))
        .map(r -> object(type, r));
  }

  @Override
  public List<KubeObject> list(ResourceType type, String namespace) {
    var resources = resources(type);
    List<GenericKubernetesResource> items =
        retrying(
            () ->
                type.namespaced() && namespace != null
                    ? resources.inNamespace(namespace).list().getItems()
                    : type.namespaced()
                        ? resources.inAnyNamespace().list().getItems()
                        : resources.list().getItems());
    return items.stream().map(r -> object(type, r)).toList();
  }

  @Override
  public KubeObject patch(
      ResourceType type, String namespace, String name, JsonNode mergePatch, boolean dryRun) {
    String json = mergePatch.toString();
    GenericKubernetesResource patched =
        retrying(
            () ->
                one(type, namespace, name)
                    .dryRun(dryRun)
                    .patch(PatchContext.of(PatchType.JSON_MERGE), json));
    return object(type, patched);
  }

  @Override
  public void delete(ResourceType type, String namespace, String name, boolean dryRun) {
    retrying(() -> one(type, namespace, name).dryRun(dryRun).withGracePeriod(0).delete());
  }

  @Override
  public String log(String namespace, String pod, String container, boolean previous, int tail) {
    return retrying(
        () -> {
          var p = client.pods().inNamespace(namespace).withName(pod);
          var c = container == null ? p : p.inContainer(container);
          return previous
              ? c.terminated().tailingLines(tail).getLog()
              : c.tailingLines(tail).getLog();
        });
  }

  @Override
  public boolean accessAllowed(ApiCall call) {
    SelfSubjectAccessReview review = review(call);
    SelfSubjectAccessReview answer =
        retrying(() -> client.authorization().v1().selfSubjectAccessReview().create(review));
    return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
  }

  /** Leader election on a Lease, through this client, within the guard's rules. */
  public dev.gitopscrew.cluster.Leadership leadership(
      dev.gitopscrew.cluster.ClusterGuard guard,
      String namespace,
      String name,
      String identity,
      LeaseLeadership.Timing timing) {
    return new LeaseLeadership(client, guard, namespace, name, identity, timing);
  }

  /** The SelfSubjectAccessReview that asks whether this client may make {@code call}. */
  static SelfSubjectAccessReview review(ApiCall call) {
    return new SelfSubjectAccessReviewBuilder()
        .withNewSpec()
        .withNewResourceAttributes()
        .withVerb(call.verb())
        .withGroup(call.group())
        .withResource(call.resource())
        .withSubresource(call.subresource())
        .withNamespace(call.namespace())
        .withName(call.name())
        .endResourceAttributes()
        .endSpec()
        .build();
  }

  @Override
  public void close() {
    client.close();
  }

  private NonNamespaceOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      scoped(ResourceType type, String namespace) {
    var resources = resources(type);
    return type.namespaced() ? resources.inNamespace(namespace) : resources;
  }

  private Resource<GenericKubernetesResource> one(
      ResourceType type, String namespace, String name) {
    return scoped(type, namespace).withName(name);
  }

  private io.fabric8.kubernetes.client.dsl.MixedOperation<
          GenericKubernetesResource,
          io.fabric8.kubernetes.api.model.GenericKubernetesResourceList,
          Resource<GenericKubernetesResource>>
      resources(ResourceType type) {
    return client.genericKubernetesResources(
        new ResourceDefinitionContext.Builder()
            .withGroup(type.group())
            .withVersion(type.version())
            .withPlural(type.resource())
            .withKind(type.kind())
            .withNamespaced(type.namespaced())
            .build());
  }

  private static KubeObject object(ResourceType type, GenericKubernetesResource r) {
    JsonNode body = Serialization.jsonMapper().valueToTree(r);
    return new KubeObject(
        type,
        r.getMetadata().getNamespace(),
        r.getMetadata().getName(),
        r.getMetadata().getResourceVersion(),
        body);
  }

  private static ClusterCallException failure(KubernetesClientException e) {
    return new ClusterCallException(e.getCode(), reason(e));
  }

  private static boolean transientFailure(KubernetesClientException e) {
    return e.getCode() == 409
        || e.getCode() == 429
        || e.getCode() >= 500
        || (e.getCode() == 0 && e.getCause() instanceof IOException);
  }

  /** Transient failures are tried again; the guard was passed before any attempt. */
  private static <T> T retrying(Supplier<T> call) {
    try {
      return Failsafe.with(TRANSIENT).get(call::get);
    } catch (KubernetesClientException e) {
      if (!transientFailure(e)) {
        throw failure(e);
      }
      String why = reason(e);
      throw new ClusterCallException(
          e.getCode(),
          (why == null || why.isBlank() ? "" : why + " ")
              + "(tried "
              + ATTEMPTS
              + " times with backoff)");
    } catch (FailsafeException e) {
      // interrupted between attempts: the interrupt flag is set again for the caller
      throw e.getCause() instanceof KubernetesClientException k
          ? failure(k)
          : new ClusterCallException(0, "interrupted while retrying");
    }
  }

  private static String reason(KubernetesClientException e) {
    return e.getStatus() == null ? null : e.getStatus().getMessage();
  }
}
