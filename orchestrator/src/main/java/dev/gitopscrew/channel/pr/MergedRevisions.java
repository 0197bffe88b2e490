package dev.gitopscrew.channel.pr;

import dev.gitopscrew.intake.RequestOutcome;

/**
 * Revisions that are merges of pull requests the crew followed: when Argo CD reports one deployed,
 * the verification runs to its end and its result goes back to the pull request.
 */
public interface MergedRevisions {

  /** Follows nothing: verification starts and nobody waits for it. */
  MergedRevisions NONE =
      new MergedRevisions() {
        @Override
        public boolean follows(String revision) {
          return false;
        }

        @Override
        public void verified(String revision, String app, RequestOutcome outcome) {}
      };

  /** Whether {@code revision} is a merge a pull request is waiting to hear about. */
  boolean follows(String revision);

  /** Tells the pull request merged as {@code revision} how verifying {@code app} ended. */
  void verified(String revision, String app, RequestOutcome outcome);
}
