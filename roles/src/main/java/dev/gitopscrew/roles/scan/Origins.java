package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a finding about a rendered object comes from. The finding's line in the rendered text gives
 * a field path ({@code spec.template.spec.containers[web].securityContext.privileged}); the source
 * is the first file of the overlay that has the same object (same kind and name; a rendered object
 * is named as in its files, before name prefixes and suffixes) with that path: for a value, the
 * patches first (the last applied wins), and the value must be the same, else a JSON 6902 or inline
 * patch set it; for a missing field, the base resources first, where the container or pod it is
 * missing from is defined. List items are matched by {@code name}, as strategic merge does. When no
 * file has the whole path, the deepest one found is used; when no file has the object, the
 * overlay's kustomization.
 */
final class Origins {

  /** One step of a field path: a key, or a list item by index and name. */
  private record Step(String key, int index, String name) {}

  /** How far a source object has the path: its node there, line, and the keys and indexes. */
  private record Found(
      ManifestTree.Manifest source, int depth, YamlNode node, int line, List<Object> at) {}

  private Origins() {}

  static Hit locate(Hit hit, Renders.Overlay overlay) {
    ManifestTree.Manifest rendered = hit.manifest();
    List<Step> steps =
        steps(rendered.root(), pathAt(rendered.root(), hit.finding().line(), !hit.lacking()));
    YamlNode leaf = follow(rendered.root(), steps);
    boolean value = leaf instanceof YamlNode.Scalar;
    List<ManifestTree.Manifest> order = new ArrayList<>();
    order.addAll(value ? overlay.patches() : overlay.resources());
    order.addAll(value ? overlay.resources() : overlay.patches());
    Found best = null;
    boolean same = false;
    for (ManifestTree.Manifest source : order) {
      if (!sameObject(source, rendered.kind(), rendered.name())) {
        continue;
      }
      Found found = walk(source, steps);
      boolean whole = found.depth() == steps.size();
      if (whole && (!value || Nodes.text(found.node()).equals(Nodes.text(leaf)))) {
        best = found;
        same = true;
        break;
      }
      if (best == null || found.depth() > best.depth()) {
        best = found;
      }
    }
    ScanFinding f = hit.finding();
    String path = best == null ? overlay.root().path() : best.source().path();
    int line = best == null ? 1 : best.line();
    if (value && !same && overlay.opaque() != null) {
      // no file sets this value: a JSON 6902 or inline patch did
      path = overlay.opaque().path();
      line = overlay.opaque().line();
    }
    Fix fix = null;
    if (hit.fix() != null
        && best != null
        && best.depth() == steps.size()
        && overlay.resources().contains(best.source())) {
      fix = new Fix(path, best.source().document(), best.at(), hit.fix().key());
    }
    ScanFinding moved = f.at(path, line, fix != null);
    return new Hit(moved, rendered, fix, hit.lacking());
  }

  /**
   * The base or patch object an overlay renders as {@code kind name}: the same name, else the
   * longest name inside it ({@code web-api} for {@code prod-web-api}, not {@code web}).
   */
  static Optional<ManifestTree.Manifest> source(Renders.Overlay overlay, String kind, String name) {
    List<ManifestTree.Manifest> all = new ArrayList<>(overlay.resources());
    all.addAll(overlay.patches());
    return all.stream()
        .filter(m -> m.kind().equals(kind) && name.contains(m.name()))
        .max(Comparator.comparingInt((ManifestTree.Manifest m) -> m.name().length()));
  }

  private static boolean sameObject(ManifestTree.Manifest m, String kind, String name) {
    return m.kind().equals(kind) && m.name().equals(name);
  }

  /**
   * The field path of a node that starts on {@code line} (1-based). Kustomize sorts keys, so a
   * container's first key ({@code image}) shares its line: a finding about something missing is
   * about the shallowest node there (the container), one about a value about the deepest (the key).
   */
  private static List<Object> pathAt(YamlNode root, int line, boolean deepest) {
    Map<Integer, List<List<Object>>> byLine = new HashMap<>();
    byLine.put(Nodes.line(root), new ArrayList<>(List.of(List.of())));
    index(root, new ArrayList<>(), byLine);
    List<List<Object>> paths = byLine.getOrDefault(line, List.of(List.of()));
    return paths.get(deepest ? paths.size() - 1 : 0);
  }

  /** Each key's line, and each list item's (a block list may start below its key, unindented). */
  private static void index(
      YamlNode node, List<Object> path, Map<Integer, List<List<Object>>> byLine) {
    if (node instanceof YamlNode.Mapping map) {
      for (YamlNode.Entry e : map.entries()) {
        path.add(e.key().value());
        byLine.computeIfAbsent(Nodes.line(e.key()), l -> new ArrayList<>()).add(List.copyOf(path));
        index(e.value(), path, byLine);
        path.remove(path.size() - 1);
      }
    } else if (node instanceof YamlNode.Sequence list) {
      for (int i = 0; i < list.items().size(); i++) {
        path.add(i);
        byLine
            .computeIfAbsent(Nodes.line(list.items().get(i)), l -> new ArrayList<>())
            .add(List.copyOf(path));
        index(list.items().get(i), path, byLine);
        path.remove(path.size() - 1);
      }
    }
  }

  private static List<Step> steps(YamlNode root, List<Object> path) {
    List<Step> steps = new ArrayList<>();
    YamlNode node = root;
    for (Object p : path) {
      if (p instanceof String key && node instanceof YamlNode.Mapping map) {
        steps.add(new Step(key, -1, null));
        node = map.get(key).orElse(null);
      } else if (p instanceof Integer i && node instanceof YamlNode.Sequence list) {
        node = list.items().get(i);
        steps.add(new Step(null, i, Nodes.text(node, "name").orElse(null)));
      } else {
        break;
      }
    }
    return steps;
  }

  private static YamlNode follow(YamlNode root, List<Step> steps) {
    YamlNode node = root;
    for (Step step : steps) {
      node = next(node, step).orElse(null);
    }
    return node;
  }

  private static Found walk(ManifestTree.Manifest source, List<Step> steps) {
    YamlNode node = source.root();
    int line = source.line();
    List<Object> at = new ArrayList<>();
    int depth = 0;
    for (Step step : steps) {
      Optional<YamlNode> next = next(node, step);
      if (next.isEmpty()) {
        break;
      }
      if (step.key() != null) {
        line = Nodes.line(((YamlNode.Mapping) node).entry(step.key()).orElseThrow().key());
        at.add(step.key());
      } else {
        line = Nodes.line(next.get());
        at.add(((YamlNode.Sequence) node).items().indexOf(next.get()));
      }
      node = next.get();
      depth++;
    }
    return new Found(source, depth, node, line, at);
  }

  private static Optional<YamlNode> next(YamlNode node, Step step) {
    if (step.key() != null) {
      return node instanceof YamlNode.Mapping map ? map.get(step.key()) : Optional.empty();
    }
    if (!(node instanceof YamlNode.Sequence list)) {
      return Optional.empty();
    }
    if (step.name() != null) {
      return list.items().stream()
          .filter(i -> step.name().equals(Nodes.text(i, "name").orElse(null)))
          .findFirst();
    }
    return step.index() < list.items().size()
        ? Optional.of(list.items().get(step.index()))
        : Optional.empty();
  }
}
