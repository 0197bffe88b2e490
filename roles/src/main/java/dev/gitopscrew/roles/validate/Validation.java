package dev.gitopscrew.roles.validate;

import dev.gitopscrew.git.ChangedFiles;
import dev.gitopscrew.git.ChangedFiles.FileChange;
import dev.gitopscrew.request.Severity;
import dev.gitopscrew.roles.scan.Credentials;
import dev.gitopscrew.roles.scan.ManifestTree;
import dev.gitopscrew.roles.scan.RepoSettings;
import dev.gitopscrew.roles.scan.Rule;
import dev.gitopscrew.roles.scan.ScanFinding;
import dev.gitopscrew.roles.scan.ScanReport;
import dev.gitopscrew.roles.scan.Scanner;
import dev.gitopscrew.roles.yaml.Nodes;
import dev.gitopscrew.roles.yaml.YamlDocuments;
import dev.gitopscrew.roles.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * qa-tester's pre-merge checks of one change, each with file:line: the changed YAML parses, every
 * Kustomize entry exists, Argo CD source paths exist, namespaces exist or are created, required
 * labels are set, no secret is added, and the scan's rules pass on the changed objects (high and
 * critical findings fail, the rest warn).
 */
public final class Validation {

  /** Rules whose findings are secrets; they are reported by the secrets check. */
  private static final Set<String> SECRET_RULES =
      Set.of(
          Rule.SECRET_IN_GIT.id(),
          Rule.CREDENTIALS_IN_ENV.id(),
          Rule.CREDENTIALS_IN_CONFIGMAP.id(),
          Rule.CREDENTIALS_IN_HELM_VALUES.id());

  private static final Set<String> KNOWN_NAMESPACES =
      Set.of("default", "kube-system", "kube-public", "kube-node-lease", "argocd");

  private Validation() {}

  public static ValidationReport run(ChangedFiles change) {
    Set<String> changed = new LinkedHashSet<>();
    Set<String> deleted = new HashSet<>();
    Map<String, Set<Integer>> added = new HashMap<>();
    for (FileChange c : change.changes()) {
      if (c.kind() == FileChange.Kind.DELETED) {
        deleted.add(c.path());
      } else {
        changed.add(c.path());
        added.put(c.path(), new HashSet<>(c.addedLines()));
      }
    }
    ManifestTree after = ManifestTree.read(change.after());
    RepoSettings settings = RepoSettings.read(change.after());
    List<Problem> problems = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    for (String path : changed) {
      if ((ManifestTree.isYaml(path) || ManifestTree.isKustomization(path))
          && !after.inChart(path)) {
        try {
          YamlDocuments.parse(change.after().readText(path).orElse(""));
        } catch (YamlDocuments.Invalid e) {
          problems.add(
              new Problem(
                  Check.YAML.id(), true, path, e.line(), "does not parse: " + e.getMessage()));
        }
      }
    }
    problems.addAll(Kustomizations.check(after, change.after(), changed, deleted));
    problems.addAll(
        ApplicationPaths.check(after, change.after(), change.before(), changed, change.urls()));
    List<ManifestTree.Manifest> objects = changedObjects(after, change, changed);
    namespaces(after, objects, settings, problems);
    if (settings.requiredLabels().isEmpty()) {
      notes.add("no labels are required: set validate.requiredLabels in " + RepoSettings.FILE);
    } else {
      labels(after, objects, settings.requiredLabels(), problems);
    }
    secrets(change, changed, added, problems);
    scan(after, objects, added, problems);
    settings.warnings().forEach(w -> notes.add(w));
    return new ValidationReport(
        change.base(),
        change.head(),
        change.changes().stream().map(FileChange::path).toList(),
        problems,
        notes,
        settings.requiredLabels().isEmpty() ? Set.of(Check.LABELS.id()) : Set.of());
  }

  /** The objects of changed files that are new or differ from the base, by file, kind and name. */
  private static List<ManifestTree.Manifest> changedObjects(
      ManifestTree after, ChangedFiles change, Set<String> changed) {
    Map<String, String> before = new HashMap<>();
    ManifestTree old = ManifestTree.read(new OnlyFiles(change.before(), changed));
    for (ManifestTree.Manifest m : old.manifests()) {
      before.put(key(m), text(change.before().readText(m.path()).orElse(""), m.root()));
    }
    List<ManifestTree.Manifest> out = new ArrayList<>();
    for (ManifestTree.Manifest m : after.manifests()) {
      if (changed.contains(m.path())) {
        String now = text(change.after().readText(m.path()).orElse(""), m.root());
        if (!now.equals(before.get(key(m)))) {
          out.add(m);
        }
      }
    }
    return out;
  }

  private static String key(ManifestTree.Manifest m) {
    return m.path() + "|" + m.kind() + "|" + m.name();
  }

  private static String text(String file, YamlNode root) {
    return file.substring(
        Math.min(root.start(), file.length()), Math.min(root.end(), file.length()));
  }

  private static void namespaces(
      ManifestTree after,
      List<ManifestTree.Manifest> objects,
      RepoSettings settings,
      List<Problem> problems) {
    Set<String> known = new HashSet<>(KNOWN_NAMESPACES);
    known.addAll(settings.namespaces());
    for (ManifestTree.Manifest m : after.manifests()) {
      if (m.kind().equals("Namespace")) {
        known.add(m.name());
      }
      boolean creates =
          Nodes.items(m.root(), "spec", "syncPolicy", "syncOptions").stream()
              .anyMatch(o -> Nodes.text(o).orElse("").equals("CreateNamespace=true"));
      if (m.kind().equals("Application") && creates) {
        Nodes.text(m.root(), "spec", "destination", "namespace").ifPresent(known::add);
      }
    }
    for (ManifestTree.Manifest m : objects) {
      if (m.namespace() != null && !known.contains(m.namespace())) {
        problems.add(
            new Problem(
                Check.NAMESPACES.id(),
                true,
                m.path(),
                m.namespaceKey() != null ? Nodes.line(m.namespaceKey().key()) : m.line(),
                m.label()
                    + ": namespace "
                    + m.namespace()
                    + " is not created here (no Namespace, no Application with"
                    + " CreateNamespace=true) nor listed in validate.namespaces of "
                    + RepoSettings.FILE));
      }
    }
  }

  private static void labels(
      ManifestTree after,
      List<ManifestTree.Manifest> objects,
      List<String> required,
      List<Problem> problems) {
    for (ManifestTree.Manifest m : objects) {
      if (!Scanner.isWorkload(m)) {
        continue;
      }
      Set<String> present = new HashSet<>();
      Nodes.mapping(m.root(), "metadata", "labels")
          .ifPresent(l -> l.entries().forEach(e -> present.add(e.key().value())));
      for (ManifestTree.Kustomization k : after.listing(m.path())) {
        Nodes.mapping(k.root(), "commonLabels")
            .ifPresent(l -> l.entries().forEach(e -> present.add(e.key().value())));
        for (YamlNode item : Nodes.items(k.root(), "labels")) {
          Nodes.mapping(item, "pairs")
              .ifPresent(l -> l.entries().forEach(e -> present.add(e.key().value())));
        }
      }
      List<String> missing = required.stream().filter(l -> !present.contains(l)).toList();
      if (!missing.isEmpty()) {
        problems.add(
            new Problem(
                Check.LABELS.id(),
                true,
                m.path(),
                Nodes.entry(m.root(), "metadata").map(e -> Nodes.line(e.key())).orElse(m.line()),
                m.label()
                    + " lacks the required label"
                    + (missing.size() == 1 ? " " : "s ")
                    + String.join(", ", missing)));
      }
    }
  }

  /** Token and key shapes on the lines the change adds, in any file. */
  private static void secrets(
      ChangedFiles change,
      Set<String> changed,
      Map<String, Set<Integer>> added,
      List<Problem> problems) {
    for (String path : changed) {
      Set<Integer> lines = added.get(path);
      if (lines.isEmpty()) {
        continue;
      }
      String[] text = change.after().readText(path).orElse("").split("\n", -1);
      for (int i = 0; i < text.length; i++) {
        if (lines.contains(i + 1)) {
          final int line = i + 1;
          Credentials.shapeOf(text[i])
              .ifPresent(
                  shape ->
                      problems.add(
                          new Problem(
                              Check.SECRETS.id(),
                              true,
                              path,
                              line,
                              "adds " + shape + " to the repository")));
        }
      }
    }
  }

  /** The scan's findings on the changed objects; secrets go to the secrets check. */
  private static void scan(
      ManifestTree after,
      List<ManifestTree.Manifest> objects,
      Map<String, Set<Integer>> added,
      List<Problem> problems) {
    Set<String> labels = new HashSet<>();
    Set<String> namespaces = new HashSet<>();
    for (ManifestTree.Manifest m : objects) {
      labels.add(m.path() + "|" + m.label());
      if (Scanner.isWorkload(m)) {
        namespaces.add(m.namespace() == null ? "default" : m.namespace());
      }
    }
    ScanReport report = Scanner.scan(after, null);
    for (ScanFinding f : report.findings()) {
      boolean ours =
          labels.contains(f.path() + "|" + f.object())
              || (f.rule().equals(Rule.MISSING_NETWORK_POLICY.id())
                  && namespaces.contains(f.namespace() == null ? "default" : f.namespace()));
      if (!ours) {
        continue;
      }
      boolean secret = SECRET_RULES.contains(f.rule());
      problems.add(
          new Problem(
              secret ? Check.SECRETS.id() : Check.SCAN.id(),
              secret || f.severity().atLeast(Severity.HIGH),
              f.path(),
              f.line(),
              f.severity().id()
                  + " "
                  + f.rule()
                  + " "
                  + f.object()
                  + ": "
                  + f.message()
                  + " - fix: "
                  + f.fix()));
    }
  }
}
