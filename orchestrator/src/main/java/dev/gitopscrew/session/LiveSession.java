package dev.gitopscrew.session;

import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.Task;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A session this process is running or queueing. The store holds the truth; this holds what only a
 * live process has: the worker thread, the deadline timer, the slot and the waiters.
 */
final class LiveSession {

  private final LiveSession parent;
  private final int depth;
  private final Task task;
  private final Origin origin;
  private final Duration timeout;
  private final Instant deadline;
  private final AtomicBoolean ending = new AtomicBoolean();
  private final Set<LiveSession> children = ConcurrentHashMap.newKeySet();

  /** Completed once the terminal result is committed; waiters then read it from the store. */
  final CompletableFuture<SessionResult> ended = new CompletableFuture<>();

  /** Completed when the session ends or parks for an approval: whoever made the request is told. */
  final CompletableFuture<Void> settled = new CompletableFuture<>();

  volatile long id;

  /** Structured data the work produced beside its text; stored when the session ends. */
  volatile String data;

  volatile ScheduledFuture<?> deadlineTimer;
  // guarded by the engine's slot lock
  int activeChildren;
  boolean holdsSlot;

  /** Set once the session has a slot and may be started by whoever claims it. */
  volatile boolean startable;

  /** Set when the session waited in the queue, so whoever starts it marks it running. */
  volatile boolean fromQueue;

  private final AtomicBoolean claimed = new AtomicBoolean();
  // guarded by this
  private StoreGuard.PerThread worker;

  LiveSession(
      LiveSession parent, int depth, Task task, Origin origin, Duration timeout, Instant deadline) {
    this.parent = parent;
    this.depth = depth;
    this.task = task;
    this.origin = origin;
    this.timeout = timeout;
    this.deadline = deadline;
  }

  LiveSession parent() {
    return parent;
  }

  Long parentId() {
    return parent == null ? null : parent.id;
  }

  long rootId() {
    return parent == null ? id : parent.rootId();
  }

  int depth() {
    return depth;
  }

  Task task() {
    return task;
  }

  /** Where the request came from; a child has its root's. */
  Origin origin() {
    return origin;
  }

  Duration timeout() {
    return timeout;
  }

  Instant deadline() {
    return deadline;
  }

  String agent() {
    return task.agent();
  }

  void addChild(LiveSession child) {
    children.add(child);
  }

  void removeChild(LiveSession child) {
    children.remove(child);
  }

  List<LiveSession> children() {
    return List.copyOf(children);
  }

  /** Claims the right to end this session; only one caller in this process gets it. */
  boolean beginEnding() {
    return ending.compareAndSet(false, true);
  }

  /** Gives the claim back when the store write failed, so the supervisor can try again. */
  void abortEnding() {
    ending.set(false);
  }

  boolean isEnding() {
    return ending.get();
  }

  /** Whoever claims a session first runs it: a worker thread, or the parent waiting for it. */
  boolean claim() {
    return claimed.compareAndSet(false, true);
  }

  synchronized boolean attach() {
    if (ending.get()) {
      return false;
    }
    worker = StoreGuard.current();
    return true;
  }

  synchronized void detach() {
    worker = null;
    Thread.interrupted();
  }

  /** Interrupts the work, never inside a store call (see {@link StoreGuard}). */
  synchronized void interruptWorker() {
    if (worker != null && worker.thread() != Thread.currentThread()) {
      worker.interrupt();
    }
  }
}
