package dev.gitopscrew.roles.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.cluster.ApiCall;
import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.ClusterCallException;
import dev.gitopscrew.cluster.ClusterRefusedException;
import dev.gitopscrew.cluster.KubeObject;
import dev.gitopscrew.cluster.ResourceType;
import dev.gitopscrew.request.Kube;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.util.List;
import java.util.Optional;

/**
 * devops-sre: a kubectl-like call through the guard. What the rules refuse is refused before
 * anything is sent, whether or not a cluster is configured.
 */
public final class ReadCluster implements Action<Kube> {

  private final ClusterAccess access;

  public ReadCluster(ClusterAccess access) {
    this.access = access;
  }

  @Override
  public Class<Kube> handles() {
    return Kube.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.CLUSTER_READ);
  }

  /** A delete the rules allow waits for an approval; one they refuse is refused at once. */
  @Override
  public Optional<String> approvalNeeded(Kube request) {
    if (!request.verb().equals("delete")) {
      return Optional.empty();
    }
    boolean allowed =
        ResourceType.named(request.resource())
            .map(t -> access.guard().check(call(request, t)).allowed())
            .orElse(false);
    return allowed
        ? Optional.of("deleting " + request.resource() + "/" + request.name() + " cannot be undone")
        : Optional.empty();
  }

  @Override
  public String run(Kube request, ActionContext context) {
    ResourceType type =
        ResourceType.named(request.resource())
            .orElseThrow(
                () ->
                    new ActionFailedException(
                        "unknown resource type '" + request.resource() + "'"));
    String ns = namespace(request, type);
    ApiCall call = call(request, type);
    try {
      access.guard().require(call);
      Cluster cluster = access.forSession(context);
      switch (request.verb()) {
        case "logs":
          return cluster.log(ns, request.name(), null, request.previous(), 200);
        case "delete":
          cluster.delete(type, ns, request.name(), false);
          return "deleted " + type.resource() + "/" + request.name() + " in " + ns;
        default:
          List<KubeObject> found =
              request.name() == null
                  ? cluster.list(type, ns)
                  : cluster.get(type, ns, request.name()).map(List::of).orElse(List.of());
          if (found.isEmpty() && request.name() != null) {
            throw new ActionFailedException(
                "no " + type.resource() + "/" + request.name() + (ns == null ? "" : " in " + ns));
          }
          context.data(found.stream().map(KubeObject::body).toList());
          return table(found);
      }
    } catch (ClusterRefusedException | ClusterCallException e) {
      throw new ActionFailedException(e.getMessage());
    }
  }

  private static String namespace(Kube request, ResourceType type) {
    if (!type.namespaced()) {
      return null;
    }
    return request.namespace() != null
        ? request.namespace()
        : request.name() != null ? "default" : null;
  }

  private static ApiCall call(Kube request, ResourceType type) {
    String ns = namespace(request, type);
    return switch (request.verb()) {
      case "logs" -> new ApiCall("get", "", "pods", "log", ns, request.name());
      case "get", "list" ->
          ApiCall.of(request.name() == null ? "list" : "get", type, ns, request.name());
      default -> ApiCall.of(request.verb(), type, ns, request.name());
    };
  }

  /** One line per object: namespace, name, and the status a person looks for first. */
  private static String table(List<KubeObject> objects) {
    if (objects.isEmpty()) {
      return "no objects";
    }
    StringBuilder out = new StringBuilder();
    for (KubeObject o : objects) {
      out.append(o.namespace() == null ? "" : o.namespace() + "/")
          .append(o.name())
          .append("  ")
          .append(status(o.body()))
          .append('\n');
    }
    return out.toString().stripTrailing();
  }

  private static String status(JsonNode body) {
    if (body.at("/status/phase").isTextual()) {
      return body.at("/status/phase").asText();
    }
    if (body.at("/status/health/status").isTextual()) {
      return body.at("/status/health/status").asText()
          + " "
          + body.at("/status/sync/status").asText("");
    }
    if (body.at("/spec/replicas").isNumber()) {
      return body.at("/status/readyReplicas").asInt(0)
          + "/"
          + body.at("/spec/replicas").asInt()
          + " ready";
    }
    return body.at("/metadata/creationTimestamp").asText("");
  }
}
