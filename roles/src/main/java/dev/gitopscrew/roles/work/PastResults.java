package dev.gitopscrew.roles.work;

import dev.gitopscrew.request.Request;
import java.util.Optional;

/**
 * What an earlier run of the same request left behind, for an action that reports what changed
 * since (drift): the store keeps every session's structured data.
 */
@FunctionalInterface
public interface PastResults {

  /**
   * The structured data (JSON) of the newest session before {@code before} that succeeded on the
   * same request, asked from the same origin and run by {@code agent}; empty when there is none.
   */
  Optional<String> lastData(Origin origin, String agent, Request request, long before);

  /** No memory: every run is the first. */
  PastResults NONE = (origin, agent, request, before) -> Optional.empty();
}
