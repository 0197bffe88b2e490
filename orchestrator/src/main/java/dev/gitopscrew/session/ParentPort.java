package dev.gitopscrew.session;

import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** The {@link Subagents} port of one running session: it spawns children and reads results. */
final class ParentPort implements Subagents {

  private final SessionEngine engine;
  private final LiveSession self;

  ParentPort(SessionEngine engine, LiveSession self) {
    this.engine = engine;
    this.self = self;
  }

  @Override
  public SpawnOutcome spawn(Task task) {
    return engine.spawn(self, task);
  }

  @Override
  public Optional<String> dataOf(long childId) {
    JdbcSessionRepository repository = engine.repository();
    return StoreGuard.call(() -> repository.dataOf(childId));
  }

  /**
   * Waits for the child to end, then reads its result from the store. While waiting the session
   * gives its slot back.
   */
  @Override
  public SessionResult await(long childId) throws InterruptedException {
    LiveSession child = engine.live.get(childId);
    if (child != null && child.parent() != self) {
      throw new IllegalArgumentException("session " + childId + " is not a child of " + self.id);
    }
    engine.slots.pause(self);
    engine.dispatch();
    try {
      if (child != null && child.startable && child.claim()) {
        // not picked up by a worker yet: run it here rather than wait for one to be scheduled
        engine.start(child);
        if (self.isEnding()) {
          throw new InterruptedException("session " + self.id + " has ended");
        }
      }
      while (true) {
        child = engine.live.get(childId);
        if (child != null) {
          try {
            child.ended.get();
          } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
          }
        }
        JdbcSessionRepository repository = engine.repository();
        Optional<SessionResult> result = StoreGuard.call(() -> repository.resultOf(childId));
        if (result.isPresent()) {
          return result.get();
        }
        if (engine.live.get(childId) == null
            && StoreGuard.call(() -> repository.find(childId)).isEmpty()) {
          throw new IllegalArgumentException("no session " + childId);
        }
        Thread.sleep(10);
      }
    } finally {
      engine.slots.resume(self);
    }
  }
}
