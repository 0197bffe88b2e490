package dev.gitopscrew.roles.scan;

import dev.gitopscrew.request.Severity;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a scan found in one tree: the findings most severe first, those the repository suppressed,
 * the YAML files that did not parse, and warnings about its settings.
 */
public final class ScanReport {

  private final String commit;
  private final int files;
  private final int objects;
  private final List<Hit> hits;
  private final List<SuppressedFinding> suppressed;
  private final List<ManifestTree.Unreadable> unreadable;
  private final List<String> warnings;

  ScanReport(
      String commit,
      int files,
      int objects,
      List<Hit> hits,
      List<SuppressedFinding> suppressed,
      List<ManifestTree.Unreadable> unreadable,
      List<String> warnings) {
    this.commit = commit;
    this.files = files;
    this.objects = objects;
    this.hits = List.copyOf(hits);
    this.suppressed = List.copyOf(suppressed);
    this.unreadable = List.copyOf(unreadable);
    this.warnings = List.copyOf(warnings);
  }

  public String commit() {
    return commit;
  }

  /** YAML files read. */
  public int files() {
    return files;
  }

  /** Kubernetes objects found. */
  public int objects() {
    return objects;
  }

  public List<ScanFinding> findings() {
    return hits.stream().map(Hit::finding).toList();
  }

  public List<SuppressedFinding> suppressed() {
    return suppressed;
  }

  public List<ManifestTree.Unreadable> unreadable() {
    return unreadable;
  }

  public List<String> warnings() {
    return warnings;
  }

  /** The same report, its findings and suppressions only those at the given lines of files. */
  ScanReport onLines(Map<String, Set<Integer>> lines) {
    return new ScanReport(
        commit,
        files,
        objects,
        hits.stream().filter(h -> at(h.finding(), lines)).toList(),
        suppressed.stream().filter(s -> at(s.finding(), lines)).toList(),
        unreadable.stream().filter(u -> lines.containsKey(u.path())).toList(),
        warnings);
  }

  private static boolean at(ScanFinding f, Map<String, Set<Integer>> lines) {
    return lines.getOrDefault(f.path(), Set.of()).contains(f.line());
  }

  /** The findings the hardening pull request can fix, with their fixes. */
  List<Hit> fixable() {
    return hits.stream().filter(h -> h.fix() != null).toList();
  }

  /** How many findings of each severity, most severe first, zeros included. */
  public Map<Severity, Integer> counts() {
    Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
    for (Severity s : Severity.values()) {
      counts.put(s, 0);
    }
    hits.forEach(h -> counts.merge(h.finding().severity(), 1, Integer::sum));
    return counts;
  }
}
