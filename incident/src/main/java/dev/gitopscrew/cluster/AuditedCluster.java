package dev.gitopscrew.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import java.util.List;
import java.util.Optional;

/**
 * A session's cluster: its writes go through the session's {@link SideEffects}, one audit record
 * each with the object and its new resourceVersion. A dry run sends only server-side dry runs and
 * records what they answered.
 */
public final class AuditedCluster implements Cluster {

  private final Cluster cluster;
  private final SideEffects effects;

  public AuditedCluster(Cluster cluster, SideEffects effects) {
    this.cluster = cluster;
    this.effects = effects;
  }

  @Override
  public Optional<KubeObject> get(ResourceType type, String namespace, String name) {
    return cluster.get(type, namespace, name);
  }

  @Override
  public List<KubeObject> list(ResourceType type, String namespace) {
    return cluster.list(type, namespace);
  }

  @Override
  public KubeObject patch(
      ResourceType type, String namespace, String name, JsonNode mergePatch, boolean dryRun) {
    String target = target(type, namespace, name);
    if (dryRun || effects.dryRun()) {
      KubeObject result = cluster.patch(type, namespace, name, mergePatch, true);
      effects.preview(
          EffectKind.CLUSTER_PATCH, target, "server-side dry run accepted " + mergePatch);
      return result;
    }
    return effects.perform(
        EffectKind.CLUSTER_PATCH,
        target,
        () -> cluster.patch(type, namespace, name, mergePatch, false),
        o -> o.describe() + " " + mergePatch);
  }

  @Override
  public void delete(ResourceType type, String namespace, String name, boolean dryRun) {
    String target = target(type, namespace, name);
    if (dryRun || effects.dryRun()) {
      cluster.delete(type, namespace, name, true);
      effects.preview(EffectKind.CLUSTER_DELETE, target, "server-side dry run accepted the delete");
      return;
    }
    effects.perform(
        EffectKind.CLUSTER_DELETE,
        target,
        () -> {
          cluster.delete(type, namespace, name, false);
          return target;
        },
        t -> "deleted " + t);
  }

  @Override
  public String log(String namespace, String pod, String container, boolean previous, int tail) {
    return cluster.log(namespace, pod, container, previous, tail);
  }

  @Override
  public boolean accessAllowed(ApiCall call) {
    return cluster.accessAllowed(call);
  }

  private static String target(ResourceType type, String namespace, String name) {
    return type.qualified() + "/" + name + (namespace == null ? "" : " in " + namespace);
  }
}
