package dev.gitopscrew.roles.work;

import java.util.Optional;

/** Finds the work an agent does at a depth; empty when the agent is unknown. */
@FunctionalInterface
public interface Workforce {
  Optional<Work> workFor(String agent, int depth);
}
