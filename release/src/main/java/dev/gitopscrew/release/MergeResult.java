package dev.gitopscrew.release;

/**
 * A pull request merged on the local forge.
 *
 * @param commit the merge commit on the default branch
 * @param already whether it was merged before (nothing changed)
 */
public record MergeResult(
    String repository,
    int pullRequest,
    String branch,
    String into,
    String commit,
    boolean already) {

  public String describe() {
    return already
        ? "pull request #"
            + pullRequest
            + " of "
            + repository
            + " was merged already ("
            + commit
            + ")"
        : "pull request #"
            + pullRequest
            + " of "
            + repository
            + " merged: "
            + branch
            + " -> "
            + into
            + " by merge commit "
            + commit;
  }
}
