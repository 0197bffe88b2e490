package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/**
 * A kubectl-like call through the cluster guard (devops-sre): {@code get} or {@code logs} to read,
 * and the writes the rules allow ({@code delete} of a pod).
 *
 * @param name the object, or null to list
 * @param namespace null means every namespace (for a list) or the default one
 */
@JsonTypeName("kube")
public record Kube(String verb, String resource, String name, String namespace, boolean previous)
    implements Request {

  public static final List<String> VERBS = List.of("get", "list", "logs", "delete");

  public Kube {
    if (!VERBS.contains(verb)) {
      throw new BadRequestException(
          "kube verbs are " + String.join(", ", VERBS) + ", not " + Quote.bounded(verb));
    }
    if (resource == null || !resource.matches("[A-Za-z][A-Za-z0-9.]{0,62}")) {
      throw new BadRequestException("not a resource type: " + resource);
    }
    if (name != null) {
      Names.k8s("object name", name);
    }
    if (namespace != null) {
      Names.k8s("namespace", namespace);
    }
    if ((verb.equals("logs") || verb.equals("delete")) && name == null) {
      throw new BadRequestException(verb + " needs an object name");
    }
  }

  @Override
  public String describe() {
    return "kube "
        + verb
        + " "
        + resource
        + (name == null ? "" : " " + name)
        + (namespace == null ? "" : " -n " + namespace)
        + (previous ? " --previous" : "");
  }
}
