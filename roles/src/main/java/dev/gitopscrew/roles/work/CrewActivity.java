package dev.gitopscrew.roles.work;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What the crew did over a span of time, as the store keeps it: the digest's reading. */
@FunctionalInterface
public interface CrewActivity {

  /** A session, an incident or an approval as one line of a digest. */
  record Item(String id, String what, String state, Instant at) {}

  /**
   * @param requests requests started in the span (root sessions), counted by their state now
   * @param failed those of them that failed, timed out or were interrupted, newest first
   * @param incidents incidents opened in the span, and any still open
   * @param waiting approvals waiting for a decision now
   */
  record Span(
      Map<String, Integer> requests, List<Item> failed, List<Item> incidents, List<Item> waiting) {
    public Span {
      // in the order of the states' names, so that the same counts read the same
      requests = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(requests));
      failed = List.copyOf(failed);
      incidents = List.copyOf(incidents);
      waiting = List.copyOf(waiting);
    }
  }

  /**
   * The activity from {@code from} (inclusive) to {@code to} (exclusive), leaving out the request
   * {@code asking} (the digest's own).
   */
  Span between(Instant from, Instant to, long asking);

  /** No store: nothing happened. */
  CrewActivity NONE = (from, to, asking) -> new Span(Map.of(), List.of(), List.of(), List.of());
}
