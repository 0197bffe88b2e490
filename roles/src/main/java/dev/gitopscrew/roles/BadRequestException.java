package dev.gitopscrew.roles;

/** A request that cannot be understood; the message says what was expected. */
public class BadRequestException extends IllegalArgumentException {
  public BadRequestException(String message) {
    super(message);
  }
}
