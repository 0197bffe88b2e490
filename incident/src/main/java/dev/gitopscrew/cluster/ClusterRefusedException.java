package dev.gitopscrew.cluster;

/** A call the guard (or the API server's own access review) refused; nothing was sent. */
public final class ClusterRefusedException extends RuntimeException {
  public ClusterRefusedException(String reason) {
    super(reason);
  }
}
