package dev.gitopscrew.doctor;

import java.util.Optional;

/**
 * One external system and its state: configured or not, and (when probed) whether it answered.
 * {@code fix} says what to do when it is not configured or not reachable.
 */
public record IntegrationCheck(
    String name, boolean configured, Optional<Boolean> reachable, String detail, String fix) {

  public static IntegrationCheck notConfigured(String name, String fix) {
    return new IntegrationCheck(name, false, Optional.empty(), "not configured", fix);
  }

  public static IntegrationCheck configured(String name, String detail) {
    return new IntegrationCheck(name, true, Optional.empty(), detail, "");
  }

  public IntegrationCheck probed(boolean ok, String result, String fixIfNot) {
    return new IntegrationCheck(
        name, configured, Optional.of(ok), detail + "; " + result, ok ? "" : fixIfNot);
  }

  public IntegrationCheck withDetail(String newDetail) {
    return new IntegrationCheck(name, configured, reachable, newDetail, fix);
  }

  /** Configured but unreachable: what {@code crew doctor} fails on. */
  public boolean broken() {
    return configured && reachable.isPresent() && !reachable.get();
  }

  public String describe() {
    String state =
        !configured
            ? "not configured"
            : reachable.map(r -> r ? "ok" : "BROKEN").orElse("configured");
    String line = name + ": " + state + (configured ? " (" + detail + ")" : "");
    return fix.isEmpty() ? line : line + " - fix: " + fix;
  }
}
