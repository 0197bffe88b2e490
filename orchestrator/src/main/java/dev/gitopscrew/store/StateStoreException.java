package dev.gitopscrew.store;

/** The state store could not be opened or used. */
public class StateStoreException extends RuntimeException {
  public StateStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
