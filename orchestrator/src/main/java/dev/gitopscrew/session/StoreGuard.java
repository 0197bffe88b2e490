package dev.gitopscrew.session;

import java.util.function.Supplier;

/**
 * Keeps interrupts out of store calls: an interrupt during file I/O can close the embedded store's
 * file channel. An interrupt aimed at a thread inside a store call is held back and delivered when
 * the call returns.
 */
final class StoreGuard {

  /** One thread's state; sessions keep it to interrupt that thread safely. */
  static final class PerThread {
    private final Thread thread;
    private int depth;
    private boolean pending;

    private PerThread(Thread thread) {
      this.thread = thread;
    }

    Thread thread() {
      return thread;
    }

    synchronized void interrupt() {
      if (depth > 0) {
        pending = true;
      } else {
        thread.interrupt();
      }
    }

    private synchronized void enter() {
      if (Thread.interrupted()) {
        pending = true;
      }
      depth++;
    }

    private synchronized void leave() {
      depth--;
      if (depth == 0 && pending) {
        pending = false;
        thread.interrupt();
      }
    }
  }

  private static final ThreadLocal<PerThread> CURRENT =
      ThreadLocal.withInitial(() -> new PerThread(Thread.currentThread()));

  private StoreGuard() {}

  static PerThread current() {
    return CURRENT.get();
  }

  static <T> T call(Supplier<T> storeCall) {
    PerThread self = CURRENT.get();
    self.enter();
    try {
      return storeCall.get();
    } finally {
      self.leave();
    }
  }
}
