package dev.gitopscrew.roles.work;

/**
 * Thrown by a request's root when a step needs a person's approval: the session parks in {@code
 * awaiting_approval} with what the step would do, and continues once approved.
 *
 * @param reason why the step needs an approval ("scaling to zero stops the workload")
 * @param preview what the step would do, from its dry run
 */
public final class AwaitingApproval extends Exception {

  private final String reason;
  private final String preview;

  public AwaitingApproval(String reason, String preview) {
    super("awaiting approval: " + reason);
    this.reason = reason;
    this.preview = preview;
  }

  public String reason() {
    return reason;
  }

  public String preview() {
    return preview;
  }
}
