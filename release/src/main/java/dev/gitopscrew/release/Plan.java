package dev.gitopscrew.release;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The next release of a repository as {@code release plan} shows it and {@code release cut} carries
 * it out: the version and why, the pull requests counted and ignored (each with the reason), what
 * blocks it, and each step of the cut with whether it is done already.
 *
 * @param version the tag to cut ({@code v1.4.0}); null when there is nothing to release
 * @param previous the release before it; null for the first release
 * @param commit the commit the tag points (or will point) at
 * @param milestone the milestone's title now; null when the cut creates it
 */
public record Plan(
    String repository,
    String forge,
    Status status,
    String version,
    String previous,
    String commit,
    String reason,
    String milestone,
    List<Pr> counted,
    List<Pr> ignored,
    List<Pr> blockers,
    List<Step> steps) {

  public Plan {
    counted = List.copyOf(counted);
    ignored = List.copyOf(ignored);
    blockers = List.copyOf(blockers);
    steps = List.copyOf(steps);
  }

  public enum Status {
    /** A new release is ready to cut. */
    READY,
    /** The tag exists on the default branch; the cut finishes the remaining steps. */
    CONTINUING,
    /** Every step of this release is done. */
    RELEASED,
    /** Nothing was merged since the previous release. */
    NOTHING_TO_RELEASE,
    /** Open issues remain, or the tag exists off the default branch. */
    BLOCKED
  }

  /**
   * A pull request (or, among blockers, an issue) and why it counts, or not.
   *
   * @param mergedAt when it was merged; null for an issue, or when the forge does not say
   */
  public record Pr(int number, String title, String url, String why, java.time.Instant mergedAt) {}

  /** One step of the cut: {@code milestone}, {@code assign}, {@code tag}, ... */
  public record Step(String name, boolean done, String what) {}

  public List<Step> todo() {
    return steps.stream().filter(s -> !s.done()).toList();
  }

  /** Several lines for people: headline, reason, pull requests, blockers, steps. */
  public String describe() {
    StringBuilder out = new StringBuilder(headline()).append('\n');
    content(out);
    if (!steps.isEmpty()) {
      out.append("Steps:\n");
      for (Step s : steps) {
        out.append("  [")
            .append(s.done() ? "done" : "todo")
            .append("] ")
            .append(s.name())
            .append(": ")
            .append(s.what())
            .append('\n');
      }
    }
    return out.toString().stripTrailing();
  }

  /** Why this version and the pull requests, as a cut reports them after its changes. */
  public String summary() {
    StringBuilder out = new StringBuilder("  reason: ").append(reason).append('\n');
    section(out, "Counted", counted);
    section(out, "Ignored", ignored);
    return out.toString().stripTrailing();
  }

  private void content(StringBuilder out) {
    out.append("  reason: ").append(reason).append('\n');
    if (version != null) {
      out.append("  previous release: ")
          .append(previous == null ? "none (first release)" : previous)
          .append('\n');
      out.append("  milestone: ")
          .append(milestone == null ? "none yet (the cut creates " + version + ")" : milestone)
          .append('\n');
    }
    section(out, "Blocking", blockers);
    section(out, "Counted", counted);
    section(out, "Ignored", ignored);
  }

  public String headline() {
    return switch (status) {
      case READY -> "release " + version + " of " + repository + " is ready to cut";
      case CONTINUING ->
          "release "
              + version
              + " of "
              + repository
              + " is tagged; the cut finishes "
              + todo().stream().map(Step::name).collect(Collectors.joining(", "));
      case RELEASED -> "release " + version + " of " + repository + " is done; nothing to do";
      case NOTHING_TO_RELEASE -> "nothing to release in " + repository;
      case BLOCKED ->
          "release " + (version == null ? "" : version + " ") + "of " + repository + " is blocked";
    };
  }

  private static void section(StringBuilder out, String title, List<Pr> prs) {
    if (prs.isEmpty()) {
      return;
    }
    out.append(title).append(" (").append(prs.size()).append("):\n");
    for (Pr p : prs) {
      out.append("  #").append(p.number()).append(' ').append(p.title());
      out.append("  - ").append(p.why()).append('\n');
    }
  }
}
