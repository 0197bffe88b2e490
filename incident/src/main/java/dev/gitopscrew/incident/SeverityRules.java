package dev.gitopscrew.incident;

import java.util.List;
import java.util.regex.Pattern;

/**
 * How bad an incident is, SEV-1 (worst) to SEV-4, by declared rules: the first rule whose
 * conditions all match decides. The built-in rules come last; operators put their own first (an app
 * that must never be down gets SEV-1).
 */
public final class SeverityRules {

  /**
   * One rule; null or empty conditions match anything.
   *
   * @param app a regular expression the application name must match
   * @param health Argo CD health states
   * @param findings triage patterns, any of which must be present
   */
  public record Rule(String app, List<String> health, List<String> findings, String severity) {
    public Rule {
      health = health == null ? List.of() : List.copyOf(health);
      findings = findings == null ? List.of() : List.copyOf(findings);
      if (!List.of("SEV-1", "SEV-2", "SEV-3", "SEV-4").contains(severity)) {
        throw new IllegalArgumentException("severity must be SEV-1 to SEV-4, got " + severity);
      }
    }

    boolean matches(AppStatus status, List<Finding> found) {
      return (app == null || Pattern.matches(app, status.name()))
          && (health.isEmpty() || health.contains(status.health()))
          && (findings.isEmpty() || found.stream().anyMatch(f -> findings.contains(f.pattern())));
    }
  }

  public static final List<Rule> BUILT_IN =
      List.of(
          new Rule(null, List.of("Missing"), List.of(), "SEV-1"),
          new Rule(
              null,
              List.of("Degraded"),
              List.of("crash-loop", "image-pull", "config-error", "oom-killed", "unschedulable"),
              "SEV-2"),
          new Rule(null, List.of("Degraded"), List.of(), "SEV-2"),
          new Rule(null, List.of(), List.of("sync-failed", "progress-deadline"), "SEV-3"),
          new Rule(null, List.of(), List.of(), "SEV-4"));

  private final List<Rule> rules;

  /** The operator's rules, then the built-in ones. */
  public SeverityRules(List<Rule> declared) {
    this.rules = new java.util.ArrayList<>(declared);
    this.rules.addAll(BUILT_IN);
  }

  public String of(AppStatus status, List<Finding> findings) {
    return rules.stream()
        .filter(r -> r.matches(status, findings))
        .findFirst()
        .map(Rule::severity)
        .orElse("SEV-4");
  }
}
