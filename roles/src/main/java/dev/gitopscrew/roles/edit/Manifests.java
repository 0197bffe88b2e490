package dev.gitopscrew.roles.edit;

import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.request.ObjectRef;
import dev.gitopscrew.roles.yaml.YamlDocuments;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes objects of a repository, found by kind, name and namespace across Kustomize trees
 * and multi-document files. An object's namespace is its own {@code metadata.namespace}, or the
 * {@code namespace} of the kustomization that lists its file.
 */
final class Manifests {

  /** One object: where it is and what it is. */
  record Found(
      String path,
      int document,
      YamlNode.Mapping root,
      String kind,
      String name,
      String namespace) {

    /** {@code k8s/apps/whoami/deployment.yaml:1 (namespace whoami)}. */
    String describe() {
      return path
          + ":"
          + (root.line() + 1)
          + (namespace == null ? "" : " (namespace " + namespace + ")");
    }
  }

  private final RepositoryFiles files;
  private final Map<String, String> kustomizeNamespaces;
  private int searched;

  private Manifests(RepositoryFiles files, Map<String, String> kustomizeNamespaces) {
    this.files = files;
    this.kustomizeNamespaces = kustomizeNamespaces;
  }

  static Manifests of(RepositoryFiles files) {
    return new Manifests(files, kustomizeNamespaces(files));
  }

  /** How many YAML files the last {@link #find} read. */
  int searched() {
    return searched;
  }

  /** Every object the reference names; several means it is ambiguous. */
  List<Found> find(ObjectRef ref) {
    List<Found> found = new ArrayList<>();
    searched = 0;
    for (String path : files.paths()) {
      if (!isYaml(path)) {
        continue;
      }
      searched++;
      String text = files.readText(path).orElse("");
      // most files cannot hold the object: skip them without parsing
      if (!text.contains(ref.name())) {
        continue;
      }
      List<YamlNode> documents;
      try {
        documents = YamlDocuments.parse(text);
      } catch (YamlDocuments.Invalid e) {
        continue;
      }
      for (int d = 0; d < documents.size(); d++) {
        if (documents.get(d) instanceof YamlNode.Mapping root) {
          String kind = text(root, "kind").orElse("");
          String name = root.get("metadata").flatMap(m -> text(m, "name")).orElse(null);
          if (!kind.toLowerCase(Locale.ROOT).equals(ref.kind()) || !ref.name().equals(name)) {
            continue;
          }
          String namespace =
              Optional.ofNullable(kustomizeNamespaces.get(path))
                  .or(() -> root.get("metadata").flatMap(m -> text(m, "namespace")))
                  .orElse(null);
          if (ref.namespace() == null || ref.namespace().equals(namespace)) {
            found.add(new Found(path, d, root, kind, name, namespace));
          }
        }
      }
    }
    return found;
  }

  static boolean isYaml(String path) {
    return path.endsWith(".yaml") || path.endsWith(".yml");
  }

  private static Optional<String> text(YamlNode node, String key) {
    if (node instanceof YamlNode.Mapping m
        && m.get(key).orElse(null) instanceof YamlNode.Scalar s
        && !s.isNull()) {
      return Optional.of(s.value());
    }
    return Optional.empty();
  }

  /**
   * The namespace each file gets from the kustomization that lists it (directly, or through a
   * listed directory).
   */
  private static Map<String, String> kustomizeNamespaces(RepositoryFiles files) {
    Map<String, String> out = new HashMap<>();
    for (String path : files.paths()) {
      String file = Path.of(path).getFileName().toString();
      if (!file.equals("kustomization.yaml") && !file.equals("kustomization.yml")) {
        continue;
      }
      YamlNode.Mapping root;
      try {
        if (!(YamlDocuments.parse(files.readText(path).orElse("")).get(0)
            instanceof YamlNode.Mapping m)) {
          continue;
        }
        root = m;
      } catch (YamlDocuments.Invalid | IndexOutOfBoundsException e) {
        continue;
      }
      Optional<String> namespace = text(root, "namespace");
      if (namespace.isEmpty()
          || !(root.get("resources").orElse(null) instanceof YamlNode.Sequence resources)) {
        continue;
      }
      Path dir = Path.of(path).getParent();
      for (YamlNode item : resources.items()) {
        if (!(item instanceof YamlNode.Scalar s) || s.value().contains("://")) {
          continue;
        }
        String resolved =
            (dir == null ? Path.of(s.value()) : dir.resolve(s.value())).normalize().toString();
        if (files.paths().contains(resolved)) {
          out.putIfAbsent(resolved, namespace.get());
        } else {
          for (String p : files.paths()) {
            if (p.startsWith(resolved + "/") && isYaml(p)) {
              out.putIfAbsent(p, namespace.get());
            }
          }
        }
      }
    }
    return out;
  }
}
