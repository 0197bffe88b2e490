package dev.gitopscrew.session;

import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

/** The {@link Subagents} port of one running session: it spawns children and reads results. */
final class ParentPort implements Subagents {

  private final SessionSpawner spawner;
  private final SessionRunner runner;
  private final JdbcSessionRepository repository;
  private final LiveSession self;

  ParentPort(
      SessionSpawner spawner,
      SessionRunner runner,
      JdbcSessionRepository repository,
      LiveSession self) {
    this.spawner = spawner;
    this.runner = runner;
    this.repository = repository;
    this.self = self;
  }

  @Override
  public SpawnOutcome spawn(Task task) {
    return spawner.spawn(self, task);
  }

  @Override
  public Optional<String> dataOf(long childId) {
    return StoreGuard.call(() -> repository.dataOf(childId));
  }

  /**
   * Waits for the child to end, then reads its result from the store. While waiting the session
   * gives its slot back.
   */
  @Override
  public SessionResult await(long childId) throws InterruptedException {
    LiveSession child = runner.live(childId);
    if (child != null && child.parent() != self) {
      throw new IllegalArgumentException("session " + childId + " is not a child of " + self.id);
    }
    runner.slots.pause(self);
    runner.dispatch();
    try {
      if (child != null && child.startable && child.claim()) {
        // not picked up by a worker yet: run it here rather than wait for one to be scheduled
        runner.start(child);
        if (self.isEnding()) {
          throw new InterruptedException("session " + self.id + " has ended");
        }
      }
      while (true) {
        child = runner.live(childId);
        if (child != null) {
          try {
            child.ended.get();
          } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
          }
        }
        Optional<SessionResult> result = StoreGuard.call(() -> repository.resultOf(childId));
        if (result.isPresent()) {
          return result.get();
        }
        if (runner.live(childId) == null
            && StoreGuard.call(() -> repository.find(childId)).isEmpty()) {
          throw new IllegalArgumentException("no session " + childId);
        }
        Thread.sleep(10);
      }
    } finally {
      runner.slots.resume(self);
    }
  }
}
