package dev.gitopscrew.effect;

/** A dry-run session reached a real write; the door refused it. */
public final class DryRunViolation extends IllegalStateException {
  public DryRunViolation(String message) {
    super(message);
  }
}
