package dev.gitopscrew.forge;

/**
 * A forge call failed. {@link #transientFailure()} is true for 5xx answers and broken connections,
 * after which the write may or may not have happened.
 */
public class ForgeException extends RuntimeException {

  private final int status;

  public ForgeException(String message, int status) {
    super(message);
    this.status = status;
  }

  /** HTTP status, or 0 when no answer arrived. */
  public int status() {
    return status;
  }

  public boolean transientFailure() {
    return status == 0 || status >= 500 || status == 429;
  }

  public boolean notFound() {
    return status == 404;
  }
}
