package dev.gitopscrew.roles.scan;

import dev.gitopscrew.request.Severity;

/**
 * One problem the scan found: the rule, how bad it is, the file and 1-based line of the offending
 * key (or of the object or container that lacks it), what is wrong, and the fix. A message never
 * quotes the value of a credential.
 *
 * @param object the object as {@code Kind name}, e.g. {@code Deployment whoami}
 * @param namespace the namespace the object lands in, or null when none is known
 * @param fixable whether the hardening pull request makes the fix mechanically
 */
public record ScanFinding(
    String rule,
    Severity severity,
    String path,
    int line,
    String object,
    String namespace,
    String message,
    String fix,
    boolean fixable) {

  /** The same finding reported at {@code path}:{@code line} (a patch, a chart's values). */
  public ScanFinding at(String path, int line, boolean fixable) {
    return new ScanFinding(rule, severity, path, line, object, namespace, message, fix, fixable);
  }

  /** {@code path:line}. */
  public String where() {
    return path + ":" + line;
  }

  /** One line: severity, rule, file:line, the message and the fix. */
  public String describe() {
    return severity.id()
        + " "
        + rule
        + " "
        + where()
        + " "
        + object
        + ": "
        + message
        + " - fix: "
        + fix;
  }
}
