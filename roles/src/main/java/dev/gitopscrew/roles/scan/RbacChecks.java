package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The rules of Roles and ClusterRoles: wildcards, verbs that grant more, secrets everywhere. */
final class RbacChecks {

  private static final Set<String> ESCALATION = Set.of("escalate", "bind", "impersonate");
  private static final Set<String> WRITES = Set.of("create", "delete", "deletecollection");
  private static final Set<String> READS = Set.of("get", "list", "watch", "*");

  private final Context context;
  private final Collector out;

  RbacChecks(Context context, Collector out) {
    this.context = context;
    this.out = out;
  }

  void check(ManifestTree.Manifest m) {
    boolean cluster = m.kind().equals("ClusterRole");
    if (!(cluster || m.kind().equals("Role"))
        || !m.apiVersion().startsWith("rbac.authorization.k8s.io/")) {
      return;
    }
    List<YamlNode> rules = Nodes.items(m.root(), "rules");
    for (int r = 0; r < rules.size(); r++) {
      YamlNode rule = rules.get(r);
      List<YamlNode> verbs = Nodes.items(rule, "verbs");
      List<YamlNode> resources = Nodes.items(rule, "resources");
      String which = "rule " + (r + 1);
      Optional<YamlNode> wildVerb = find(verbs, Set.of("*"));
      Optional<YamlNode> wildResource = find(resources, Set.of("*"));
      if (wildVerb.isPresent() || wildResource.isPresent()) {
        List<String> what = new ArrayList<>();
        wildVerb.ifPresent(v -> what.add("every verb"));
        wildResource.ifPresent(v -> what.add("every resource"));
        out.add(
            Rule.RBAC_WILDCARD,
            m,
            Nodes.line(wildVerb.or(() -> wildResource).get()),
            which + " grants " + String.join(" on ", what) + " of " + groups(rule));
      }
      if (wildVerb.isEmpty()) {
        List<String> escalation = names(verbs, ESCALATION);
        if (!escalation.isEmpty()) {
          out.add(
              Rule.RBAC_ESCALATION,
              m,
              Nodes.line(find(verbs, ESCALATION).get()),
              which + " grants " + String.join(", ", escalation) + " on " + list(resources));
        }
        List<String> writes = names(verbs, WRITES);
        if (!writes.isEmpty()) {
          out.add(
              Rule.RBAC_WRITE_VERBS,
              m,
              Nodes.line(find(verbs, WRITES).get()),
              which + " grants " + String.join(", ", writes) + " on " + list(resources));
        }
      }
      if (cluster && context.clusterWide(m.name())) {
        List<String> groups =
            Nodes.items(rule, "apiGroups").stream().map(g -> Nodes.text(g).orElse("")).toList();
        Optional<YamlNode> secrets = find(resources, Set.of("secrets"));
        if (secrets.isPresent()
            && (groups.contains("") || groups.contains("*"))
            && find(verbs, READS).isPresent()) {
          out.add(
              Rule.RBAC_SECRETS_CLUSTER_WIDE,
              m,
              Nodes.line(secrets.get()),
              which
                  + " lets its subjects read the secrets of every namespace (the ClusterRole is"
                  + " bound cluster-wide, or by no binding here)");
        }
      }
    }
  }

  private static Optional<YamlNode> find(List<YamlNode> items, Set<String> values) {
    return items.stream().filter(i -> values.contains(Nodes.text(i).orElse(""))).findFirst();
  }

  private static List<String> names(List<YamlNode> items, Set<String> values) {
    return items.stream()
        .map(i -> Nodes.text(i).orElse(""))
        .filter(values::contains)
        .distinct()
        .toList();
  }

  private static String list(List<YamlNode> resources) {
    List<String> names = resources.stream().map(i -> Nodes.text(i).orElse("?")).toList();
    return names.isEmpty() ? "no resources" : String.join(", ", names);
  }

  private static String groups(YamlNode rule) {
    List<String> groups =
        Nodes.items(rule, "apiGroups").stream()
            .map(g -> Nodes.text(g).map(t -> t.isEmpty() ? "core" : t).orElse("core"))
            .toList();
    return groups.isEmpty() ? "the core API group" : "API groups " + String.join(", ", groups);
  }
}
