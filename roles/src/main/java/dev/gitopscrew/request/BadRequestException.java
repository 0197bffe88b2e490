package dev.gitopscrew.request;

/** A request that cannot be understood or is not valid; the message says what was expected. */
public class BadRequestException extends IllegalArgumentException {
  public BadRequestException(String message) {
    super(message);
  }
}
