package dev.gitopscrew.roles.validate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the checks found in one change.
 *
 * @param files the paths the change touches
 * @param notes what a check could not judge and why (no required labels configured...)
 * @param skipped the ids of the checks that had nothing to check against
 */
public record ValidationReport(
    String base,
    String head,
    List<String> files,
    List<Problem> problems,
    List<String> notes,
    java.util.Set<String> skipped) {

  public boolean failed() {
    return problems.stream().anyMatch(Problem::error);
  }

  public long errors() {
    return problems.stream().filter(Problem::error).count();
  }

  public long warnings() {
    return problems.size() - errors();
  }

  /** Each check and how it went: {@code passed}, {@code failed} or {@code warnings}. */
  public Map<String, String> checks() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Check check : Check.values()) {
      List<Problem> mine = problems.stream().filter(p -> p.check().equals(check.id())).toList();
      out.put(
          check.id(),
          skipped.contains(check.id())
              ? "skipped"
              : mine.stream().anyMatch(Problem::error)
                  ? "failed"
                  : mine.isEmpty() ? "passed" : "passed with warnings");
    }
    return out;
  }

  /** {@code 2 errors, 1 warning} or {@code 7 checks passed}. */
  public String summary() {
    if (problems.isEmpty()) {
      return (Check.values().length - skipped.size()) + " checks passed";
    }
    List<String> parts = new ArrayList<>();
    if (errors() > 0) {
      parts.add(errors() + (errors() == 1 ? " error" : " errors"));
    }
    if (warnings() > 0) {
      parts.add(warnings() + (warnings() == 1 ? " warning" : " warnings"));
    }
    return String.join(", ", parts);
  }

  /** The report as a pull request comment. */
  public String markdown() {
    StringBuilder md = new StringBuilder();
    md.append("### Pre-merge validation: ")
        .append(failed() ? "failed" : "passed")
        .append(" (")
        .append(summary())
        .append(")\n\n`")
        .append(head)
        .append("` against `")
        .append(base)
        .append("`, ")
        .append(files.size())
        .append(files.size() == 1 ? " file" : " files")
        .append(" changed.\n\n| check | result |\n|---|---|\n");
    Map<String, String> checks = checks();
    for (Check check : Check.values()) {
      md.append("| ")
          .append(check.title())
          .append(" | ")
          .append(checks.get(check.id()))
          .append(" |\n");
    }
    for (boolean errors : new boolean[] {true, false}) {
      List<Problem> list = problems.stream().filter(p -> p.error() == errors).toList();
      if (!list.isEmpty()) {
        md.append("\n**").append(errors ? "Errors" : "Warnings").append("**\n\n");
        list.forEach(
            p ->
                md.append("- `")
                    .append(p.where())
                    .append("` ")
                    .append(p.check())
                    .append(": ")
                    .append(p.message().replace("\n", " "))
                    .append('\n'));
      }
    }
    notes.forEach(n -> md.append("\n_").append(n).append("_\n"));
    md.append("\nThis comment is updated on every validation of the pull request.");
    return md.toString();
  }
}
