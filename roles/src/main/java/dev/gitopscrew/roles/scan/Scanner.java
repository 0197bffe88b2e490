package dev.gitopscrew.roles.scan;

import dev.gitopscrew.roles.yaml.Nodes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The scan of one tree: every rule on every object, then the namespace-wide rules, then the
 * suppressions of the objects' annotations and of {@code .gitops-crew.yaml}.
 */
public final class Scanner {

  /** The annotation that suppresses rules on one object: {@code rule-a,rule-b: reason}. */
  public static final String IGNORE_ANNOTATION = "gitops-crew.dev/ignore";

  private static final Comparator<Hit> ORDER =
      Comparator.comparing((Hit h) -> h.finding().severity())
          .thenComparing(h -> h.finding().path())
          .thenComparingInt(h -> h.finding().line())
          .thenComparing(h -> h.finding().rule());

  private Scanner() {}

  /**
   * Scans the whole tree, reporting the findings in files under {@code under} (every file when
   * null): the rest of the tree still gives the context (bindings, policies, Applications).
   */
  public static ScanReport scan(ManifestTree tree, String under) {
    return scan(tree, under, Kustomize.onPath());
  }

  /**
   * As {@link #scan(ManifestTree, String)}, rendering Kustomize overlays with {@code kustomize}.
   */
  public static ScanReport scan(ManifestTree tree, String under, Kustomize kustomize) {
    RepoSettings settings = RepoSettings.read(tree.files());
    Renders renders = Renders.of(tree, kustomize);
    List<ManifestTree.Manifest> judged = renders.judged();
    Context context = new Context(tree, judged);
    Collector out = new Collector();
    PodChecks pods = new PodChecks(context, out);
    RbacChecks rbac = new RbacChecks(context, out);
    CredentialChecks credentials = new CredentialChecks(out);
    HelmChecks helm = new HelmChecks(tree, out);
    for (ManifestTree.Manifest m : judged) {
      pods.check(m);
      rbac.check(m);
      credentials.check(m);
      helm.check(m);
    }
    namespaces(tree, judged, context, out);
    Map<String, ManifestTree.Manifest> namespaceObjects = new HashMap<>();
    judged.stream()
        .filter(m -> m.kind().equals("Namespace"))
        .forEach(m -> namespaceObjects.putIfAbsent(m.name(), m));
    List<Hit> kept = new ArrayList<>();
    List<SuppressedFinding> suppressed = new ArrayList<>();
    List<String> warnings = new ArrayList<>(settings.warnings());
    warnings.addAll(renders.warnings());
    Set<String> seen = new HashSet<>();
    for (Hit rendered : out.hits()) {
      Hit hit = renders.locate(rendered);
      // two overlays of one base find the same thing in it once
      if (!inside(hit.finding().path(), under) || !seen.add(hit.finding().describe())) {
        continue;
      }
      if (hit.lacking() && tree.isPatch(hit.manifest().path())) {
        continue; // a patch sets only what it changes; the base it merges onto has the rest
      }
      Optional<SuppressedFinding> why = suppression(hit, settings, namespaceObjects, warnings);
      if (why.isPresent()) {
        suppressed.add(why.get());
      } else {
        kept.add(hit);
      }
    }
    kept.sort(ORDER);
    suppressed.sort(
        Comparator.comparing((SuppressedFinding s) -> s.finding().path())
            .thenComparingInt(s -> s.finding().line()));
    return new ScanReport(
        tree.files().commit(),
        tree.yamlFiles(),
        tree.manifests().size(),
        kept,
        suppressed,
        tree.unreadable().stream().filter(u -> inside(u.path(), under)).toList(),
        warnings.stream().distinct().toList());
  }

  /** Whether the object runs pods: a Deployment, StatefulSet, CronJob, Pod... */
  public static boolean isWorkload(ManifestTree.Manifest m) {
    return PodChecks.isWorkload(m);
  }

  static boolean inside(String path, String under) {
    return under == null || path.equals(under) || path.startsWith(under + "/");
  }

  /** Workloads in the default namespace; namespaces with workloads and no NetworkPolicy. */
  private static void namespaces(
      ManifestTree tree, List<ManifestTree.Manifest> judged, Context context, Collector out) {
    Map<String, List<ManifestTree.Manifest>> byNamespace = new LinkedHashMap<>();
    for (ManifestTree.Manifest m : judged) {
      if (!PodChecks.isWorkload(m) || tree.isPatch(m.path())) {
        continue;
      }
      String namespace = m.namespace() == null ? "default" : m.namespace();
      byNamespace.computeIfAbsent(namespace, n -> new ArrayList<>()).add(m);
      if (namespace.equals("default")) {
        int line =
            m.namespaceKey() != null
                ? Nodes.line(m.namespaceKey().key())
                : Nodes.entry(m.root(), "metadata").map(e -> Nodes.line(e.key())).orElse(m.line());
        out.add(
            Rule.DEFAULT_NAMESPACE,
            m,
            line,
            m.namespace() == null
                ? "no namespace is set by the object, a kustomization or an Argo CD Application:"
                    + " it lands in default"
                : "it runs in the default namespace");
      }
    }
    byNamespace.forEach(
        (namespace, workloads) -> {
          if (context.networkPolicyCovers(namespace)) {
            return;
          }
          ManifestTree.Manifest first = workloads.get(0);
          out.addAbout(
              Rule.MISSING_NETWORK_POLICY,
              first,
              first.line(),
              "Namespace " + namespace,
              "namespace "
                  + namespace
                  + " runs "
                  + workloads.size()
                  + (workloads.size() == 1 ? " workload" : " workloads")
                  + " and no NetworkPolicy here limits their traffic");
        });
  }

  private static Optional<SuppressedFinding> suppression(
      Hit hit,
      RepoSettings settings,
      Map<String, ManifestTree.Manifest> namespaceObjects,
      List<String> warnings) {
    ScanFinding f = hit.finding();
    List<ManifestTree.Manifest> annotated = new ArrayList<>();
    annotated.add(hit.manifest());
    if (f.rule().equals(Rule.MISSING_NETWORK_POLICY.id()) && f.namespace() != null) {
      Optional.ofNullable(namespaceObjects.get(f.namespace())).ifPresent(annotated::add);
    }
    for (ManifestTree.Manifest m : annotated) {
      Optional<String> value = m.annotation(IGNORE_ANNOTATION);
      if (value.isEmpty()) {
        continue;
      }
      int colon = value.get().indexOf(':');
      String ids = colon < 0 ? value.get() : value.get().substring(0, colon);
      String reason = colon < 0 ? null : value.get().substring(colon + 1).strip();
      for (String id : ids.split(",")) {
        String rule = id.strip();
        if (Rule.byId(rule).isEmpty() && !rule.isEmpty()) {
          warnings.add(
              m.path()
                  + ":"
                  + m.line()
                  + " "
                  + m.label()
                  + ": unknown rule '"
                  + rule
                  + "' in "
                  + IGNORE_ANNOTATION);
        }
        if (rule.equals(f.rule())) {
          return Optional.of(
              new SuppressedFinding(
                  f,
                  reason == null || reason.isEmpty() ? null : reason,
                  IGNORE_ANNOTATION + " on " + m.label()));
        }
      }
    }
    for (RepoSettings.Ignore ignore : settings.ignores()) {
      if (ignore.matches(f)) {
        return Optional.of(new SuppressedFinding(f, ignore.reason(), ignore.source()));
      }
    }
    return Optional.empty();
  }
}
