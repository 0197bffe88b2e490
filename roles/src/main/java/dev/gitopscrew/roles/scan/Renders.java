package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlDocuments;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Kustomize overlays of a tree as {@code kustomize build} renders them. An overlay is a
 * kustomization no other one lists whose own or included kustomizations patch something: its
 * rendered objects are judged instead of its bases' files and its patches, each finding then
 * pointing back to the file and line that set the value ({@link Origins}). Everything else, and an
 * overlay that does not render, is judged file by file as before, with a warning saying why.
 */
final class Renders {

  /** One rendered overlay: its kustomization, and the files it covers, patches first. */
  record Overlay(
      ManifestTree.Kustomization root,
      List<ManifestTree.Manifest> objects,
      List<ManifestTree.Manifest> patches,
      List<ManifestTree.Manifest> resources) {}

  private static final List<String> PATCH_KEYS =
      List.of("patches", "patchesStrategicMerge", "patchesJson6902", "components", "replacements");

  private final ManifestTree tree;
  private final Map<ManifestTree.Manifest, Overlay> owners = new IdentityHashMap<>();
  private final Set<String> covered = new HashSet<>();
  private final List<String> warnings = new ArrayList<>();

  private Renders(ManifestTree tree) {
    this.tree = tree;
  }

  static Renders of(ManifestTree tree, Kustomize kustomize) {
    Renders renders = new Renders(tree);
    renders.render(kustomize);
    return renders;
  }

  /** What the scan judges: the rendered objects, and every object no render covers. */
  List<ManifestTree.Manifest> judged() {
    List<ManifestTree.Manifest> out = new ArrayList<>();
    for (ManifestTree.Manifest m : tree.manifests()) {
      if (!covered.contains(m.path())) {
        out.add(m);
      }
    }
    out.addAll(owners.keySet().stream().sorted(RENDER_ORDER).toList());
    return out;
  }

  List<String> warnings() {
    return warnings;
  }

  /** The finding moved to the file and line that set the value, when its object was rendered. */
  Hit locate(Hit hit) {
    Overlay overlay = owners.get(hit.manifest());
    return overlay == null ? hit : Origins.locate(hit, overlay);
  }

  private static final Comparator<ManifestTree.Manifest> RENDER_ORDER =
      Comparator.comparing(ManifestTree.Manifest::path)
          .thenComparingInt(ManifestTree.Manifest::document);

  private void render(Kustomize kustomize) {
    Map<String, ManifestTree.Kustomization> byFolder = new HashMap<>();
    tree.kustomizations().forEach(k -> byFolder.put(k.folder(), k));
    Set<ManifestTree.Kustomization> listed = new HashSet<>();
    tree.kustomizations().forEach(k -> listed.addAll(included(k, byFolder)));
    List<ManifestTree.Kustomization> overlays = new ArrayList<>();
    for (ManifestTree.Kustomization k : tree.kustomizations()) {
      if (!listed.contains(k) && closure(k, byFolder).stream().anyMatch(Renders::patches)) {
        overlays.add(k);
      }
    }
    if (overlays.isEmpty()) {
      return;
    }
    if (!kustomize.available()) {
      warnings.add(
          "kubectl is not installed: "
              + overlays.size()
              + (overlays.size() == 1 ? " Kustomize overlay is" : " Kustomize overlays are")
              + " judged file by file, not as kustomize build renders them (install kubectl)");
      return;
    }
    Path copy = null;
    try {
      copy = Files.createTempDirectory("crew-scan-");
      Set<String> written = new HashSet<>();
      List<ManifestTree.Kustomization> local = new ArrayList<>();
      for (ManifestTree.Kustomization k : overlays) {
        List<ManifestTree.Kustomization> closure = closure(k, byFolder);
        if (closure.stream().anyMatch(Renders::remote)) {
          warnings.add(
              k.path() + ": a remote base is not fetched; the overlay is judged file by file");
        } else {
          write(copy, closure, written);
          local.add(k);
        }
      }
      Path from = copy;
      // each build is a process of its own: run them side by side, keep the overlays' order
      List<Built> built = local.parallelStream().map(k -> build(kustomize, from, k)).toList();
      for (int i = 0; i < local.size(); i++) {
        ManifestTree.Kustomization k = local.get(i);
        if (built.get(i).failure() == null) {
          adopt(k, closure(k, byFolder), built.get(i).documents());
        } else {
          warnings.add(
              k.path()
                  + ": kubectl kustomize failed ("
                  + built.get(i).failure().replace(copy + "/", "")
                  + "); the overlay is judged file by file");
        }
      }
    } catch (IOException | UncheckedIOException e) {
      warnings.add("overlays not rendered: " + e.getMessage());
    } finally {
      delete(copy);
    }
  }

  /** An overlay's rendered documents, or why there are none. */
  private record Built(List<YamlNode> documents, String failure) {}

  private static Built build(Kustomize kustomize, Path copy, ManifestTree.Kustomization k) {
    try {
      return new Built(YamlDocuments.parse(kustomize.build(copy.resolve(k.folder()))), null);
    } catch (Kustomize.Failed | YamlDocuments.Invalid e) {
      return new Built(List.of(), e.getMessage());
    }
  }

  /** The kustomizations that {@code k} includes as resources, bases or components. */
  private static List<ManifestTree.Kustomization> included(
      ManifestTree.Kustomization k, Map<String, ManifestTree.Kustomization> byFolder) {
    List<ManifestTree.Kustomization> out = new ArrayList<>();
    for (String key : List.of("resources", "bases", "components")) {
      for (YamlNode item : Nodes.items(k.root(), key)) {
        Nodes.text(item)
            .map(e -> byFolder.get(ManifestTree.resolve(k.folder(), e)))
            .filter(c -> c != k)
            .ifPresent(out::add);
      }
    }
    return out;
  }

  /** {@code k} first, then what it includes, breadth first. */
  private static List<ManifestTree.Kustomization> closure(
      ManifestTree.Kustomization k, Map<String, ManifestTree.Kustomization> byFolder) {
    Set<ManifestTree.Kustomization> seen = new LinkedHashSet<>(List.of(k));
    List<ManifestTree.Kustomization> queue = new ArrayList<>(List.of(k));
    for (int i = 0; i < queue.size(); i++) {
      for (ManifestTree.Kustomization c : included(queue.get(i), byFolder)) {
        if (seen.add(c)) {
          queue.add(c);
        }
      }
    }
    return List.copyOf(seen);
  }

  private static boolean patches(ManifestTree.Kustomization k) {
    return PATCH_KEYS.stream().anyMatch(key -> k.root().get(key).isPresent());
  }

  private static boolean remote(ManifestTree.Kustomization k) {
    for (String key : List.of("resources", "bases", "components")) {
      for (YamlNode item : Nodes.items(k.root(), key)) {
        String entry = Nodes.text(item).orElse("");
        if (entry.contains("://") || entry.startsWith("github.com/") || entry.contains("?ref=")) {
          return true;
        }
      }
    }
    return false;
  }

  /** Copies the folders of the kustomizations (and the files they name) for kubectl to read. */
  private void write(Path copy, List<ManifestTree.Kustomization> closure, Set<String> written)
      throws IOException {
    for (String path : tree.files().paths()) {
      if (written.contains(path)) {
        continue;
      }
      boolean needed =
          closure.stream().anyMatch(k -> Scanner.inside(path, k.folder()) || k.folder().isEmpty());
      if (needed) {
        Optional<byte[]> bytes = tree.files().read(path);
        Path target = copy.resolve(path).normalize();
        if (bytes.isPresent() && target.startsWith(copy)) {
          Files.createDirectories(target.getParent());
          Files.write(target, bytes.get());
          written.add(path);
        }
      }
    }
  }

  /** Keeps the rendered objects and marks the files they came from as covered. */
  private void adopt(
      ManifestTree.Kustomization root,
      List<ManifestTree.Kustomization> closure,
      List<YamlNode> documents) {
    Set<String> patchFiles = new LinkedHashSet<>();
    for (ManifestTree.Kustomization k : closure) {
      List<YamlNode> entries = new ArrayList<>(Nodes.items(k.root(), "patchesStrategicMerge"));
      for (String key : List.of("patches", "patchesJson6902")) {
        Nodes.items(k.root(), key).forEach(p -> Nodes.at(p, "path").ifPresent(entries::add));
      }
      // a later patch wins over an earlier one: look at it first
      for (int i = entries.size() - 1; i >= 0; i--) {
        Nodes.text(entries.get(i))
            .ifPresent(f -> patchFiles.add(ManifestTree.resolve(k.folder(), f)));
      }
    }
    List<ManifestTree.Manifest> patches = new ArrayList<>();
    List<ManifestTree.Manifest> resources = new ArrayList<>();
    for (String file : patchFiles) {
      tree.manifests().stream().filter(m -> m.path().equals(file)).forEach(patches::add);
    }
    for (ManifestTree.Manifest m : tree.manifests()) {
      if (!patchFiles.contains(m.path())
          && tree.listing(m.path()).stream().anyMatch(closure::contains)) {
        resources.add(m);
      }
    }
    List<ManifestTree.Manifest> objects = new ArrayList<>();
    Overlay overlay = new Overlay(root, objects, patches, resources);
    for (int d = 0; d < documents.size(); d++) {
      if (!(documents.get(d) instanceof YamlNode.Mapping object)) {
        continue;
      }
      String kind = Nodes.text(object, "kind").orElse(null);
      String apiVersion = Nodes.text(object, "apiVersion").orElse(null);
      if (kind == null || apiVersion == null) {
        continue;
      }
      String rendered = Nodes.text(object, "metadata", "name").orElse("(unnamed)");
      Optional<ManifestTree.Manifest> source = Origins.source(overlay, kind, rendered);
      // named as in the files (before namePrefix), as suppressions and qa-tester name it
      String name = source.map(ManifestTree.Manifest::name).orElse(rendered);
      String namespace =
          Nodes.text(object, "metadata", "namespace")
              .or(() -> source.map(ManifestTree.Manifest::namespace))
              .orElse(null);
      ManifestTree.Manifest m =
          new ManifestTree.Manifest(
              root.path(),
              d,
              object,
              apiVersion,
              kind,
              name,
              namespace,
              Nodes.entry(object, "metadata", "namespace").orElse(null));
      objects.add(m);
      owners.put(m, overlay);
    }
    patchFiles.forEach(covered::add);
    resources.forEach(r -> covered.add(r.path()));
  }

  private static void delete(Path dir) {
    if (dir == null) {
      return;
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // a temporary copy left behind is harmless
    }
  }
}
