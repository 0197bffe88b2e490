package dev.gitopscrew.git;

/** A Git step failed; the message says which and why, never with a secret in it. */
public class GitWorkflowException extends RuntimeException {
  public GitWorkflowException(String message) {
    super(message);
  }

  public GitWorkflowException(String message, Throwable cause) {
    super(message, cause);
  }
}
