package dev.gitopscrew.roles.work;

import java.time.Duration;

/**
 * The one terminal result every session ends in. It is written to the state store in the same
 * transaction that ends the session, and its parent reads it from there.
 */
public sealed interface SessionResult {

  /** The stored state name: {@code succeeded | failed | timed_out | cancelled | interrupted}. */
  String state();

  /** The stored detail, from which {@link #of} rebuilds the result. */
  String detail();

  /** One line for people: chat, CLI, logs. */
  String describe();

  record Succeeded(String result) implements SessionResult {
    public String state() {
      return "succeeded";
    }

    public String detail() {
      return result;
    }

    public String describe() {
      return "succeeded: " + result;
    }
  }

  record Failed(String reason) implements SessionResult {
    public String state() {
      return "failed";
    }

    public String detail() {
      return reason;
    }

    public String describe() {
      return "failed: " + reason;
    }
  }

  record TimedOut(Duration after) implements SessionResult {
    public String state() {
      return "timed_out";
    }

    public String detail() {
      return after.toString();
    }

    public String describe() {
      return "timed out after " + after.toMillis() + " ms";
    }
  }

  record Cancelled(String by) implements SessionResult {
    public String state() {
      return "cancelled";
    }

    public String detail() {
      return by;
    }

    public String describe() {
      return "cancelled by " + by;
    }
  }

  record Interrupted(String restart) implements SessionResult {
    public String state() {
      return "interrupted";
    }

    public String detail() {
      return restart;
    }

    public String describe() {
      return "interrupted: " + restart;
    }
  }

  /** Rebuilds a result from its stored state and detail. */
  static SessionResult of(String state, String detail) {
    return switch (state) {
      case "succeeded" -> new Succeeded(detail);
      case "failed" -> new Failed(detail);
      case "timed_out" -> new TimedOut(Duration.parse(detail));
      case "cancelled" -> new Cancelled(detail);
      case "interrupted" -> new Interrupted(detail);
      default -> throw new IllegalArgumentException("not a terminal state: " + state);
    };
  }
}
