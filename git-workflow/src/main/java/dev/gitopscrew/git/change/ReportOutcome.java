package dev.gitopscrew.git.change;

/**
 * What keeping a report current did.
 *
 * @param ref the issue or pull request the report is on, or null when there is none
 * @param detail one line for the user (what a dry run would do, why it failed, the status set)
 */
public record ReportOutcome(Action action, ChangeOutcome.Ref ref, String detail) {

  public enum Action {
    /** a new issue or comment */
    OPENED,
    UPDATED,
    /** the report already said exactly this */
    UNCHANGED,
    /** nothing was left to report: the issue was closed */
    CLOSED,
    /** nothing to report and nothing open */
    NOTHING,
    /** a dry run: nothing written */
    PREVIEWED,
    FAILED
  }

  /** One line: {@code issue #12 local://demo/issues/12 (updated)}. */
  public String describe(String what) {
    return switch (action) {
      case NOTHING -> "no " + what + " open and nothing to report";
      case PREVIEWED -> what + ": dry run: " + detail;
      case FAILED -> what + " not kept current: " + detail;
      default ->
          what
              + " #"
              + ref.number()
              + " "
              + ref.url()
              + " ("
              + action.name().toLowerCase(java.util.Locale.ROOT)
              + ")"
              + (detail == null ? "" : "; " + detail);
    };
  }
}
