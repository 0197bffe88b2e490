package dev.gitopscrew.roles.scan;

import java.util.ArrayList;
import java.util.List;

/** Where the checks put what they find. */
final class Collector {

  private final List<Hit> hits = new ArrayList<>();

  void add(Rule rule, ManifestTree.Manifest m, int line, String message) {
    add(rule, m, line, message, (Fix) null);
  }

  void add(Rule rule, ManifestTree.Manifest m, int line, String message, Fix fix) {
    add(rule, m, line, m.label(), message, fix, false);
  }

  /** A finding about something the object does not set (a probe, a limit, a flag). */
  void lacks(Rule rule, ManifestTree.Manifest m, int line, String message) {
    lacks(rule, m, line, message, null);
  }

  void lacks(Rule rule, ManifestTree.Manifest m, int line, String message, Fix fix) {
    add(rule, m, line, m.label(), message, fix, true);
  }

  /** A finding whose fix names exactly what is missing (one limit, not both). */
  void lacksWithFix(Rule rule, ManifestTree.Manifest m, int line, String message, String fix) {
    hits.add(new Hit(finding(rule, m, line, m.label(), message, fix, false), m, null, true));
  }

  /** A finding whose fix is not the rule's usual one (on a ServiceAccount, not a pod). */
  void addWithFix(Rule rule, ManifestTree.Manifest m, int line, String message, String fix) {
    hits.add(new Hit(finding(rule, m, line, m.label(), message, fix, false), m, null, false));
  }

  /** A finding in another file than the object's: a Helm chart's values.yaml. */
  void addIn(Rule rule, ManifestTree.Manifest m, String path, int line, String message) {
    ScanFinding f = finding(rule, m, line, m.label(), message, rule.fix(), false);
    hits.add(new Hit(f.at(path, line, false), m, null, false));
  }

  /** A finding about something other than the object itself (its namespace). */
  void addAbout(Rule rule, ManifestTree.Manifest m, int line, String object, String message) {
    add(rule, m, line, object, message, null, true);
  }

  private void add(
      Rule rule,
      ManifestTree.Manifest m,
      int line,
      String object,
      String message,
      Fix fix,
      boolean lacking) {
    hits.add(
        new Hit(finding(rule, m, line, object, message, rule.fix(), fix != null), m, fix, lacking));
  }

  private static ScanFinding finding(
      Rule rule,
      ManifestTree.Manifest m,
      int line,
      String object,
      String message,
      String fix,
      boolean fixable) {
    return new ScanFinding(
        rule.id(), rule.severity(), m.path(), line, object, m.namespace(), message, fix, fixable);
  }

  List<Hit> hits() {
    return hits;
  }
}
