package dev.gitopscrew.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The {@code maxConcurrent} slots, the bounded queue behind them and each session's count of active
 * children. A session waiting for a child gives its slot back, so a full tree of waiting parents
 * can never starve the children they wait for.
 */
final class Slots {

  sealed interface Admission permits Admitted, Rejected {}

  enum Admitted implements Admission {
    RUN,
    QUEUE
  }

  record Rejected(String reason) implements Admission {}

  private final SessionLimits limits;
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<LiveSession> queue = new ArrayDeque<>();
  private int working;
  private int queued;

  Slots(SessionLimits limits) {
    this.limits = limits;
  }

  /** Takes a slot, or a place in the queue, and counts the child against its parent. */
  Admission admit(LiveSession s) {
    lock.lock();
    try {
      LiveSession parent = s.parent();
      if (parent != null && parent.activeChildren >= limits.maxChildrenPerAgent()) {
        return new Rejected(
            "maxChildrenPerAgent "
                + limits.maxChildrenPerAgent()
                + " reached: session "
                + parent.id
                + " ("
                + parent.agent()
                + ") has "
                + parent.activeChildren
                + " active children");
      }
      boolean run = working < limits.maxConcurrent() && queued == 0;
      if (!run && parent != null && parent.holdsSlot) {
        // at the limit, a working parent lends its slot to its child: it would give it back
        // anyway once it waits, and a queued child costs a store write and a thread handoff
        parent.holdsSlot = false;
        s.holdsSlot = true;
        parent.activeChildren++;
        return Admitted.RUN;
      }
      if (!run && queued >= limits.maxQueued()) {
        return new Rejected(
            "maxConcurrent "
                + limits.maxConcurrent()
                + " reached and the spawn queue is full ("
                + queued
                + " waiting)");
      }
      if (run) {
        working++;
        s.holdsSlot = true;
      } else {
        queued++;
      }
      if (parent != null) {
        parent.activeChildren++;
      }
      return run ? Admitted.RUN : Admitted.QUEUE;
    } finally {
      lock.unlock();
    }
  }

  /** Undoes {@link #admit} when the session could not be stored. */
  void withdraw(LiveSession s, boolean running) {
    lock.lock();
    try {
      if (running) {
        release(s);
      } else {
        queued--;
        if (s.parent() != null) {
          s.parent().activeChildren--;
        }
      }
    } finally {
      lock.unlock();
    }
  }

  void enqueue(LiveSession s) {
    lock.lock();
    try {
      queue.add(s);
    } finally {
      lock.unlock();
    }
  }

  /** Queued sessions that now have a slot; ones that ended while queued are dropped. */
  List<LiveSession> takeRunnable() {
    List<LiveSession> start = new ArrayList<>();
    lock.lock();
    try {
      while (working < limits.maxConcurrent() && !queue.isEmpty()) {
        LiveSession s = queue.poll();
        queued--;
        if (!s.isEnding()) {
          working++;
          s.holdsSlot = true;
          start.add(s);
        }
      }
      return start;
    } finally {
      lock.unlock();
    }
  }

  /** At the end of a session: frees its slot and its place among its parent's children. */
  void release(LiveSession s) {
    lock.lock();
    try {
      giveBack(s);
      if (s.parent() != null) {
        s.parent().activeChildren--;
      }
    } finally {
      lock.unlock();
    }
  }

  /** A session starts waiting for a child: its slot goes to someone else. */
  void pause(LiveSession s) {
    lock.lock();
    try {
      giveBack(s);
    } finally {
      lock.unlock();
    }
  }

  private void giveBack(LiveSession s) {
    if (s.holdsSlot) {
      s.holdsSlot = false;
      working--;
    }
  }

  /** The wait is over: the session works again, over the limit for a moment if it must. */
  void resume(LiveSession s) {
    lock.lock();
    try {
      if (!s.isEnding() && !s.holdsSlot) {
        s.holdsSlot = true;
        working++;
      }
    } finally {
      lock.unlock();
    }
  }
}
