package dev.gitopscrew.request;

import java.util.Optional;

/**
 * A kind that has a dry run, carried as its record's {@code dryRun} component: whether it is one,
 * and the same request as one, are answered here once.
 */
public sealed interface DryRunnable extends Request
    permits Change, ClusterAction, Edit, Label, McpCall, ReleaseCut, RunRunbook, Scan {

  boolean dryRun();

  /** The same request with {@code dryRun} set. */
  DryRunnable withDryRun();

  @Override
  default boolean isDryRun() {
    return dryRun();
  }

  @Override
  default Optional<Request> asDryRun() {
    return Optional.of(withDryRun());
  }
}
