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
        new Hit(
            new ScanFinding(
                rule.id(),
                rule.severity(),
                m.path(),
                line,
                object,
                m.namespace(),
                message,
                rule.fix(),
                fix != null),
            m,
            fix,
            lacking));
  }

  List<Hit> hits() {
    return hits;
  }
}
