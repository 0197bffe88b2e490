package dev.gitopscrew.incident;

/** A runbook step, a triage or a verification that could not do its work; says why. */
public class IncidentException extends RuntimeException {
  public IncidentException(String message) {
    super(message);
  }
}
