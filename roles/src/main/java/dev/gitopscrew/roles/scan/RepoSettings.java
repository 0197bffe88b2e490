package dev.gitopscrew.roles.scan;

import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlDocuments;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The repository's own settings for the crew's checks, in {@code .gitops-crew.yaml} at its root,
 * reviewed like any other change:
 *
 * <pre>
 * scan:
 *   ignore:
 *     - rule: missing-network-policy      # one id, or several separated by commas
 *       namespace: media                  # optional: only this namespace
 *       path: k8s/apps/media/             # optional: a file, or a folder ending in /
 *       object: Deployment/jellyfin       # optional: Kind/name
 *       reason: the media apps share a flat network on purpose
 * validate:
 *   requiredLabels: [app.kubernetes.io/name]
 *   namespaces: [kube-system, monitoring] # namespaces that exist outside this repository
 * </pre>
 */
public final class RepoSettings {

  public static final String FILE = ".gitops-crew.yaml";

  /** One ignore entry; null fields match anything. */
  record Ignore(
      Set<String> rules,
      String namespace,
      String path,
      String object,
      String reason,
      String source) {

    boolean matches(ScanFinding f) {
      return rules.contains(f.rule())
          && (namespace == null || namespace.equals(f.namespace()))
          && (path == null
              || f.path().equals(path)
              || (path.endsWith("/") && f.path().startsWith(path)))
          && (object == null || object.equalsIgnoreCase(f.object().replace(' ', '/')));
    }
  }

  private final List<Ignore> ignores;
  private final List<String> requiredLabels;
  private final Set<String> namespaces;
  private final List<String> warnings;

  private RepoSettings(
      List<Ignore> ignores,
      List<String> requiredLabels,
      Set<String> namespaces,
      List<String> warnings) {
    this.ignores = List.copyOf(ignores);
    this.requiredLabels = List.copyOf(requiredLabels);
    this.namespaces = Set.copyOf(namespaces);
    this.warnings = List.copyOf(warnings);
  }

  public static RepoSettings none() {
    return new RepoSettings(List.of(), List.of(), Set.of(), List.of());
  }

  /** Reads {@code .gitops-crew.yaml}; a broken file is a warning, never a failure. */
  public static RepoSettings read(RepositoryFiles files) {
    Optional<String> text = files.readText(FILE);
    if (text.isEmpty()) {
      return none();
    }
    List<String> warnings = new ArrayList<>();
    YamlNode root;
    try {
      List<YamlNode> documents = YamlDocuments.parse(text.get());
      root = documents.isEmpty() ? null : documents.get(0);
    } catch (YamlDocuments.Invalid e) {
      return new RepoSettings(
          List.of(),
          List.of(),
          Set.of(),
          List.of(FILE + " is not valid YAML, ignored: " + e.getMessage()));
    }
    List<Ignore> ignores = new ArrayList<>();
    for (YamlNode item : root == null ? List.<YamlNode>of() : Nodes.items(root, "scan", "ignore")) {
      String source = FILE + ":" + Nodes.line(item);
      Set<String> rules = new LinkedHashSet<>();
      for (String id : Nodes.text(item, "rule").orElse("").split(",")) {
        String rule = id.strip().toLowerCase(Locale.ROOT);
        if (Rule.byId(rule).isPresent()) {
          rules.add(rule);
        } else {
          warnings.add(source + ": unknown rule '" + id.strip() + "', ignored");
        }
      }
      if (rules.isEmpty()) {
        continue;
      }
      ignores.add(
          new Ignore(
              rules,
              Nodes.text(item, "namespace").orElse(null),
              Nodes.text(item, "path").orElse(null),
              Nodes.text(item, "object").orElse(null),
              Nodes.text(item, "reason").orElse(null),
              source));
    }
    List<String> labels = new ArrayList<>();
    Set<String> namespaces = new LinkedHashSet<>();
    if (root != null) {
      Nodes.items(root, "validate", "requiredLabels")
          .forEach(l -> Nodes.text(l).ifPresent(labels::add));
      Nodes.items(root, "validate", "namespaces")
          .forEach(n -> Nodes.text(n).ifPresent(namespaces::add));
    }
    return new RepoSettings(ignores, labels, namespaces, warnings);
  }

  List<Ignore> ignores() {
    return ignores;
  }

  /** Labels every changed object must carry (validate). */
  public List<String> requiredLabels() {
    return requiredLabels;
  }

  /** Namespaces that exist though no manifest here creates them (validate). */
  public Set<String> namespaces() {
    return namespaces;
  }

  /** What was wrong with the file (unknown rule ids, bad YAML). */
  public List<String> warnings() {
    return warnings;
  }
}
