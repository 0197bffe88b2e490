package dev.gitopscrew.cluster;

/**
 * A call the API server answered with an error: its status and reason, never the client library's
 * exception (whose message may quote a request with credentials).
 */
public final class ClusterCallException extends RuntimeException {

  private final int status;

  public ClusterCallException(int status, String reason) {
    super(
        "the API server answered "
            + (status == 0 ? "nothing" : String.valueOf(status))
            + (reason == null || reason.isBlank() ? "" : ": " + reason));
    this.status = status;
  }

  public int status() {
    return status;
  }
}
