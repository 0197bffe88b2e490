package dev.gitopscrew.session;

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
  private final Duration timeout;
  private final Instant deadline;
  private final AtomicBoolean ending = new AtomicBoolean();
  private final Set<LiveSession> children = ConcurrentHashMap.newKeySet();

  /** Completed once the terminal result is committed; waiters then read it from the store. */
  final CompletableFuture<SessionResult> ended = new CompletableFuture<>();

  volatile long id;
  volatile ScheduledFuture<?> deadlineTimer;
  // guarded by the engine's slot lock
  int activeChildren;
  boolean holdsSlot;
  // guarded by this
  private Thread worker;
  private int inStore;
  private boolean interruptPending;

  LiveSession(LiveSession parent, int depth, Task task, Duration timeout, Instant deadline) {
    this.parent = parent;
    this.depth = depth;
    this.task = task;
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

  synchronized boolean attach(Thread thread) {
    if (ending.get()) {
      return false;
    }
    worker = thread;
    return true;
  }

  synchronized void detach() {
    worker = null;
    interruptPending = false;
    Thread.interrupted();
  }

  /** Interrupts the work, but never inside a store call: an interrupt there can break the store. */
  synchronized void interruptWorker() {
    if (worker == null || worker == Thread.currentThread()) {
      return;
    }
    if (inStore > 0) {
      interruptPending = true;
    } else {
      worker.interrupt();
    }
  }

  /** Called by the worker thread around store calls made on this session's behalf. */
  synchronized void enterStore() {
    if (worker != Thread.currentThread()) {
      return;
    }
    if (Thread.interrupted()) {
      interruptPending = true;
    }
    inStore++;
  }

  synchronized void leaveStore() {
    if (worker != Thread.currentThread()) {
      return;
    }
    inStore--;
    if (inStore == 0 && interruptPending) {
      interruptPending = false;
      Thread.currentThread().interrupt();
    }
  }
}
