package dev.gitopscrew.release;

/** A release that cannot be planned or cut; the message says why, and what to do (no secrets). */
public class ReleaseException extends RuntimeException {
  public ReleaseException(String message) {
    super(message);
  }
}
