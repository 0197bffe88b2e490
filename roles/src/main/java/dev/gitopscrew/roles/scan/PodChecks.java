package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The checks of a workload's pod: host access, volumes, and each container's settings. */
final class PodChecks {

  /** Where each workload kind keeps its pod spec. */
  static final Map<String, List<String>> POD_SPEC =
      Map.of(
          "Pod", List.of("spec"),
          "Deployment", List.of("spec", "template", "spec"),
          "StatefulSet", List.of("spec", "template", "spec"),
          "DaemonSet", List.of("spec", "template", "spec"),
          "ReplicaSet", List.of("spec", "template", "spec"),
          "ReplicationController", List.of("spec", "template", "spec"),
          "Job", List.of("spec", "template", "spec"),
          "Rollout", List.of("spec", "template", "spec"),
          "CronJob", List.of("spec", "jobTemplate", "spec", "template", "spec"));

  private static final Set<String> RUNTIME_SOCKETS =
      Set.of(
          "/var/run/docker.sock",
          "/run/docker.sock",
          "/var/run/containerd/containerd.sock",
          "/run/containerd/containerd.sock",
          "/var/run/crio/crio.sock",
          "/run/crio/crio.sock",
          "/var/run/cri-dockerd.sock");

  private final Context context;
  private final Collector out;

  PodChecks(Context context, Collector out) {
    this.context = context;
    this.out = out;
  }

  static boolean isWorkload(ManifestTree.Manifest m) {
    return POD_SPEC.containsKey(m.kind())
        && (!m.kind().equals("Rollout") || m.apiVersion().startsWith("argoproj.io/"));
  }

  void check(ManifestTree.Manifest m) {
    serviceAccount(m);
    if (!isWorkload(m)) {
      return;
    }
    String[] specPath = POD_SPEC.get(m.kind()).toArray(String[]::new);
    Optional<YamlNode.Mapping> spec = Nodes.mapping(m.root(), specPath);
    if (spec.isEmpty()) {
      return;
    }
    YamlNode.Mapping pod = spec.get();
    int specLine = Nodes.entry(m.root(), specPath).map(e -> Nodes.line(e.key())).orElse(m.line());
    for (String[] host :
        new String[][] {
          {"hostNetwork", "the pod shares the node's network"},
          {"hostPID", "the pod sees every process of the node"},
          {"hostIPC", "the pod shares the node's IPC namespace"}
        }) {
      if (Nodes.isTrue(pod, host[0])) {
        Rule rule =
            host[0].equals("hostNetwork")
                ? Rule.HOST_NETWORK
                : host[0].equals("hostPID") ? Rule.HOST_PID : Rule.HOST_IPC;
        out.add(rule, m, keyLine(pod, host[0]), host[0] + " is true: " + host[1]);
      }
    }
    volumes(m, pod);
    serviceAccountToken(m, pod, specLine);
    List<Object> at = new ArrayList<>(List.of((Object[]) specPath));
    for (String list : List.of("containers", "initContainers")) {
      List<YamlNode> containers = Nodes.items(pod, list);
      for (int i = 0; i < containers.size(); i++) {
        if (containers.get(i) instanceof YamlNode.Mapping c) {
          List<Object> where = new ArrayList<>(at);
          where.add(list);
          where.add(i);
          new ContainerChecks(context, out, m, pod, c, where, list.equals("initContainers"))
              .check();
        }
      }
    }
  }

  private void volumes(ManifestTree.Manifest m, YamlNode.Mapping pod) {
    for (YamlNode volume : Nodes.items(pod, "volumes")) {
      Optional<YamlNode.Entry> hostPath = Nodes.entry(volume, "hostPath");
      if (hostPath.isEmpty()) {
        continue;
      }
      String name = Nodes.text(volume, "name").orElse("(unnamed)");
      String path = Nodes.text(hostPath.get().value(), "path").orElse("");
      String normalised = path.replaceAll("/+$", "");
      boolean socket = RUNTIME_SOCKETS.contains(normalised);
      out.add(
          socket ? Rule.DOCKER_SOCKET : Rule.HOST_PATH,
          m,
          Nodes.line(hostPath.get().key()),
          "volume "
              + name
              + " mounts "
              + (path.isEmpty() ? "a path" : path)
              + " from the node"
              + (socket ? ": whoever runs in the pod controls every container on the node" : ""));
    }
  }

  /**
   * The pod's own {@code automountServiceAccountToken} wins over its ServiceAccount's: an explicit
   * {@code true} mounts the token whatever the account says.
   */
  private void serviceAccountToken(ManifestTree.Manifest m, YamlNode.Mapping pod, int specLine) {
    Optional<Boolean> automount = Nodes.bool(pod, "automountServiceAccountToken");
    if (automount.isPresent() && !automount.get()) {
      return;
    }
    String account =
        Nodes.text(pod, "serviceAccountName")
            .or(() -> Nodes.text(pod, "serviceAccount"))
            .orElse("default");
    if (context.bound(m.namespace(), account)
        || (automount.isEmpty() && context.tokenless(m.namespace(), account))) {
      return;
    }
    String message =
        "the pod mounts a token of service account "
            + account
            + ", which no RBAC binding here lets do anything";
    if (automount.isPresent()) {
      out.add(Rule.SERVICE_ACCOUNT_TOKEN, m, keyLine(pod, "automountServiceAccountToken"), message);
    } else {
      out.lacks(Rule.SERVICE_ACCOUNT_TOKEN, m, specLine, message);
    }
  }

  /** A ServiceAccount that asks for its token in every pod, with no binding here to use it. */
  void serviceAccount(ManifestTree.Manifest m) {
    if (!m.kind().equals("ServiceAccount")
        || !Nodes.isTrue(m.root(), "automountServiceAccountToken")
        || context.bound(m.namespace(), m.name())) {
      return;
    }
    out.addWithFix(
        Rule.SERVICE_ACCOUNT_TOKEN,
        m,
        keyLine(m.root(), "automountServiceAccountToken"),
        "automountServiceAccountToken is true: every pod of service account "
            + m.name()
            + " gets a token no RBAC binding here lets do anything",
        "set automountServiceAccountToken: false on the ServiceAccount (true only on the pods"
            + " that call the API)");
  }

  static int keyLine(YamlNode.Mapping map, String key) {
    return map.entry(key).map(e -> Nodes.line(e.key())).orElse(Nodes.line(map));
  }
}
