package dev.gitopscrew.cluster;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * Which of several replicas leads: the one holding a {@code coordination.k8s.io} Lease. Only the
 * leader runs sessions; the others accept and store requests.
 */
public interface Leadership extends AutoCloseable {

  /** What the election tells; run on the election's own thread. */
  record Callbacks(Runnable onStartLeading, Runnable onStopLeading, Consumer<String> onNewLeader) {}

  /** Starts taking part in the election; returns at once. */
  void start(Callbacks callbacks);

  /** This replica's name in the Lease (its pod name, or host and process). */
  String identity();

  /** The leader last seen, if any. */
  Optional<String> leader();

  /** Leaves the election, giving the Lease up if this replica holds it. */
  @Override
  void close();
}
