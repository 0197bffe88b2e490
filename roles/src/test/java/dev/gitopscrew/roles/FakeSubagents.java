package dev.gitopscrew.roles;

import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Runs children in the calling thread with a real {@link AgentWorkforce}, one level deeper; the
 * session engine itself is tested in the orchestrator. Records every spawn across the tree. A child
 * with its own timeout runs on another thread and is timed out as the supervisor would; a session
 * with {@code maxActiveChildren} children not yet awaited is refused another.
 */
public final class FakeSubagents implements Subagents {

  private final int depth;
  private final Shared shared;
  private final Map<Long, Task> children = new HashMap<>();

  public static final class Shared {
    public final List<String> spawns = new ArrayList<>();
    public final Map<String, SessionResult> forcedResults = new HashMap<>();
    public final Map<Integer, String> refuseAtDepth = new HashMap<>();
    final AtomicLong ids = new AtomicLong();
    public int maxActiveChildren = Integer.MAX_VALUE;
    public int mostActiveChildren;
    public int refusedAtLimit;
    final AgentWorkforce workforce;

    public Shared(AgentWorkforce workforce) {
      this.workforce = workforce;
    }
  }

  public static final Origin ORIGIN = new Origin("test", "tester");

  /** Hands {@code request} to homelab-admin at depth 0, as a request arrives. */
  public static String ask(Shared shared, Request request) throws Exception {
    Work admin = shared.workforce.workFor("homelab-admin", 0).orElseThrow();
    return admin.perform(
        new Assignment(100, 100, 0, new Task("homelab-admin", request), ORIGIN),
        new FakeSubagents(0, shared));
  }

  public FakeSubagents(int depth, Shared shared) {
    this.depth = depth;
    this.shared = shared;
  }

  @Override
  public SpawnOutcome spawn(Task task) {
    String refusal = shared.refuseAtDepth.get(depth + 1);
    if (refusal != null) {
      return new SpawnOutcome.Refused(refusal);
    }
    if (children.size() >= shared.maxActiveChildren) {
      shared.refusedAtLimit++;
      return new SpawnOutcome.Refused(
          "maxChildrenPerAgent " + shared.maxActiveChildren + " reached");
    }
    shared.spawns.add((depth + 1) + " " + task.agent() + ": " + task.request().describe());
    long id = shared.ids.incrementAndGet();
    children.put(id, task);
    shared.mostActiveChildren = Math.max(shared.mostActiveChildren, children.size());
    return new SpawnOutcome.Spawned(id);
  }

  @Override
  public SessionResult await(long childId) throws InterruptedException {
    Task task = children.remove(childId);
    SessionResult forced = shared.forcedResults.get(task.agent());
    if (forced != null) {
      return forced;
    }
    Work work = shared.workforce.workFor(task.agent(), depth + 1).orElseThrow();
    Supplier<SessionResult> run =
        () -> {
          try {
            return new SessionResult.Succeeded(
                work.perform(
                    new Assignment(childId, 100, depth + 1, task, ORIGIN),
                    new FakeSubagents(depth + 1, shared)));
          } catch (Exception e) {
            return new SessionResult.Failed(e.getMessage());
          }
        };
    if (task.timeout() == null) {
      return run.get();
    }
    FutureTask<SessionResult> timed = new FutureTask<>(run::get);
    Thread thread = new Thread(timed, "fake-child-" + childId);
    thread.setDaemon(true);
    thread.start();
    try {
      return timed.get(task.timeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      timed.cancel(true);
      return new SessionResult.TimedOut(task.timeout());
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }
}
