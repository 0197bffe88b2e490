package dev.gitopscrew.cluster;

/** What the guard says of one call: which rule allows it, or which rule it would need. */
public sealed interface GuardDecision {

  record Allowed(String by) implements GuardDecision {}

  record Refused(String reason) implements GuardDecision {}

  default boolean allowed() {
    return this instanceof Allowed;
  }
}
