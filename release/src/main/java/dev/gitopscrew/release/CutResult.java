package dev.gitopscrew.release;

import java.util.List;

/**
 * What a cut did: the plan it carried out and one line per change; no changes means the release
 * needed none (nothing to release, or everything done already).
 *
 * @param dryRun whether this was a dry run, which changes nothing and shows the plan
 */
public record CutResult(Plan plan, List<String> changes, boolean dryRun) {

  public CutResult {
    changes = List.copyOf(changes);
  }

  public String describe() {
    if (dryRun) {
      return "dry run, nothing written; the cut would do the steps marked todo:\n"
          + plan.describe();
    }
    if (changes.isEmpty()) {
      String why =
          switch (plan.status()) {
            case NOTHING_TO_RELEASE -> plan.reason();
            case RELEASED -> "release " + plan.version() + " is done";
            default -> plan.headline();
          };
      return "nothing changed: " + why;
    }
    return "release "
        + plan.version()
        + " of "
        + plan.repository()
        + (plan.status() == Plan.Status.CONTINUING ? " finished (it was tagged before):" : " cut:")
        + "\n- "
        + String.join("\n- ", changes)
        + "\n"
        + plan.summary();
  }
}
