package dev.gitopscrew.roles.work;

import java.time.Duration;
import java.util.Objects;

/**
 * What a session is asked to do: the agent that does it, the instruction (a structured request such
 * as {@code restart deployment/grafana in monitoring}) and an optional run timeout that replaces
 * the configured default ({@code null} = the default).
 */
public record Task(String agent, String instruction, Duration timeout) {

  public Task {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(instruction, "instruction");
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new IllegalArgumentException("a session timeout must be positive, got " + timeout);
    }
  }

  public Task(String agent, String instruction) {
    this(agent, instruction, null);
  }
}
