package dev.gitopscrew.assembly;

import dev.gitopscrew.cluster.Leadership;
import java.util.function.Consumer;

/**
 * What a replica does under the Lease (docs/operations.md, scale-out): while it leads, the session
 * engine runs sessions and then its other work starts (webhook workers, the schedules' ticker, the
 * Discord connection); when it stops leading, the engine halts before anything else, since another
 * replica may lead already, and the work stops. The gateway and the tests elect through this one
 * class, so what a test shows of the leader is what the gateway does.
 */
public final class LeadingReplica {

  /** The leader's work besides sessions. */
  public interface Work {
    void start();

    void stop();
  }

  private LeadingReplica() {}

  /**
   * Takes part in {@code election} for {@code crew}; returns at once.
   *
   * @param onLeader each leader seen, by identity
   */
  public static void elect(Crew crew, Leadership election, Work work, Consumer<String> onLeader) {
    election.start(
        new Leadership.Callbacks(
            () -> {
              crew.engine().lead();
              work.start();
            },
            () -> {
              crew.engine().halt();
              work.stop();
            },
            onLeader));
  }
}
