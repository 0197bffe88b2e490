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
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The Kustomize overlays of a tree as {@code kustomize build} renders them. An overlay is a root of
 * the {@link KustomizeGraph} whose own or included kustomizations patch something: its rendered
 * objects are judged instead of its bases' files and its patches, each finding then pointing back
 * to the file and line that set the value ({@link Origins}). Everything else (a base that an
 * Application also deploys as it is, too), and an overlay that does not render, is judged file by
 * file as before, with a warning saying why.
 */
final class Renders {

  /**
   * One rendered overlay: its kustomization, and the files it covers, patches first.
   *
   * @param opaque the first JSON 6902 or inline patch, which names no object: where a value no file
   *     sets came from; null when there is none
   */
  record Overlay(
      ManifestTree.Kustomization root,
      List<ManifestTree.Manifest> objects,
      List<ManifestTree.Manifest> patches,
      List<ManifestTree.Manifest> resources,
      KustomizeGraph.Where opaque) {}

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
    KustomizeGraph graph = new KustomizeGraph(tree);
    List<ManifestTree.Kustomization> overlays =
        graph.roots().stream().filter(graph::patches).toList();
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
    List<ManifestTree.Kustomization> rendered = new ArrayList<>();
    Path copy = null;
    try {
      copy = Files.createTempDirectory("crew-scan-");
      Set<String> written = new HashSet<>();
      List<ManifestTree.Kustomization> local = new ArrayList<>();
      for (ManifestTree.Kustomization k : overlays) {
        if (graph.remote(k)) {
          warnings.add(
              k.path() + ": a remote base is not fetched; the overlay is judged file by file");
        } else {
          write(copy, graph.closure(k), written);
          local.add(k);
        }
      }
      Path from = copy;
      // each build is a process of its own: run them side by side, keep the overlays' order
      List<Built> built = local.parallelStream().map(k -> build(kustomize, from, k)).toList();
      for (int i = 0; i < local.size(); i++) {
        ManifestTree.Kustomization k = local.get(i);
        if (built.get(i).failure() == null) {
          adopt(k, graph, built.get(i).documents());
          rendered.add(k);
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
    // a file that a root deploys unrendered (a base that is also an Application's path) stays
    Set<String> plain = new HashSet<>();
    graph.roots().stream()
        .filter(r -> !rendered.contains(r))
        .forEach(r -> plain.addAll(graph.files(r)));
    for (ManifestTree.Kustomization k : rendered) {
      graph.files(k).stream().filter(f -> !plain.contains(f)).forEach(covered::add);
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

  /** Keeps the rendered objects, each with the overlay it came from. */
  private void adopt(
      ManifestTree.Kustomization root, KustomizeGraph graph, List<YamlNode> documents) {
    List<ManifestTree.Manifest> patches = new ArrayList<>();
    for (String file : graph.patchFiles(root)) {
      tree.manifests().stream().filter(m -> m.path().equals(file)).forEach(patches::add);
    }
    List<ManifestTree.Manifest> resources = graph.resources(root);
    List<ManifestTree.Manifest> objects = new ArrayList<>();
    Overlay overlay =
        new Overlay(root, objects, patches, resources, graph.opaquePatch(root).orElse(null));
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
