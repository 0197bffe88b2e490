package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One container's checks: its securityContext, ports, image, resources, probes and env. */
final class ContainerChecks {

  /** Kinds that run until stopped, whose containers need probes (a bare Pod too, see below). */
  static final Set<String> LONG_RUNNING =
      Set.of(
          "Deployment",
          "StatefulSet",
          "DaemonSet",
          "ReplicaSet",
          "ReplicationController",
          "Rollout");

  static final Set<String> DANGEROUS_CAPABILITIES =
      Set.of("ALL", "SYS_ADMIN", "NET_ADMIN", "SYS_MODULE", "SYS_PTRACE", "SYS_RAWIO", "BPF");

  private final Context context;
  private final Collector out;
  private final ManifestTree.Manifest m;
  private final YamlNode.Mapping pod;
  private final YamlNode.Mapping c;
  private final List<Object> at;
  private final boolean init;
  private final String name;
  private final YamlNode.Mapping sc;

  ContainerChecks(
      Context context,
      Collector out,
      ManifestTree.Manifest m,
      YamlNode.Mapping pod,
      YamlNode.Mapping c,
      List<Object> at,
      boolean init) {
    this.context = context;
    this.out = out;
    this.m = m;
    this.pod = pod;
    this.c = c;
    this.at = List.copyOf(at);
    this.init = init;
    this.name = (init ? "init container " : "container ") + Nodes.text(c, "name").orElse("?");
    this.sc = Nodes.mapping(c, "securityContext").orElse(null);
  }

  private int line() {
    return Nodes.line(c);
  }

  private Fix fix(String key) {
    return new Fix(m.path(), m.document(), at, key);
  }

  void check() {
    boolean privileged = sc != null && Nodes.isTrue(sc, "privileged");
    if (privileged) {
      out.add(
          Rule.PRIVILEGED,
          m,
          PodChecks.keyLine(sc, "privileged"),
          name + " runs privileged: it has every capability and the node's devices");
    } else {
      securityFlag(
          "allowPrivilegeEscalation",
          false,
          Rule.PRIVILEGE_ESCALATION,
          "may gain more privileges than its parent process (setuid binaries)");
    }
    runAsRoot();
    securityFlag(
        "readOnlyRootFilesystem", true, Rule.READ_ONLY_ROOT_FS, "can write to its root filesystem");
    capabilities();
    for (YamlNode port : Nodes.items(c, "ports")) {
      Optional<String> hostPort = Nodes.text(port, "hostPort");
      if (hostPort.isPresent() && !hostPort.get().equals("0")) {
        out.add(
            Rule.HOST_PORT,
            m,
            PodChecks.keyLine((YamlNode.Mapping) port, "hostPort"),
            name + " binds port " + hostPort.get() + " on the node");
      }
    }
    image();
    resources();
    if (!init && runsUntilStopped()) {
      if (c.get("livenessProbe").isEmpty()) {
        out.lacks(
            Rule.MISSING_LIVENESS_PROBE,
            m,
            line(),
            name + " has no livenessProbe: a hung process is never restarted");
      }
      if (c.get("readinessProbe").isEmpty()) {
        out.lacks(
            Rule.MISSING_READINESS_PROBE,
            m,
            line(),
            name + " has no readinessProbe: it gets traffic before it is ready");
      }
    }
    CredentialChecks.env(out, m, c, name);
  }

  /**
   * Probes apply to what runs until stopped: not to Jobs and CronJobs, nor to a bare Pod whose
   * {@code restartPolicy} (Never, OnFailure) makes it run to completion like a Job's.
   */
  private boolean runsUntilStopped() {
    if (m.kind().equals("Pod")) {
      return Nodes.text(pod, "restartPolicy").orElse("Always").equals("Always");
    }
    return LONG_RUNNING.contains(m.kind());
  }

  /** A boolean that must be {@code safe}: missing is fixable, the unsafe value is not. */
  private void securityFlag(String key, boolean safe, Rule rule, String what) {
    Optional<Boolean> value = sc == null ? Optional.empty() : Nodes.bool(sc, key);
    if (value.isPresent() && value.get() == safe) {
      return;
    }
    if (value.isPresent()) {
      out.add(
          rule,
          m,
          PodChecks.keyLine(sc, key),
          name + " sets " + key + ": " + !safe + " and " + what);
    } else {
      out.lacks(rule, m, line(), name + " " + what + " (" + key + " is not set)", fix(key));
    }
  }

  private void runAsRoot() {
    YamlNode.Mapping podSc = Nodes.mapping(pod, "securityContext").orElse(null);
    Optional<String> user = text(sc, "runAsUser");
    YamlNode.Mapping userAt = sc;
    if (user.isEmpty()) {
      user = text(podSc, "runAsUser");
      userAt = podSc;
    }
    if (user.isPresent() && user.get().equals("0")) {
      out.add(
          Rule.RUN_AS_ROOT,
          m,
          PodChecks.keyLine(userAt, "runAsUser"),
          name + " runs as UID 0 (root)");
      return;
    }
    if (user.isPresent() && user.get().matches("[1-9][0-9]*")) {
      return;
    }
    Optional<Boolean> nonRoot = sc == null ? Optional.empty() : Nodes.bool(sc, "runAsNonRoot");
    YamlNode.Mapping nonRootAt = sc;
    if (nonRoot.isEmpty() && podSc != null) {
      nonRoot = Nodes.bool(podSc, "runAsNonRoot");
      nonRootAt = podSc;
    }
    if (nonRoot.isPresent() && nonRoot.get()) {
      return;
    }
    if (nonRoot.isPresent()) {
      out.add(
          Rule.RUN_AS_ROOT,
          m,
          PodChecks.keyLine(nonRootAt, "runAsNonRoot"),
          name + " sets runAsNonRoot: false and may run as root");
    } else {
      out.lacks(
          Rule.RUN_AS_ROOT,
          m,
          line(),
          name + " may run as root (runAsNonRoot is set neither on it nor on its pod)",
          fix("runAsNonRoot"));
    }
  }

  private void capabilities() {
    YamlNode.Mapping caps = sc == null ? null : Nodes.mapping(sc, "capabilities").orElse(null);
    for (YamlNode item : caps == null ? List.<YamlNode>of() : Nodes.items(caps, "add")) {
      String capability =
          Nodes.text(item).orElse("").toUpperCase(Locale.ROOT).replaceFirst("^CAP_", "");
      if (DANGEROUS_CAPABILITIES.contains(capability)) {
        out.add(
            Rule.DANGEROUS_CAPABILITIES,
            m,
            Nodes.line(item),
            name + " adds capability " + capability);
      }
    }
    Optional<YamlNode> drop = caps == null ? Optional.empty() : caps.get("drop");
    if (drop.isEmpty()) {
      out.lacks(
          Rule.CAPABILITIES_NOT_DROPPED,
          m,
          line(),
          name + " keeps the runtime's default capabilities (no capabilities.drop: [ALL])",
          fix(Fix.DROP));
      return;
    }
    boolean all =
        Nodes.items(caps, "drop").stream()
            .anyMatch(i -> Nodes.text(i).orElse("").equalsIgnoreCase("ALL"));
    if (!all) {
      out.add(
          Rule.CAPABILITIES_NOT_DROPPED,
          m,
          PodChecks.keyLine(caps, "drop"),
          name + " drops some capabilities but not ALL");
    }
  }

  private void image() {
    Optional<String> image = Nodes.text(c, "image");
    if (image.isEmpty() || image.get().contains("@sha256:")) {
      return;
    }
    String reference = image.get();
    int slash = reference.lastIndexOf('/');
    int colon = reference.lastIndexOf(':');
    boolean tagged = colon > slash;
    String imageName = tagged ? reference.substring(0, colon) : reference;
    String tag = tagged ? reference.substring(colon + 1) : null;
    if ((tag != null && !tag.equals("latest")) || context.pinnedByKustomize(m.path(), imageName)) {
      return;
    }
    out.add(
        Rule.LATEST_TAG,
        m,
        PodChecks.keyLine(c, "image"),
        name
            + " uses image "
            + reference
            + (tag == null ? " with no tag (latest)" : "")
            + ": what runs changes without a commit");
  }

  private void resources() {
    YamlNode.Mapping resources = Nodes.mapping(c, "resources").orElse(null);
    int at = resources == null ? line() : PodChecks.keyLine(c, "resources");
    for (String kind : List.of("requests", "limits")) {
      List<String> missing = new ArrayList<>();
      for (String resource : List.of("cpu", "memory")) {
        if (resources == null || Nodes.text(resources, kind, resource).isEmpty()) {
          missing.add(resource);
        }
      }
      if (!missing.isEmpty()) {
        String one = kind.replaceAll("s$", "");
        out.lacksWithFix(
            kind.equals("requests") ? Rule.MISSING_REQUESTS : Rule.MISSING_LIMITS,
            m,
            at,
            name + " has no " + String.join(" or ", missing) + " " + one,
            "set resources." + kind + "." + String.join(" and ", missing));
      }
    }
  }

  private Optional<String> text(YamlNode.Mapping map, String key) {
    return map == null ? Optional.empty() : Nodes.text(map, key);
  }
}
