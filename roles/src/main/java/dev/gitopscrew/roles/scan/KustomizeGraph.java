package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the kustomizations of a tree include each other, and what gets deployed: a root is a
 * kustomization no other one includes, or the {@code source.path} of an Argo CD Application (a base
 * deployed as it is, as well as through overlays).
 */
final class KustomizeGraph {

  private static final List<String> INCLUDES = List.of("resources", "bases", "components");
  private static final List<String> PATCH_KEYS =
      List.of("patches", "patchesStrategicMerge", "patchesJson6902", "components", "replacements");

  /** A file and 1-based line. */
  record Where(String path, int line) {}

  private final ManifestTree tree;
  private final Map<String, ManifestTree.Kustomization> byFolder = new HashMap<>();
  private final List<ManifestTree.Kustomization> roots = new ArrayList<>();

  KustomizeGraph(ManifestTree tree) {
    this.tree = tree;
    tree.kustomizations().forEach(k -> byFolder.put(k.folder(), k));
    Set<ManifestTree.Kustomization> included = new HashSet<>();
    tree.kustomizations().forEach(k -> included.addAll(included(k)));
    Set<String> deployed = new HashSet<>();
    for (ManifestTree.Manifest m : tree.manifests()) {
      if (m.kind().equals("Application") && m.apiVersion().startsWith("argoproj.io/")) {
        List<YamlNode> sources = new ArrayList<>(Nodes.items(m.root(), "spec", "sources"));
        Nodes.at(m.root(), "spec", "source").ifPresent(sources::add);
        sources.forEach(
            s -> Nodes.text(s, "path").map(ManifestTree::normalise).ifPresent(deployed::add));
      }
    }
    for (ManifestTree.Kustomization k : tree.kustomizations()) {
      if (!included.contains(k) || deployed.contains(k.folder())) {
        roots.add(k);
      }
    }
  }

  List<ManifestTree.Kustomization> roots() {
    return roots;
  }

  /** Whether rendering {@code root} changes anything the files do not already say. */
  boolean patches(ManifestTree.Kustomization root) {
    return closure(root).stream()
        .anyMatch(k -> PATCH_KEYS.stream().anyMatch(key -> k.root().get(key).isPresent()));
  }

  // kustomize's remote forms: a URL, git::, git@host:, gh:, github.com/ or github.com:, ?ref=
  private static final java.util.regex.Pattern REMOTE =
      java.util.regex.Pattern.compile(
          "://|^git::|^git@|^gh:|^github\\.com[/:]|^bitbucket\\.org[/:]|^gitlab\\.com[/:]|\\?ref=");

  /** Whether {@code root} includes anything from the network (nothing is fetched). */
  boolean remote(ManifestTree.Kustomization root) {
    for (ManifestTree.Kustomization k : closure(root)) {
      for (String key : INCLUDES) {
        for (YamlNode item : Nodes.items(k.root(), key)) {
          String entry = Nodes.text(item).orElse("");
          if (REMOTE.matcher(entry).find()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** {@code k} first, then what it includes, breadth first. */
  List<ManifestTree.Kustomization> closure(ManifestTree.Kustomization k) {
    Set<ManifestTree.Kustomization> seen = new LinkedHashSet<>(List.of(k));
    List<ManifestTree.Kustomization> queue = new ArrayList<>(List.of(k));
    for (int i = 0; i < queue.size(); i++) {
      for (ManifestTree.Kustomization c : included(queue.get(i))) {
        if (seen.add(c)) {
          queue.add(c);
        }
      }
    }
    return List.copyOf(seen);
  }

  /** The patch files of {@code root}'s tree, the last applied first (it wins). */
  Set<String> patchFiles(ManifestTree.Kustomization root) {
    Set<String> files = new LinkedHashSet<>();
    for (ManifestTree.Kustomization k : closure(root)) {
      List<YamlNode> entries = new ArrayList<>(Nodes.items(k.root(), "patchesStrategicMerge"));
      for (String key : List.of("patches", "patchesJson6902")) {
        Nodes.items(k.root(), key).forEach(p -> Nodes.at(p, "path").ifPresent(entries::add));
      }
      for (int i = entries.size() - 1; i >= 0; i--) {
        Nodes.text(entries.get(i)).ifPresent(f -> files.add(ManifestTree.resolve(k.folder(), f)));
      }
    }
    return files;
  }

  /** The first patch of {@code root}'s tree that is JSON 6902 or inline, and names no object. */
  Optional<Where> opaquePatch(ManifestTree.Kustomization root) {
    for (ManifestTree.Kustomization k : closure(root)) {
      for (YamlNode p : Nodes.items(k.root(), "patches")) {
        Optional<String> file = Nodes.text(p, "path").map(f -> ManifestTree.resolve(k.folder(), f));
        if (p instanceof YamlNode.Mapping m && m.get("patch").isPresent()) {
          return Optional.of(new Where(k.path(), Nodes.line(p)));
        }
        if (file.isPresent()
            && tree.manifests().stream().noneMatch(x -> x.path().equals(file.get()))) {
          return Optional.of(new Where(file.get(), 1));
        }
      }
      for (YamlNode p : Nodes.items(k.root(), "patchesJson6902")) {
        return Optional.of(new Where(k.path(), Nodes.line(p)));
      }
    }
    return Optional.empty();
  }

  /** The objects of the resource files {@code root}'s tree lists (patches aside). */
  List<ManifestTree.Manifest> resources(ManifestTree.Kustomization root) {
    List<ManifestTree.Kustomization> closure = closure(root);
    Set<String> patches = patchFiles(root);
    List<ManifestTree.Manifest> out = new ArrayList<>();
    for (ManifestTree.Manifest m : tree.manifests()) {
      if (!patches.contains(m.path())
          && tree.listing(m.path()).stream().anyMatch(closure::contains)) {
        out.add(m);
      }
    }
    return out;
  }

  /** Every file {@code root}'s tree reads: its patches and resources. */
  Set<String> files(ManifestTree.Kustomization root) {
    Set<String> files = new HashSet<>(patchFiles(root));
    resources(root).forEach(m -> files.add(m.path()));
    return files;
  }

  private List<ManifestTree.Kustomization> included(ManifestTree.Kustomization k) {
    List<ManifestTree.Kustomization> out = new ArrayList<>();
    for (String key : INCLUDES) {
      for (YamlNode item : Nodes.items(k.root(), key)) {
        Nodes.text(item)
            .map(e -> byFolder.get(ManifestTree.resolve(k.folder(), e)))
            .filter(c -> c != k)
            .ifPresent(out::add);
      }
    }
    return out;
  }
}
