package dev.gitopscrew.channel.pr;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What a forge's webhook said about a pull request, read once where it arrives (GitHub or Azure
 * DevOps) and stored with the delivery as JSON; the worker acts on this, never on the raw body.
 * {@code repository} is the configured repository's name.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
  @JsonSubTypes.Type(value = PullRequestEvent.Pushed.class, name = "pushed"),
  @JsonSubTypes.Type(value = PullRequestEvent.Merged.class, name = "merged"),
  @JsonSubTypes.Type(value = PullRequestEvent.Commented.class, name = "commented")
})
public sealed interface PullRequestEvent {

  String forge();

  String repository();

  int number();

  /** Who caused it, as the forge knows them. */
  String sender();

  /** One line for the delivery's note and the log. */
  String describe();

  /**
   * Opened, reopened, or a new head pushed: qa-tester validates the head.
   *
   * @param head the head commit the forge reported (the worker reads the branch again)
   */
  record Pushed(
      String forge, String repository, int number, String action, String head, String sender)
      implements PullRequestEvent {
    @Override
    public String describe() {
      return repository + " pull request #" + number + " " + action + " at " + abbrev(head);
    }
  }

  /** Merged into its base: the merge commit is recorded for the deployment that follows. */
  record Merged(String forge, String repository, int number, String mergeCommit, String sender)
      implements PullRequestEvent {
    @Override
    public String describe() {
      return repository + " pull request #" + number + " merged as " + abbrev(mergeCommit);
    }
  }

  /** A new (or, on Azure DevOps, edited) comment that may carry {@code /crew} commands. */
  record Commented(
      String forge, String repository, int number, long commentId, String sender, String body)
      implements PullRequestEvent {
    @Override
    public String describe() {
      return repository + " pull request #" + number + " comment " + commentId + " by " + sender;
    }
  }

  private static String abbrev(String sha) {
    return sha == null ? "?" : sha.substring(0, Math.min(12, sha.length()));
  }
}
