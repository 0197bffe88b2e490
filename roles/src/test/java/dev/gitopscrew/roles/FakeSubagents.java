package dev.gitopscrew.roles;

import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs children in the calling thread with the real {@link RoleWorkforce}, one level deeper; the
 * session engine itself is tested in the orchestrator. Records every spawn across the tree.
 */
final class FakeSubagents implements Subagents {

  private final int depth;
  private final Shared shared;
  private final Map<Long, Task> children = new HashMap<>();

  static final class Shared {
    final List<String> spawns = new ArrayList<>();
    final Map<String, SessionResult> forcedResults = new HashMap<>();
    final Map<Integer, String> refuseAtDepth = new HashMap<>();
    final AtomicLong ids = new AtomicLong();
    final RoleWorkforce workforce = new RoleWorkforce();
  }

  FakeSubagents(int depth, Shared shared) {
    this.depth = depth;
    this.shared = shared;
  }

  @Override
  public SpawnOutcome spawn(Task task) {
    String refusal = shared.refuseAtDepth.get(depth + 1);
    if (refusal != null) {
      return new SpawnOutcome.Refused(refusal);
    }
    shared.spawns.add((depth + 1) + " " + task.agent() + ": " + task.instruction());
    long id = shared.ids.incrementAndGet();
    children.put(id, task);
    return new SpawnOutcome.Spawned(id);
  }

  @Override
  public SessionResult await(long childId) {
    Task task = children.get(childId);
    SessionResult forced = shared.forcedResults.get(task.agent());
    if (forced != null) {
      return forced;
    }
    Work work = shared.workforce.workFor(task.agent(), depth + 1).orElseThrow();
    try {
      return new SessionResult.Succeeded(
          work.perform(
              new Assignment(childId, depth + 1, task), new FakeSubagents(depth + 1, shared)));
    } catch (Exception e) {
      return new SessionResult.Failed(e.getMessage());
    }
  }
}
