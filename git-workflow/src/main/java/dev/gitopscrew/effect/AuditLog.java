package dev.gitopscrew.effect;

/** Where {@link SideEffects} writes its records; the state store implements it. */
@FunctionalInterface
public interface AuditLog {

  /** Appends one record (its {@code id} is assigned by the log). */
  void append(AuditRecord record);

  /** A log that keeps nothing, for tools and tests that run the workflow without a store. */
  AuditLog NONE = record -> {};
}
