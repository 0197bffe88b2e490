package dev.gitopscrew.webhook;

import java.util.Optional;

/**
 * A receiver's answer from its headers alone, decided before one byte of the body is read: a
 * stranger's 9 MB body is refused without costing the heap anything.
 *
 * @param status 401 (credentials missing or wrong) or 503 (the receiver's secret is not set)
 * @param error the reason the sender is told
 * @param challenge the {@code WWW-Authenticate} value of a 401, or null
 */
public record HeaderRefusal(int status, String error, String challenge) {

  static Optional<HeaderRefusal> off(String receiver, String variable, String doc) {
    return Optional.of(
        new HeaderRefusal(503, receiver + " is off: set " + variable + " (" + doc + ")", null));
  }

  static Optional<HeaderRefusal> unauthorized(String error, String challenge) {
    return Optional.of(new HeaderRefusal(401, error, challenge));
  }
}
