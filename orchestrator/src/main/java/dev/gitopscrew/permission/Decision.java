package dev.gitopscrew.permission;

/** Whether a tool may run; when refused, the missing link of the chain, in words. */
public sealed interface Decision {

  record Allowed(String viaSkill) implements Decision {}

  record Refused(String missingLink) implements Decision {}

  default boolean allowed() {
    return this instanceof Allowed;
  }
}
