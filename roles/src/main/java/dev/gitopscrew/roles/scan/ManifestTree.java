package dev.gitopscrew.roles.scan;

import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlDocuments;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Kubernetes objects of a GitOps tree, each with the namespace it lands in: the namespace of
 * the kustomization that lists its file (Kustomize overrides the object's own), else its {@code
 * metadata.namespace}, else the destination of the Argo CD Application whose path holds it. Files
 * inside a Helm chart (a folder with {@code Chart.yaml}) are templates, not manifests, and are left
 * out.
 */
public final class ManifestTree {

  static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass",
          "IngressClass",
          "RuntimeClass",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration",
          "APIService",
          "ClusterIssuer",
          "ClusterSecretStore",
          "ClusterExternalSecret",
          "CiliumClusterwideNetworkPolicy",
          "GlobalNetworkPolicy",
          "ClusterPolicy");

  /**
   * One object.
   *
   * @param namespace where it lands, or null (cluster-scoped, or nothing says)
   * @param namespaceKey the {@code metadata.namespace} entry when the object names one
   */
  public record Manifest(
      String path,
      int document,
      YamlNode.Mapping root,
      String apiVersion,
      String kind,
      String name,
      String namespace,
      YamlNode.Entry namespaceKey) {

    /** {@code Deployment whoami}. */
    public String label() {
      return kind + " " + name;
    }

    /** The 1-based line of the object's first key. */
    public int line() {
      return Nodes.line(root);
    }

    /** The annotation's value, if the object has it. */
    public Optional<String> annotation(String key) {
      return Nodes.mapping(root, "metadata", "annotations")
          .flatMap(m -> m.get(key))
          .flatMap(Nodes::text);
    }
  }

  /** A kustomization file and the namespace it sets, if any. */
  public record Kustomization(String path, YamlNode.Mapping root, String namespace) {

    /** The folder the kustomization's entries are relative to ({@code ""} at the root). */
    public String folder() {
      int slash = path.lastIndexOf('/');
      return slash < 0 ? "" : path.substring(0, slash);
    }
  }

  /** A YAML file that does not parse, where (1-based; 0 when unknown) and why. */
  public record Unreadable(String path, int line, String reason) {

    public String describe() {
      return path + (line > 0 ? ":" + line : "") + " " + reason;
    }
  }

  private final RepositoryFiles files;
  private final List<Manifest> manifests = new ArrayList<>();
  private final List<Kustomization> kustomizations = new ArrayList<>();
  private final List<Unreadable> unreadable = new ArrayList<>();
  private final Map<String, List<Kustomization>> listedBy = new HashMap<>();
  private final Set<String> patches = new HashSet<>();
  private final Set<String> charts = new HashSet<>();
  private int yamlFiles;

  private ManifestTree(RepositoryFiles files) {
    this.files = files;
  }

  /** Reads every YAML file of {@code files}. */
  public static ManifestTree read(RepositoryFiles files) {
    ManifestTree tree = new ManifestTree(files);
    tree.load();
    return tree;
  }

  public RepositoryFiles files() {
    return files;
  }

  public List<Manifest> manifests() {
    return manifests;
  }

  public List<Kustomization> kustomizations() {
    return kustomizations;
  }

  public List<Unreadable> unreadable() {
    return unreadable;
  }

  /** How many YAML files were read (manifests, kustomizations and others). */
  public int yamlFiles() {
    return yamlFiles;
  }

  /** Whether {@code path} is inside a Helm chart, whose files are templates, not manifests. */
  public boolean inChart(String path) {
    return insideChart(path, charts);
  }

  /** The kustomizations that list {@code path}, directly or through a listed folder. */
  public List<Kustomization> listing(String path) {
    return listedBy.getOrDefault(path, List.of());
  }

  /**
   * Whether a kustomization applies {@code path} as a patch ({@code patchesStrategicMerge}, or a
   * {@code patches} entry's {@code path}): its objects are partial, merged onto a base's.
   */
  public boolean isPatch(String path) {
    return patches.contains(path);
  }

  public static boolean isYaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  public static boolean isKustomization(String path) {
    String file = path.substring(path.lastIndexOf('/') + 1);
    return file.equals("kustomization.yaml")
        || file.equals("kustomization.yml")
        || file.equals("Kustomization");
  }

  private void load() {
    for (String path : files.paths()) {
      if (path.equals("Chart.yaml") || path.endsWith("/Chart.yaml")) {
        charts.add(folderOf(path));
      }
    }
    List<String> yaml = new ArrayList<>();
    for (String path : files.paths()) {
      if ((isYaml(path) || isKustomization(path)) && !insideChart(path, charts)) {
        yaml.add(path);
      }
    }
    yamlFiles = yaml.size();
    // reading and parsing are independent per file: spread them over the cores, keep the order
    List<Parsed> parsed = yaml.parallelStream().map(this::parse).toList();
    List<Pending> pending = new ArrayList<>();
    for (Parsed file : parsed) {
      String path = file.path();
      if (file.problem() != null) {
        unreadable.add(new Unreadable(path, file.problem().line(), file.problem().getMessage()));
        continue;
      }
      List<YamlNode> documents = file.documents();
      if (isKustomization(path)) {
        if (!documents.isEmpty() && documents.get(0) instanceof YamlNode.Mapping root) {
          kustomizations.add(
              new Kustomization(path, root, Nodes.text(root, "namespace").orElse(null)));
        }
        continue;
      }
      for (int d = 0; d < documents.size(); d++) {
        if (documents.get(d) instanceof YamlNode.Mapping root) {
          Optional<String> kind = Nodes.text(root, "kind");
          Optional<String> apiVersion = Nodes.text(root, "apiVersion");
          if (kind.isPresent() && apiVersion.isPresent()) {
            pending.add(new Pending(path, d, root, apiVersion.get(), kind.get()));
          }
        }
      }
    }
    indexKustomizations();
    Map<String, String> destinations = applicationDestinations(pending);
    for (Pending p : pending) {
      String name = Nodes.text(p.root, "metadata", "name").orElse("(unnamed)");
      YamlNode.Entry namespaceKey = Nodes.entry(p.root, "metadata", "namespace").orElse(null);
      String namespace = null;
      if (!CLUSTER_SCOPED.contains(p.kind)) {
        namespace =
            listing(p.path).stream()
                .map(Kustomization::namespace)
                .filter(n -> n != null)
                .findFirst()
                .or(() -> Nodes.text(p.root, "metadata", "namespace"))
                .or(() -> destinationOf(p.path, destinations))
                .orElse(null);
      }
      manifests.add(
          new Manifest(
              p.path, p.document, p.root, p.apiVersion, p.kind, name, namespace, namespaceKey));
    }
  }

  /** A file's documents, or why it does not parse. */
  private record Parsed(String path, List<YamlNode> documents, YamlDocuments.Invalid problem) {}

  private Parsed parse(String path) {
    String text = files.readText(path).orElse("");
    // most YAML files that are no manifest say so without being parsed
    if (!isKustomization(path) && !text.contains("kind")) {
      return new Parsed(path, List.of(), null);
    }
    try {
      return new Parsed(path, YamlDocuments.parse(text), null);
    } catch (YamlDocuments.Invalid e) {
      return new Parsed(path, List.of(), e);
    }
  }

  private record Pending(
      String path, int document, YamlNode.Mapping root, String apiVersion, String kind) {}

  /** Which kustomizations list which files: named directly, or inside a listed folder. */
  private void indexKustomizations() {
    Set<String> all = new HashSet<>(files.paths());
    for (Kustomization k : kustomizations) {
      List<YamlNode> patchFiles = new ArrayList<>(Nodes.items(k.root(), "patchesStrategicMerge"));
      Nodes.items(k.root(), "patches").forEach(p -> Nodes.at(p, "path").ifPresent(patchFiles::add));
      for (YamlNode item : patchFiles) {
        // an inline patch is YAML text, not a file of the tree
        Nodes.text(item)
            .map(f -> resolve(k.folder(), f))
            .filter(all::contains)
            .ifPresent(patches::add);
      }
      for (YamlNode item : Nodes.items(k.root(), "resources")) {
        Optional<String> entry = Nodes.text(item);
        if (entry.isEmpty() || entry.get().contains("://")) {
          continue;
        }
        String resolved = resolve(k.folder(), entry.get());
        if (all.contains(resolved)) {
          listedBy.computeIfAbsent(resolved, p -> new ArrayList<>()).add(k);
        } else {
          String prefix = resolved.isEmpty() ? "" : resolved + "/";
          for (String p : files.paths()) {
            if (p.startsWith(prefix) && isYaml(p) && !isKustomization(p)) {
              listedBy.computeIfAbsent(p, x -> new ArrayList<>()).add(k);
            }
          }
        }
      }
    }
  }

  /** Source path folder to destination namespace, from the Argo CD Applications of the tree. */
  private static Map<String, String> applicationDestinations(List<Pending> pending) {
    Map<String, String> out = new HashMap<>();
    for (Pending p : pending) {
      if (!p.kind.equals("Application") || !p.apiVersion.startsWith("argoproj.io/")) {
        continue;
      }
      Optional<String> namespace = Nodes.text(p.root, "spec", "destination", "namespace");
      if (namespace.isEmpty()) {
        continue;
      }
      List<YamlNode> sources = new ArrayList<>(Nodes.items(p.root, "spec", "sources"));
      Nodes.at(p.root, "spec", "source").ifPresent(sources::add);
      for (YamlNode source : sources) {
        Nodes.text(source, "path")
            .map(ManifestTree::normalise)
            .ifPresent(path -> out.putIfAbsent(path, namespace.get()));
      }
    }
    return out;
  }

  private static Optional<String> destinationOf(String path, Map<String, String> destinations) {
    String folder = folderOf(path);
    while (true) {
      String namespace = destinations.get(folder);
      if (namespace != null) {
        return Optional.of(namespace);
      }
      if (folder.isEmpty()) {
        return Optional.empty();
      }
      folder = folderOf(folder);
    }
  }

  /** {@code a/b} + {@code ../c/d.yaml} = {@code a/c/d.yaml}; never above the root. */
  public static String resolve(String folder, String relative) {
    return normalise(folder.isEmpty() ? relative : folder + "/" + relative);
  }

  static String normalise(String path) {
    List<String> parts = new ArrayList<>();
    for (String part : path.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!parts.isEmpty()) {
          parts.remove(parts.size() - 1);
        }
        continue;
      }
      parts.add(part);
    }
    return String.join("/", parts);
  }

  static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  private static boolean insideChart(String path, Set<String> charts) {
    if (charts.isEmpty()) {
      return false;
    }
    String folder = folderOf(path);
    while (true) {
      if (charts.contains(folder)) {
        return true;
      }
      if (folder.isEmpty()) {
        return false;
      }
      folder = folderOf(folder);
    }
  }
}
