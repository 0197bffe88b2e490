package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Which Argo CD Applications are out of sync or unhealthy, and what changed since the same request
 * last ran for the same requester (devops-sre; a schedule's built-in check).
 *
 * @param namespace the Applications' namespace, or null for every namespace
 */
@JsonTypeName("drift")
public record Drift(String namespace) implements Request {

  public Drift {
    if (namespace != null) {
      Names.k8s("namespace", namespace);
    }
  }

  @Override
  public String describe() {
    return "drift" + (namespace == null ? "" : " in " + namespace);
  }
}
