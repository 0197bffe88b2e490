package dev.gitopscrew.session;

import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Origin;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SessionResult.Cancelled;
import dev.gitopscrew.roles.work.SessionResult.Failed;
import dev.gitopscrew.roles.work.SessionResult.Interrupted;
import dev.gitopscrew.roles.work.SessionResult.Succeeded;
import dev.gitopscrew.roles.work.SessionResult.TimedOut;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.SpawnOutcome.Refused;
import dev.gitopscrew.roles.work.SpawnOutcome.Spawned;
import dev.gitopscrew.roles.work.Task;
import dev.gitopscrew.roles.work.Work;
import dev.gitopscrew.roles.work.Workforce;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Runs sessions and supervises them. Every session gets a finite deadline when it is spawned; one
 * supervisor thread ends it {@code timed_out} when the deadline passes. Every session ends in
 * exactly one terminal result, committed by a conditional update before anyone is told, and parents
 * read their children's results from the store. Sessions left running by a previous process are
 * finalised {@code interrupted} when the engine starts.
 */
public final class SessionEngine implements AutoCloseable {

  private static final System.Logger LOG = System.getLogger(SessionEngine.class.getName());
  private static final Duration SWEEP_EVERY = Duration.ofSeconds(1);
  private static final int ARCHIVE_EVERY_SWEEPS = 60;

  private final GroupCommit writer;
  private final JdbcSessionRepository repository;
  private final SessionLimits limits;
  private final Workforce workforce;
  private final SpawnChecks checks;
  final Slots slots;
  final ConcurrentHashMap<Long, LiveSession> live = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor supervisor;
  private final ExecutorService workers;
  private final int interruptedAtStart;
  private final AtomicInteger sweeps = new AtomicInteger();
  private volatile boolean stopped;
  private volatile boolean halted;

  private SessionEngine(
      DataSource dataSource, SessionLimits limits, SpawnPolicy policy, Workforce workforce) {
    this.writer = new GroupCommit(dataSource);
    this.repository = new JdbcSessionRepository(dataSource, writer);
    this.limits = limits;
    this.workforce = workforce;
    this.slots = new Slots(limits);
    this.checks = new SpawnChecks(limits, policy, workforce);
    this.interruptedAtStart = finaliseLeftovers();
    this.supervisor = new ScheduledThreadPoolExecutor(1, daemon("crew-session-supervisor"));
    supervisor.setRemoveOnCancelPolicy(true);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            r -> daemon("crew-session-" + n.incrementAndGet()).newThread(r));
    long sweep = SWEEP_EVERY.toMillis();
    supervisor.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
  }

  /**
   * Starts the engine on a migrated store. Sessions a previous process left queued or running are
   * first finalised {@code interrupted}, each in its own transaction, so their parents have them.
   */
  public static SessionEngine start(
      DataSource dataSource, SessionLimits limits, SpawnPolicy policy, Workforce workforce) {
    return new SessionEngine(dataSource, limits, policy, workforce);
  }

  /** How many sessions were finalised {@code interrupted} at start. */
  public int interruptedAtStart() {
    return interruptedAtStart;
  }

  /** Starts a request as a root session (depth 0), or says why it cannot start. */
  public SpawnOutcome submit(Task task, Origin origin) {
    return spawn(null, task, origin);
  }

  /**
   * Waits up to {@code wait} for a session's terminal result and returns it from the store; empty
   * while it is still running. A root's result counts as delivered once read here.
   */
  public Optional<SessionResult> awaitResult(long id, Duration wait) throws InterruptedException {
    LiveSession s = live.get(id);
    if (s != null) {
      try {
        s.ended.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        return Optional.empty();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
    }
    Optional<SessionRecord> found = repository.find(id);
    if (found.isPresent() && found.get().parentId() == null && found.get().isTerminal()) {
      repository.markConsumed(id, Instant.now());
    }
    return found.flatMap(SessionRecord::result);
  }

  public Optional<SessionRecord> find(long id) {
    return repository.find(id);
  }

  /** A session's whole tree, root first. */
  public List<SessionRecord> tree(long rootId) {
    return repository.tree(rootId);
  }

  /** The newest sessions first. */
  public List<SessionRecord> list(boolean includeArchived, int limit) {
    return repository.list(includeArchived, limit);
  }

  public JdbcSessionRepository repository() {
    return repository;
  }

  /**
   * Cancels a session and its whole subtree, interrupting their work. Returns how many sessions
   * this ended (0 when it had already ended).
   */
  public int cancel(long id, String by) {
    LiveSession s = live.get(id);
    if (s != null) {
      return cancelTree(s, by);
    }
    // not run by this process but not ended either: the store still gets its one result
    return repository.end(id, new Cancelled(by), Instant.now()) ? 1 : 0;
  }

  /** Marks sessions that ended more than {@code archiveAfterMinutes} ago archived. */
  public int archiveFinished() {
    Instant now = Instant.now();
    return repository.archive(now.minus(Duration.ofMinutes(limits.archiveAfterMinutes())), now);
  }

  /** Stops: every live session ends {@code interrupted}, deepest first. */
  @Override
  public void close() {
    stopped = true;
    live.values().stream()
        .sorted(Comparator.comparingInt(LiveSession::depth).reversed())
        .forEach(s -> end(s, new Interrupted("gateway stopped at " + Instant.now())));
    supervisor.shutdownNow();
    workers.shutdownNow();
    writer.close();
  }

  /** Stops every thread without writing anything, as a kill -9 would. For tests and benches. */
  public void halt() {
    halted = true;
    stopped = true;
    supervisor.shutdownNow();
    workers.shutdownNow();
    writer.close();
  }

  private int finaliseLeftovers() {
    int count = 0;
    Interrupted restart = new Interrupted("gateway restarted at " + Instant.now());
    for (long id : repository.activeIds()) {
      if (repository.end(id, restart, Instant.now())) {
        count++;
      }
    }
    if (count > 0) {
      LOG.log(System.Logger.Level.INFO, "finalised {0} sessions as interrupted", count);
    }
    return count;
  }

  SpawnOutcome spawn(LiveSession parent, Task task) {
    return spawn(parent, task, parent.origin());
  }

  private SpawnOutcome spawn(LiveSession parent, Task task, Origin origin) {
    int depth = parent == null ? 0 : parent.depth() + 1;
    Optional<String> refusal =
        stopped
            ? Optional.of("the session engine is stopped")
            : checks.refusal(parent, task, depth);
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    Duration timeout = task.timeout() != null ? task.timeout() : limits.runTimeout();
    Instant now = Instant.now();
    LiveSession s = new LiveSession(parent, depth, task, origin, timeout, now.plus(timeout));
    Slots.Admission admission = slots.admit(s);
    if (admission instanceof Slots.Rejected r) {
      return new Refused(r.reason());
    }
    boolean running = admission == Slots.Admitted.RUN;
    String state = running ? JdbcSessionRepository.RUNNING : JdbcSessionRepository.QUEUED;
    try {
      s.id = StoreGuard.call(() -> repository.insert(s, state, now));
    } catch (RuntimeException e) {
      slots.withdraw(s, running);
      return new Refused("the state store failed to record the session: " + e.getMessage());
    }
    live.put(s.id, s);
    if (parent != null) {
      parent.addChild(s);
      if (parent.isEnding()) {
        // the parent began ending while this child was admitted: its cancel loop may have missed it
        String by = "parent #" + parent.id + " ended";
        end(s, new Cancelled(by), by);
        return new Spawned(s.id);
      }
    }
    s.deadlineTimer =
        supervisor.schedule(() -> expire(s), timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (running) {
      startSoon(s, false);
    } else {
      slots.enqueue(s);
      dispatch();
    }
    return new Spawned(s.id);
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
              new Assignment(s.id, s.rootId(), s.depth(), s.task(), s.origin()),
              new ParentPort(this, s));
      end(s, new Succeeded(out == null ? "" : out));
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

  private void expire(LiveSession s) {
    end(s, new TimedOut(s.timeout()));
  }

  /** The supervisor's safety net, should a deadline timer ever be lost. */
  private void sweep() {
    Instant now = Instant.now();
    if (sweeps.incrementAndGet() % ARCHIVE_EVERY_SWEEPS == 0) {
      try {
        archiveFinished();
      } catch (RuntimeException e) {
        LOG.log(System.Logger.Level.WARNING, "archiving sessions failed: " + e.getMessage());
      }
    }
    for (LiveSession s : live.values()) {
      if (s.deadline().isBefore(now)) {
        expire(s);
      }
    }
  }

  private int cancelTree(LiveSession s, String by) {
    return end(s, new Cancelled(by), by + " (subtree of session " + s.id + ")");
  }

  /**
   * Ends a session: one conditional update, then the bookkeeping and the waiters. Returns true when
   * this call ended it.
   */
  private boolean end(LiveSession s, SessionResult result) {
    return end(s, result, "parent session " + s.id + " ended " + result.state()) > 0;
  }

  /**
   * Ends a session, then cancels what is left of its subtree with {@code childrenBy}: the session
   * is claimed first, so work that finishes meanwhile cannot end it another way. Returns how many
   * sessions this call ended.
   */
  private int end(LiveSession s, SessionResult result, String childrenBy) {
    if (halted || !s.beginEnding()) {
      return 0;
    }
    boolean ended;
    try {
      ended = StoreGuard.call(() -> repository.end(s.id, result, Instant.now()));
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
    s.ended.complete(result);
    s.interruptWorker();
    int count = ended ? 1 : 0;
    for (LiveSession child : s.children()) {
      count += end(child, new Cancelled(childrenBy), childrenBy);
    }
    dispatch();
    return count;
  }

  private static String reason(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    };
  }
}
