package dev.gitopscrew.git.change;

import java.util.List;

/** How a change ended: a pull request, a merge conflict to resolve, or a failure at one step. */
public sealed interface ChangeOutcome {

  /** The issue, branch, commit and pull request the change made (or found from a retry). */
  record Completed(
      Ref issue, String branch, String commit, Ref pullRequest, boolean pullRequestCreated)
      implements ChangeOutcome {}

  /** Merging the default branch stopped on these files; the branch was not pushed. */
  record Conflicted(Ref issue, String branch, List<String> files) implements ChangeOutcome {}

  /**
   * A dry run: nothing was written. {@code issue} says which issue would be adopted or created,
   * {@code branch} where the commit would go, {@code steps} each write the workflow would make.
   */
  record Previewed(String issue, String branch, List<String> files, List<String> steps)
      implements ChangeOutcome {}

  /** A step failed; {@code reason} is safe to show (no secrets). */
  record Failed(String step, String reason) implements ChangeOutcome {}

  /** A forge object by number and address. */
  record Ref(int number, String url) {}

  /** One line per artifact, for the CLI and chat replies. */
  default String describe() {
    if (this instanceof Completed c) {
      return "issue #"
          + c.issue().number()
          + " "
          + c.issue().url()
          + "\nbranch "
          + c.branch()
          + "\ncommit "
          + c.commit()
          + "\npull request #"
          + c.pullRequest().number()
          + " "
          + c.pullRequest().url()
          + (c.pullRequestCreated() ? " (opened)" : " (updated)");
    }
    if (this instanceof Conflicted c) {
      return "issue #"
          + c.issue().number()
          + "\nbranch "
          + c.branch()
          + " not pushed: merging the default branch conflicts in "
          + String.join(", ", c.files());
    }
    if (this instanceof Previewed p) {
      return "dry run, nothing written; it would:\n- " + String.join("\n- ", p.steps());
    }
    Failed f = (Failed) this;
    return f.step() + " failed: " + f.reason();
  }
}
