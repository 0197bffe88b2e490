package dev.gitopscrew.session;

import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.AwaitingApproval;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SessionResult.Cancelled;
import dev.gitopscrew.roles.work.SessionResult.Failed;
import dev.gitopscrew.roles.work.SessionResult.Interrupted;
import dev.gitopscrew.roles.work.SessionResult.Succeeded;
import dev.gitopscrew.roles.work.SessionResult.TimedOut;
import dev.gitopscrew.roles.work.Work;
import dev.gitopscrew.roles.work.Workforce;
import dev.gitopscrew.store.GroupCommit;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The worker pool and the live sessions of this process: it hands admitted sessions to workers,
 * runs their work, and ends them. Every session gets a finite deadline when it is launched; the one
 * supervisor thread ends it {@code timed_out} when the deadline passes. Every session ends in
 * exactly one terminal result, committed by a conditional update before anyone is told.
 */
public final class SessionRunner {

  private static final System.Logger LOG = System.getLogger(SessionRunner.class.getName());

  private final GroupCommit writer;
  private final JdbcSessionRepository repository;
  private final Workforce workforce;
  final Slots slots;
  private final ConcurrentHashMap<Long, LiveSession> live = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor supervisor;
  private final ExecutorService workers;
  private final Object roots = new Object();
  private volatile SessionEngine.Observer observer = (agent, state, ran) -> {};
  private volatile SessionSpawner spawner;
  private volatile ApprovalDesk desk;
  private volatile boolean stopped;
  private volatile boolean halted;

  /**
   * A runner that writes through {@code repository}; {@code writer} is the repository's
   * group-commit writer, which the runner stops last when it stops.
   */
  public SessionRunner(
      GroupCommit writer,
      JdbcSessionRepository repository,
      SessionLimits limits,
      Workforce workforce) {
    this.writer = writer;
    this.repository = repository;
    this.workforce = workforce;
    this.slots = new Slots(limits);
    this.supervisor =
        new ScheduledThreadPoolExecutor(1, DaemonThreads.named("crew-session-supervisor"));
    supervisor.setRemoveOnCancelPolicy(true);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            r -> DaemonThreads.named("crew-session-" + n.incrementAndGet()).newThread(r));
  }

  /**
   * The two the work of a session talks back to: the spawner its children go through, and the desk
   * a root that waits for a person is parked at. Wired once, by the engine that holds all three.
   */
  void connect(SessionSpawner spawner, ApprovalDesk desk) {
    this.spawner = spawner;
    this.desk = desk;
  }

  void observe(SessionEngine.Observer observer) {
    this.observer = observer;
  }

  boolean stopped() {
    return stopped;
  }

  boolean halted() {
    return halted;
  }

  /** Held while a root is stored and made live, so the leader's poll never adopts it twice. */
  Object roots() {
    return roots;
  }

  LiveSession live(long id) {
    return live.get(id);
  }

  boolean isLive(long id) {
    return live.containsKey(id);
  }

  Collection<LiveSession> live() {
    return live.values();
  }

  void makeLive(LiveSession s) {
    live.put(s.id, s);
  }

  /** Runs {@code task} on the supervisor, every {@code every} after {@code first}. */
  void every(Duration first, Duration every, Runnable task) {
    supervisor.scheduleWithFixedDelay(
        task, first.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Runs {@code task} once on the supervisor, as soon as it is free. */
  void soon(Runnable task) {
    supervisor.execute(task);
  }

  /**
   * Starts a live session's deadline, {@code left} from now, and its work: at once when it was
   * admitted to run, else from the queue once a slot frees.
   */
  void launch(LiveSession s, Slots.Admission admission, boolean fromQueue, Duration left) {
    s.deadlineTimer = supervisor.schedule(() -> expire(s), left.toMillis(), TimeUnit.MILLISECONDS);
    if (admission == Slots.Admitted.RUN) {
      startSoon(s, fromQueue);
    } else {
      slots.enqueue(s);
      dispatch();
    }
  }

  void dispatch() {
    if (stopped) {
      return; // stopping: queued sessions end interrupted rather than start their work now
    }
    for (LiveSession s : slots.takeRunnable()) {
      startSoon(s, true);
    }
  }

  /** Hands a session that has its slot to a worker; a parent waiting for it may run it first. */
  private void startSoon(LiveSession s, boolean fromQueue) {
    s.fromQueue = fromQueue;
    s.startable = true;
    workers.execute(
        () -> {
          if (s.claim()) {
            start(s);
          }
        });
  }

  void start(LiveSession s) {
    if (!s.fromQueue || StoreGuard.call(() -> repository.markRunning(s.id, Instant.now()))) {
      run(s);
    } else {
      // ended in the store before it started (by another replica): let go of its slot
      end(s, new Cancelled("ended before it started"));
    }
  }

  private void run(LiveSession s) {
    if (!s.attach()) {
      return;
    }
    try {
      Work work = workforce.workFor(s.agent(), s.depth()).orElseThrow();
      String out =
          work.perform(
              new Assignment(
                  s.id, s.rootId(), s.depth(), s.task(), s.origin(), json -> s.data = json),
              new ParentPort(spawner, this, repository, s));
      end(s, new Succeeded(out == null ? "" : out));
    } catch (AwaitingApproval wait) {
      if (s.parent() == null) {
        desk.park(s, wait);
      } else {
        end(s, new Failed("only a request's root waits for an approval: " + wait.reason()));
      }
    } catch (InterruptedException e) {
      // an ending ancestor cancels this session with its own reason; any other interrupt is a fault
      if (!ancestorEnding(s)) {
        end(s, new Failed("the work stopped on an interrupt nobody asked for"));
      }
    } catch (Exception | Error e) {
      end(s, new Failed(reason(e)));
    } finally {
      s.detach();
    }
  }

  private static boolean ancestorEnding(LiveSession s) {
    for (LiveSession a = s.parent(); a != null; a = a.parent()) {
      if (a.isEnding()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Lets go of a root parked in the store: it keeps no deadline, no slot and no children, and
   * whoever waits for it is told it settled.
   */
  void parked(LiveSession s) {
    if (s.deadlineTimer != null) {
      s.deadlineTimer.cancel(false);
    }
    slots.release(s);
    live.remove(s.id);
    for (LiveSession child : s.children()) {
      end(child, new Cancelled("parent #" + s.id + " waits for an approval"));
    }
    s.settled.complete(null);
  }

  void expire(LiveSession s) {
    end(s, new TimedOut(s.timeout()));
  }

  /**
   * Cancels a session and its whole subtree, interrupting their work. Returns how many sessions
   * this ended (0 when it had already ended).
   */
  int cancel(long id, String by) {
    LiveSession s = live.get(id);
    if (s != null) {
      return cancelTree(s, by);
    }
    // not run by this process but not ended either: the store still gets its one result
    return repository.end(id, new Cancelled(by), Instant.now()) ? 1 : 0;
  }

  int cancelTree(LiveSession s, String by) {
    return end(s, new Cancelled(by), by + " (subtree of session " + s.id + ")");
  }

  /**
   * Ends a session: one conditional update, then the bookkeeping and the waiters. Returns true when
   * this call ended it.
   */
  boolean end(LiveSession s, SessionResult result) {
    return end(s, result, "parent session " + s.id + " ended " + result.state()) > 0;
  }

  /**
   * Ends a session, then cancels what is left of its subtree with {@code childrenBy}: the session
   * is claimed first, so work that finishes meanwhile cannot end it another way. Returns how many
   * sessions this call ended.
   */
  int end(LiveSession s, SessionResult result, String childrenBy) {
    if (halted || !s.beginEnding()) {
      return 0;
    }
    boolean ended;
    try {
      String data = result instanceof Succeeded ? s.data : null;
      ended = StoreGuard.call(() -> repository.end(s.id, result, data, Instant.now()));
    } catch (RuntimeException e) {
      s.abortEnding();
      LOG.log(System.Logger.Level.ERROR, "cannot end session " + s.id + ": " + e.getMessage());
      return 0;
    }
    if (s.deadlineTimer != null) {
      s.deadlineTimer.cancel(false);
    }
    slots.release(s);
    live.remove(s.id);
    if (s.parent() != null) {
      s.parent().removeChild(s);
    }
    if (ended) {
      Instant started = s.deadline().minus(s.timeout());
      observer.ended(s.task().agent(), result.state(), Duration.between(started, Instant.now()));
    }
    s.ended.complete(result);
    s.settled.complete(null);
    s.interruptWorker();
    int count = ended ? 1 : 0;
    for (LiveSession child : s.children()) {
      count += end(child, new Cancelled(childrenBy), childrenBy);
    }
    dispatch();
    return count;
  }

  /** Stops: every live session ends {@code interrupted}, deepest first. */
  void close() {
    stopped = true;
    live.values().stream()
        .sorted(Comparator.comparingInt(LiveSession::depth).reversed())
        .forEach(s -> end(s, new Interrupted("gateway stopped at " + Instant.now())));
    supervisor.shutdownNow();
    workers.shutdownNow();
    writer.close();
  }

  /** Stops every thread without writing anything, as a kill -9 would. */
  void halt() {
    halted = true;
    stopped = true;
    supervisor.shutdownNow();
    workers.shutdownNow();
    writer.close();
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
