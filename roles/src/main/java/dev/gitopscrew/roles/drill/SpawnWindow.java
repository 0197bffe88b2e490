package dev.gitopscrew.roles.drill;

import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;
import java.util.ArrayDeque;
import java.util.Map;

/**
 * Spawns children with as many in flight as the engine allows. A spawn refused while children are
 * still active (a limit such as {@code maxChildrenPerAgent}) waits for the oldest one and tries
 * again; a refusal with none active is final. Every result goes to the delivery, oldest first.
 */
final class SpawnWindow {

  /** Receives each child's one terminal result with the task it was spawned for. */
  @FunctionalInterface
  interface Delivery {
    void accept(Task task, SessionResult result);
  }

  private final Subagents subagents;
  private final Delivery delivery;
  private final ArrayDeque<Map.Entry<Long, Task>> inFlight = new ArrayDeque<>();

  SpawnWindow(Subagents subagents, Delivery delivery) {
    this.subagents = subagents;
    this.delivery = delivery;
  }

  void spawn(Task task) throws InterruptedException {
    while (true) {
      SpawnOutcome outcome = subagents.spawn(task);
      if (outcome instanceof SpawnOutcome.Spawned spawned) {
        inFlight.add(Map.entry(spawned.sessionId(), task));
        return;
      }
      if (inFlight.isEmpty()) {
        throw new IllegalStateException(
            "cannot spawn "
                + task.agent()
                + " for '"
                + task.request().describe()
                + "': "
                + ((SpawnOutcome.Refused) outcome).reason());
      }
      awaitOldest();
    }
  }

  /** Waits for every child still in flight. */
  void awaitAll() throws InterruptedException {
    while (!inFlight.isEmpty()) {
      awaitOldest();
    }
  }

  private void awaitOldest() throws InterruptedException {
    Map.Entry<Long, Task> oldest = inFlight.poll();
    delivery.accept(oldest.getValue(), subagents.await(oldest.getKey()));
  }
}
