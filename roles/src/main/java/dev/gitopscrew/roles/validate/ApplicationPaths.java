package dev.gitopscrew.roles.validate;

import dev.gitopscrew.git.RepositoryFiles;
import dev.gitopscrew.roles.scan.ManifestTree;
import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Each Argo CD Application that points back at this repository must name a folder that exists. This
 * repository is known by its remotes' addresses, and by the address of any Application here whose
 * path does exist (an app-of-apps names its own repository).
 */
final class ApplicationPaths {

  private record Source(ManifestTree.Manifest app, String url, YamlNode path, String text) {}

  private ApplicationPaths() {}

  static List<Problem> check(
      ManifestTree after,
      RepositoryFiles afterFiles,
      RepositoryFiles beforeFiles,
      Set<String> changed,
      Set<String> urls) {
    Set<String> folders = folders(afterFiles);
    Set<String> foldersBefore = folders(beforeFiles);
    List<Source> sources = new ArrayList<>();
    for (ManifestTree.Manifest m : after.manifests()) {
      if (!m.kind().equals("Application") || !m.apiVersion().startsWith("argoproj.io/")) {
        continue;
      }
      List<YamlNode> list = new ArrayList<>(Nodes.items(m.root(), "spec", "sources"));
      Nodes.at(m.root(), "spec", "source").ifPresent(list::add);
      for (YamlNode source : list) {
        Optional<YamlNode> path = Nodes.at(source, "path");
        Optional<String> text = path.flatMap(Nodes::text);
        if (text.isPresent() && Nodes.text(source, "chart").isEmpty()) {
          String url = Nodes.text(source, "repoURL").map(ApplicationPaths::normalise).orElse("");
          sources.add(new Source(m, url, path.get(), folder(text.get())));
        }
      }
    }
    Set<String> ours = new HashSet<>();
    urls.forEach(u -> ours.add(normalise(u)));
    sources.stream().filter(s -> exists(s.text(), folders)).forEach(s -> ours.add(s.url()));
    List<Problem> problems = new ArrayList<>();
    for (Source s : sources) {
      boolean relevant =
          changed.contains(s.app().path())
              || (exists(s.text(), foldersBefore) && !exists(s.text(), folders));
      if (relevant && ours.contains(s.url()) && !exists(s.text(), folders)) {
        problems.add(
            new Problem(
                Check.ARGOCD_PATHS.id(),
                true,
                s.app().path(),
                Nodes.line(s.path()),
                "Application "
                    + s.app().name()
                    + ": source path "
                    + s.text()
                    + " does not exist in this repository"));
      }
    }
    return problems;
  }

  private static boolean exists(String folder, Set<String> folders) {
    return folder.isEmpty() || folders.contains(folder);
  }

  private static String folder(String path) {
    String p = path.strip().replaceAll("^\\./", "").replaceAll("/+$", "");
    return p.equals(".") ? "" : p;
  }

  private static Set<String> folders(RepositoryFiles files) {
    Set<String> folders = new HashSet<>();
    for (String path : files.paths()) {
      for (int slash = path.indexOf('/'); slash > 0; slash = path.indexOf('/', slash + 1)) {
        folders.add(path.substring(0, slash));
      }
    }
    return folders;
  }

  /** {@code git@github.com:Ada/homelab.git} and {@code https://github.com/ada/homelab} alike. */
  static String normalise(String url) {
    String u = url.strip().toLowerCase(Locale.ROOT);
    u = u.replaceFirst("^[a-z+]+://", "");
    u = u.replaceFirst("^[^@/]+@", "");
    u = u.replaceFirst("^([^/:]+):(?![0-9]+/)", "$1/");
    return u.replaceAll("/+$", "").replaceAll("\\.git$", "");
  }
}
