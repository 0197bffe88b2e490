package dev.gitopscrew.incident.action;

import java.util.List;
import java.util.Optional;

/**
 * One step a runbook (or an operator) may take on the cluster, from a fixed set: each is a class of
 * its own, and every write it makes goes through the guarded, audited cluster of its context.
 */
public interface RunbookAction {

  /** The name runbooks and the CLI use: {@code restart}, {@code scale}, ... */
  String name();

  /** The kinds of object it works on. */
  List<String> kinds();

  /** Why this step needs a person's approval, or empty. */
  default Optional<String> approvalNeeded(StepTarget target) {
    return Optional.empty();
  }

  /** Does the step (or, in a dry run, has the API server validate it); returns what it did. */
  String run(StepTarget target, StepContext context) throws InterruptedException;
}
