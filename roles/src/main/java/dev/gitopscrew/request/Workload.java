package dev.gitopscrew.request;

import java.util.List;
import java.util.Locale;

/** A workload in the cluster: {@code deployment/grafana} in a namespace. */
public record Workload(String kind, String name, String namespace) {

  public static final List<String> KINDS = List.of("deployment", "statefulset", "daemonset");

  public Workload {
    kind = kind == null ? "deployment" : kind.toLowerCase(Locale.ROOT);
    if (!KINDS.contains(kind)) {
      throw new BadRequestException("not a workload kind: " + kind + "; one of " + KINDS);
    }
    Names.k8s("workload name", name);
    namespace = Names.k8s("namespace", namespace == null ? "default" : namespace);
  }

  /** {@code deployment/grafana in monitoring}. */
  public String describe() {
    return kind + "/" + name + " in " + namespace;
  }
}
