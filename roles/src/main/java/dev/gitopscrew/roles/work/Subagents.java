package dev.gitopscrew.roles.work;

/**
 * The port through which a running session spawns children and collects their results. The session
 * engine implements it; every child ends in exactly one {@link SessionResult}.
 */
public interface Subagents {

  /** Spawns a child one level deeper, or returns the reason it is refused. */
  SpawnOutcome spawn(Task task);

  /**
   * Waits until the child has ended and returns its result as read from the state store. The
   * supervisor enforces the child's deadline, so this always returns.
   */
  SessionResult await(long childId) throws InterruptedException;

  /** The structured data (JSON) an ended child produced beside its result, if any. */
  default java.util.Optional<String> dataOf(long childId) {
    return java.util.Optional.empty();
  }
}
