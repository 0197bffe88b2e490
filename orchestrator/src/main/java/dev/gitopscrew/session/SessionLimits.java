package dev.gitopscrew.session;

import java.time.Duration;

/**
 * Limits from {@code agents.defaults.subagents}: {@code maxSpawnDepth}, {@code maxConcurrent}
 * (sessions working at once; a session waiting for its children gives its slot back), {@code
 * maxChildrenPerAgent} (active children of one session), {@code archiveAfterMinutes}, {@code
 * runTimeoutSeconds} (always finite here), the bound of the queue spawns wait in past {@code
 * maxConcurrent}, and how long a request waits for an approval before it times out.
 */
public record SessionLimits(
    int maxSpawnDepth,
    int maxConcurrent,
    int maxChildrenPerAgent,
    int archiveAfterMinutes,
    Duration runTimeout,
    int maxQueued,
    Duration approvalTimeout) {

  public static final int DEFAULT_MAX_QUEUED = 4096;
  public static final Duration DEFAULT_APPROVAL_TIMEOUT = Duration.ofHours(1);

  public SessionLimits {
    positive("maxSpawnDepth", maxSpawnDepth, 0);
    positive("maxConcurrent", maxConcurrent, 1);
    positive("maxChildrenPerAgent", maxChildrenPerAgent, 1);
    positive("archiveAfterMinutes", archiveAfterMinutes, 0);
    positive("maxQueued", maxQueued, 0);
    if (runTimeout == null || runTimeout.isZero() || runTimeout.isNegative()) {
      throw new IllegalArgumentException("runTimeoutSeconds must be positive, got " + runTimeout);
    }
    approvalTimeout = approvalTimeout == null ? DEFAULT_APPROVAL_TIMEOUT : approvalTimeout;
  }

  public SessionLimits(
      int maxSpawnDepth,
      int maxConcurrent,
      int maxChildrenPerAgent,
      int archiveAfterMinutes,
      Duration runTimeout,
      int maxQueued) {
    this(
        maxSpawnDepth,
        maxConcurrent,
        maxChildrenPerAgent,
        archiveAfterMinutes,
        runTimeout,
        maxQueued,
        DEFAULT_APPROVAL_TIMEOUT);
  }

  public SessionLimits(
      int maxSpawnDepth,
      int maxConcurrent,
      int maxChildrenPerAgent,
      int archiveAfterMinutes,
      Duration runTimeout) {
    this(
        maxSpawnDepth,
        maxConcurrent,
        maxChildrenPerAgent,
        archiveAfterMinutes,
        runTimeout,
        DEFAULT_MAX_QUEUED);
  }

  /** The defaults when the configuration says nothing: depth 2, 8 at once, 5 children, 10 min. */
  public static SessionLimits defaults() {
    return new SessionLimits(2, 8, 5, 60, Duration.ofMinutes(10));
  }

  private static void positive(String key, int value, int min) {
    if (value < min) {
      throw new IllegalArgumentException(key + " must be at least " + min + ", got " + value);
    }
  }
}
