package dev.gitopscrew.change;

import dev.gitopscrew.git.change.ChangeOutcome;
import java.util.List;

/**
 * A change outcome as the API returns it and the CLI prints it: {@code status} is completed,
 * conflicted, failed or refused.
 */
public record ChangeView(
    String status,
    Integer issue,
    String issueUrl,
    String branch,
    String commit,
    Integer pullRequest,
    String pullRequestUrl,
    Boolean pullRequestCreated,
    List<String> conflicts,
    String reason,
    String text) {

  /** A change that did not run or did not finish: {@code status} refused or failed. */
  public static ChangeView unfinished(String status, String reason, String text) {
    return new ChangeView(
        status, null, null, null, null, null, null, null, List.of(), reason, text);
  }

  public static ChangeView of(RunChange.Result result) {
    if (result instanceof RunChange.Result.Refused r) {
      return unfinished("refused", r.reason(), "refused: " + r.reason());
    }
    ChangeOutcome outcome = ((RunChange.Result.Ran) result).outcome();
    String text = outcome.describe();
    if (outcome instanceof ChangeOutcome.Completed c) {
      return new ChangeView(
          "completed",
          c.issue().number(),
          c.issue().url(),
          c.branch(),
          c.commit(),
          c.pullRequest().number(),
          c.pullRequest().url(),
          c.pullRequestCreated(),
          List.of(),
          null,
          text);
    }
    if (outcome instanceof ChangeOutcome.Conflicted c) {
      return new ChangeView(
          "conflicted",
          c.issue().number(),
          c.issue().url(),
          c.branch(),
          null,
          null,
          null,
          null,
          c.files(),
          null,
          text);
    }
    ChangeOutcome.Failed f = (ChangeOutcome.Failed) outcome;
    return unfinished("failed", f.step() + ": " + f.reason(), text);
  }

  public boolean completed() {
    return status.equals("completed");
  }
}
