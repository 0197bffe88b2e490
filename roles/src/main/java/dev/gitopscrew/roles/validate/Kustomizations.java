package dev.gitopscrew.roles.validate;

import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.roles.scan.ManifestTree;
import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Every file a kustomization names must be there: resources, bases, components, patches,
 * generators' files. A folder listed as a resource must hold a kustomization. Remote entries
 * ({@code https://...}, {@code github.com/...?ref=}) are Kustomize's business.
 */
final class Kustomizations {

  private static final List<String> FILE_LISTS =
      List.of(
          "resources",
          "bases",
          "components",
          "crds",
          "patchesStrategicMerge",
          "configurations",
          "transformers",
          "generators");
  private static final List<String> FOLDERS_ALLOWED = List.of("resources", "bases", "components");
  private static final List<String> PATH_ITEMS =
      List.of("patches", "patchesJson6902", "replacements");

  /** One entry of a kustomization: the field, the text, and the scalar's line. */
  record Entry(String field, String value, int line) {}

  private Kustomizations() {}

  /**
   * Checks the kustomizations the change edits, and those naming a file the change deletes.
   *
   * @param changed paths added or modified
   * @param deleted paths deleted
   */
  static List<Problem> check(
      ManifestTree tree, RepositoryFiles after, Set<String> changed, Set<String> deleted) {
    Set<String> files = new HashSet<>(after.paths());
    Set<String> folders = new HashSet<>();
    for (String path : after.paths()) {
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        folders.add(path.substring(0, slash));
      }
    }
    List<Problem> problems = new ArrayList<>();
    for (ManifestTree.Kustomization k : tree.kustomizations()) {
      boolean edited = changed.contains(k.path());
      for (Entry entry : entries(k.root())) {
        if (remote(entry.value())) {
          continue;
        }
        Optional<String> resolved = resolve(k.folder(), entry.value());
        if (!edited && (resolved.isEmpty() || !gone(resolved.get(), deleted))) {
          continue;
        }
        String what = entry.field() + " entry '" + entry.value() + "'";
        if (resolved.isEmpty()) {
          problems.add(problem(k, entry, what + " points outside the repository"));
        } else if (files.contains(resolved.get())) {
          continue;
        } else if (folders.contains(resolved.get()) && FOLDERS_ALLOWED.contains(entry.field())) {
          String folder = resolved.get();
          if (!files.contains(folder + "/kustomization.yaml")
              && !files.contains(folder + "/kustomization.yml")
              && !files.contains(folder + "/Kustomization")) {
            problems.add(
                problem(k, entry, what + ": the folder " + folder + " has no kustomization.yaml"));
          }
        } else {
          problems.add(
              problem(
                  k,
                  entry,
                  what
                      + " does not exist"
                      + (deleted.contains(resolved.get()) ? " (this change deletes " : " (")
                      + resolved.get()
                      + ")"));
        }
      }
    }
    return problems;
  }

  /** A broken entry: an error at the entry's line of the kustomization. */
  private static Problem problem(ManifestTree.Kustomization k, Entry entry, String message) {
    return new Problem(Check.KUSTOMIZE.id(), true, k.path(), entry.line(), message);
  }

  private static boolean gone(String resolved, Set<String> deleted) {
    if (deleted.contains(resolved)) {
      return true;
    }
    String prefix = resolved + "/";
    return deleted.stream().anyMatch(d -> d.startsWith(prefix));
  }

  static List<Entry> entries(YamlNode.Mapping root) {
    List<Entry> entries = new ArrayList<>();
    for (String field : FILE_LISTS) {
      for (YamlNode item : Nodes.items(root, field)) {
        // a strategic-merge patch may be inline YAML rather than a file name
        Nodes.text(item)
            .filter(t -> !t.contains("\n"))
            .ifPresent(t -> entries.add(new Entry(field, t, Nodes.line(item))));
      }
    }
    for (String field : PATH_ITEMS) {
      for (YamlNode item : Nodes.items(root, field)) {
        Nodes.at(item, "path")
            .ifPresent(
                p -> Nodes.text(p).ifPresent(t -> entries.add(new Entry(field, t, Nodes.line(p)))));
      }
    }
    for (String generator : List.of("configMapGenerator", "secretGenerator")) {
      for (YamlNode item : Nodes.items(root, generator)) {
        for (YamlNode file : Nodes.items(item, "files")) {
          Nodes.text(file)
              .map(t -> t.contains("=") ? t.substring(t.indexOf('=') + 1) : t)
              .ifPresent(t -> entries.add(new Entry(generator + " files", t, Nodes.line(file))));
        }
        for (YamlNode env : Nodes.items(item, "envs")) {
          Nodes.text(env)
              .ifPresent(t -> entries.add(new Entry(generator + " envs", t, Nodes.line(env))));
        }
      }
    }
    return entries;
  }

  private static boolean remote(String entry) {
    return entry.contains("://")
        || entry.contains("?ref=")
        || entry.startsWith("github.com/")
        || entry.startsWith("gitlab.com/")
        || entry.startsWith("bitbucket.org/")
        || entry.startsWith("git@")
        || entry.startsWith("ssh:");
  }

  /** The repository path an entry names, or empty when it climbs out of the repository. */
  static Optional<String> resolve(String folder, String entry) {
    List<String> parts = new ArrayList<>();
    if (!folder.isEmpty() && !entry.startsWith("/")) {
      parts.addAll(List.of(folder.split("/")));
    }
    for (String part : entry.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          return Optional.empty();
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(part);
      }
    }
    return Optional.of(String.join("/", parts));
  }
}
