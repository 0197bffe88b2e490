package dev.gitopscrew.session;

import dev.gitopscrew.request.RequestJson;
import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.AwaitingApproval;
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
import dev.gitopscrew.store.GroupCommit;
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
  private static final Duration POLL_EVERY = Duration.ofMillis(250);
  private static final Duration AWAIT_POLL = Duration.ofMillis(100);

  private final GroupCommit writer;
  private final JdbcSessionRepository repository;
  private final Approvals approvals;
  private final SessionLimits limits;
  private final Workforce workforce;
  private final SpawnChecks checks;
  final Slots slots;
  final ConcurrentHashMap<Long, LiveSession> live = new ConcurrentHashMap<>();
  private final ScheduledThreadPoolExecutor supervisor;
  private final ExecutorService workers;
  private final boolean shared;
  private final Object roots = new Object();
  private volatile int interruptedAtStart;
  private volatile Observer observer = (agent, state, ran) -> {};
  private volatile boolean leading;
  private final AtomicInteger sweeps = new AtomicInteger();
  private volatile boolean stopped;
  private volatile boolean halted;

  /**
   * An engine on the store parts the composition root built: it writes sessions through {@code
   * repository} (whose group-commit {@code writer} it stops when it stops) and parks requests in
   * {@code approvals}. On a store of its own ({@code shared} false) call {@link #lead()} before
   * use; on a store several processes share it runs nothing until it leads: it stores requests
   * queued for the leader and reads results from the store, and once leading it also runs what
   * other replicas stored.
   */
  public SessionEngine(
      GroupCommit writer,
      JdbcSessionRepository repository,
      Approvals approvals,
      SessionLimits limits,
      SpawnPolicy policy,
      Workforce workforce,
      boolean shared) {
    this.writer = writer;
    this.repository = repository;
    this.approvals = approvals;
    this.limits = limits;
    this.workforce = workforce;
    this.shared = shared;
    this.slots = new Slots(limits);
    this.checks = new SpawnChecks(limits, policy, workforce);
    this.supervisor = new ScheduledThreadPoolExecutor(1, daemon("crew-session-supervisor"));
    supervisor.setRemoveOnCancelPolicy(true);
    AtomicInteger n = new AtomicInteger();
    this.workers =
        Executors.newCachedThreadPool(
            r -> daemon("crew-session-" + n.incrementAndGet()).newThread(r));
  }

  /**
   * Becomes the one engine that runs sessions: finalises what a previous leader left running,
   * carries out approvals decided meanwhile, and (on a shared store) runs the requests other
   * replicas store, from now on.
   */
  public synchronized void lead() {
    if (leading || stopped) {
      return;
    }
    interruptedAtStart = finaliseLeftovers();
    leading = true;
    long sweep = SWEEP_EVERY.toMillis();
    supervisor.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    // decided while the previous process was stopping: carried out at once, on the supervisor
    // (the first query of its kind costs the gateway's start-up time, and no one waits for it)
    supervisor.execute(this::resumeApprovedButParked);
    if (shared) {
      long poll = POLL_EVERY.toMillis();
      supervisor.scheduleWithFixedDelay(this::poll, 0, poll, TimeUnit.MILLISECONDS);
    }
  }

  private void resumeApprovedButParked() {
    for (Approval approved : approvals.approvedButParked()) {
      resumeParked(approved.sessionId(), approved.decidedBy());
    }
  }

  /** Hears of every session this engine ends, for metrics. */
  public interface Observer {
    void ended(String agent, String state, Duration ran);
  }

  public void observe(Observer observer) {
    this.observer = observer;
  }

  /** Whether this engine runs sessions (always, on a store of its own). */
  public boolean leading() {
    return leading;
  }

  /** How many sessions were finalised {@code interrupted} at start. */
  public int interruptedAtStart() {
    return interruptedAtStart;
  }

  /**
   * Starts a request as a root session (depth 0), or says why it cannot start. On a replica that
   * does not lead, the request is stored queued and the leader runs it.
   */
  public SpawnOutcome submit(Task task, Origin origin) {
    return leading ? spawn(null, task, origin) : store(task, origin);
  }

  private SpawnOutcome store(Task task, Origin origin) {
    Optional<String> refusal =
        stopped ? Optional.of("the session engine is stopped") : checks.refusal(null, task, 0);
    if (refusal.isPresent()) {
      return new Refused(refusal.get());
    }
    Duration timeout = task.timeout() != null ? task.timeout() : limits.runTimeout();
    Instant now = Instant.now();
    LiveSession s = new LiveSession(null, 0, task, origin, timeout, now.plus(timeout));
    try {
      return new Spawned(
          StoreGuard.call(() -> repository.insert(s, JdbcSessionRepository.QUEUED, now)));
    } catch (RuntimeException e) {
      return new Refused(storeFailed(e));
    }
  }

  /**
   * Waits up to {@code wait} for a session's terminal result and returns it from the store; empty
   * while it is still running. A root's result counts as delivered once read here.
   */
  public Optional<SessionResult> awaitResult(long id, Duration wait) throws InterruptedException {
    LiveSession s = live.get(id);
    Optional<SessionRecord> found;
    if (s != null) {
      try {
        s.settled.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        return Optional.empty();
      } catch (ExecutionException e) {
        throw new IllegalStateException(e.getCause());
      }
      found = repository.find(id);
    } else {
      // run by another replica, or not started yet: its result arrives in the store
      found = settledInStore(id, Instant.now().plus(wait));
    }
    if (found.isPresent() && found.get().parentId() == null && found.get().isTerminal()) {
      repository.markConsumed(id, Instant.now());
    }
    return found.flatMap(SessionRecord::result);
  }

  private Optional<SessionRecord> settledInStore(long id, Instant until)
      throws InterruptedException {
    while (true) {
      Optional<SessionRecord> found = repository.find(id);
      // parked counts as settled while its approval waits for a person, not once approved
      boolean settled =
          found.isEmpty()
              || found.get().isTerminal()
              || (found.get().state().equals(JdbcSessionRepository.AWAITING_APPROVAL)
                  && approvals
                      .ofSession(id)
                      .map(a -> a.state().equals(Approval.PENDING))
                      .orElse(true));
      if (settled || !Instant.now().isBefore(until)) {
        return found;
      }
      Thread.sleep(AWAIT_POLL.toMillis());
    }
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
    for (long id : shared ? repository.leftoverIds() : repository.activeIds()) {
      if (repository.end(id, restart, Instant.now())) {
        count++;
      }
    }
    if (count > 0) {
      LOG.log(System.Logger.Level.INFO, "finalised {0} sessions as interrupted", count);
    }
    return count;
  }

  /** Inserts the session and makes it live; the store's error when it could not. */
  private Optional<String> storeLive(LiveSession s, String state, Instant now) {
    try {
      s.id = StoreGuard.call(() -> repository.insert(s, state, now));
    } catch (RuntimeException e) {
      return Optional.of(storeFailed(e));
    }
    live.put(s.id, s);
    return Optional.empty();
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
    Optional<String> failed;
    if (parent == null) {
      // a root is stored and made live under one lock, so the leader's poll never adopts it
      // twice; children are never adopted, and their inserts must not queue behind each other
      synchronized (roots) {
        failed = storeLive(s, state, now);
      }
    } else {
      failed = storeLive(s, state, now);
    }
    if (failed.isPresent()) {
      slots.withdraw(s, running);
      return new Refused(failed.get());
    }
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
              new ParentPort(this, s));
      end(s, new Succeeded(out == null ? "" : out));
    } catch (AwaitingApproval wait) {
      if (s.parent() == null) {
        park(s, wait);
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

  /** The approvals store, for listing and deciding. */
  public Approvals approvals() {
    return approvals;
  }

  /**
   * Parks a root until a person decides: it keeps no worker and no slot, its children have ended,
   * and it survives a restart in the store. Whoever waits for it is told it is parked.
   */
  private void park(LiveSession s, AwaitingApproval wait) {
    if (halted || !s.beginEnding()) {
      return;
    }
    Instant now = Instant.now();
    Approval approval =
        new Approval(
            Approval.newId(),
            s.id,
            s.task().request().describe(),
            wait.reason(),
            wait.preview(),
            Approval.PENDING,
            now,
            now.plus(limits.approvalTimeout()),
            null,
            null,
            null);
    boolean parked;
    try {
      parked = StoreGuard.call(() -> repository.park(s.id, approval));
    } catch (RuntimeException e) {
      s.abortEnding();
      end(s, new Failed("cannot wait for an approval: " + e.getMessage()));
      return;
    }
    if (s.deadlineTimer != null) {
      s.deadlineTimer.cancel(false);
    }
    slots.release(s);
    live.remove(s.id);
    for (LiveSession child : s.children()) {
      end(child, new Cancelled("parent #" + s.id + " waits for an approval"));
    }
    s.settled.complete(null);
    if (parked) {
      LOG.log(
          System.Logger.Level.INFO,
          "session {0} waits for approval {1}: {2}",
          s.id,
          approval.id(),
          wait.reason());
    }
    dispatch();
  }

  /** What became of a decision. */
  public sealed interface Decision {
    /** The request was approved and its root works again. */
    record Resumed(long sessionId) implements Decision {}

    /** The request was denied and its root ended cancelled. */
    record Denied(long sessionId) implements Decision {}

    /** Nothing changed, and why: no such approval, or already decided. */
    record Unchanged(String reason) implements Decision {}
  }

  /** Approves a parked request: it runs again, approved, from its stored request. */
  public Decision approve(String approvalId, String by) {
    return decide(approvalId, Approval.APPROVED, by, null);
  }

  /** Denies a parked request: it ends cancelled, saying who denied it and why. */
  public Decision deny(String approvalId, String by, String reason) {
    return decide(approvalId, Approval.DENIED, by, reason);
  }

  private Decision decide(String approvalId, String state, String by, String note) {
    Optional<Approval> found = StoreGuard.call(() -> approvals.find(approvalId));
    if (found.isEmpty()) {
      return new Decision.Unchanged("no approval " + approvalId);
    }
    Approval approval = found.get();
    if (!StoreGuard.call(() -> approvals.decide(approvalId, state, by, note, Instant.now()))) {
      Approval now = StoreGuard.call(() -> approvals.find(approvalId)).orElse(approval);
      return new Decision.Unchanged(
          "approval "
              + approvalId
              + " was already "
              + now.state()
              + (now.decidedBy() == null ? "" : " by " + now.decidedBy())
              + (now.decidedAt() == null ? "" : " at " + now.decidedAt())
              + (now.note() == null || now.note().isBlank() ? "" : " (" + now.note() + ")"));
    }
    if (state.equals(Approval.APPROVED)) {
      if (leading) {
        resumeParked(approval.sessionId(), by);
      } // else the leader finds the decision in the store and resumes it
      return new Decision.Resumed(approval.sessionId());
    }
    String why = "denied by " + by + (note == null || note.isBlank() ? "" : ": " + note);
    StoreGuard.call(() -> repository.end(approval.sessionId(), new Cancelled(why), Instant.now()));
    return new Decision.Denied(approval.sessionId());
  }

  /** Rebuilds a parked root from the store and starts it again, approved by {@code by}. */
  private void resumeParked(long id, String by) {
    Optional<SessionRecord> record = repository.find(id);
    Optional<String> json = repository.requestJson(id);
    if (record.isEmpty() || json.isEmpty() || stopped) {
      return;
    }
    SessionRecord r = record.get();
    Task task = new Task(r.agent(), RequestJson.read(json.get()), null, by);
    Instant now = Instant.now();
    LiveSession s =
        new LiveSession(
            null,
            0,
            task,
            new Origin(r.channel(), r.requester()),
            limits.runTimeout(),
            now.plus(limits.runTimeout()));
    s.id = id;
    Slots.Admission admission = slots.admit(s);
    boolean running = admission == Slots.Admitted.RUN;
    if (admission instanceof Slots.Rejected rejected) {
      repository.end(id, new Failed("cannot resume after approval: " + rejected.reason()), now);
      return;
    }
    String state = running ? JdbcSessionRepository.RUNNING : JdbcSessionRepository.QUEUED;
    synchronized (roots) {
      if (!StoreGuard.call(() -> repository.resume(id, state, s.deadline(), now))) {
        slots.withdraw(s, running);
        return;
      }
      live.put(id, s);
    }
    s.deadlineTimer =
        supervisor.schedule(() -> expire(s), limits.runTimeout().toMillis(), TimeUnit.MILLISECONDS);
    if (running) {
      startSoon(s, false);
    } else {
      slots.enqueue(s);
      dispatch();
    }
  }

  /** Parked requests nobody approved in time end {@code timed_out}. */
  private void expireApprovals(Instant now) {
    for (Approval a : approvals.expired(now)) {
      if (approvals.decide(a.id(), Approval.EXPIRED, "nobody", "not decided in time", now)) {
        repository.end(a.sessionId(), new TimedOut(limits.approvalTimeout()), now);
      }
    }
  }

  private void expire(LiveSession s) {
    end(s, new TimedOut(s.timeout()));
  }

  /**
   * The leader's look at the shared store: requests other replicas stored, approvals they recorded,
   * and roots they cancelled.
   */
  private void poll() {
    if (stopped) {
      return;
    }
    try {
      synchronized (roots) {
        for (long id : repository.queuedRoots()) {
          if (!live.containsKey(id)) {
            adopt(id);
          }
        }
      }
      resumeApprovedButParked();
      List<Long> roots =
          live.values().stream().filter(l -> l.parent() == null).map(l -> l.id).toList();
      for (long id : repository.endedAmong(roots)) {
        LiveSession s = live.get(id);
        if (s != null) {
          cancelTree(s, "another replica");
        }
      }
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "reading the shared store failed: " + e.getMessage());
    }
  }

  /** Runs a request another replica stored, rebuilt from the store with its own deadline. */
  private void adopt(long id) {
    Optional<SessionRecord> record = repository.find(id);
    Optional<String> json = repository.requestJson(id);
    if (record.isEmpty() || json.isEmpty()) {
      return;
    }
    SessionRecord r = record.get();
    Task task =
        new Task(
            r.agent(),
            RequestJson.read(json.get()),
            r.timeout(),
            repository.approvedBy(id).orElse(null));
    LiveSession s =
        new LiveSession(
            null, 0, task, new Origin(r.channel(), r.requester()), r.timeout(), r.deadlineAt());
    s.id = id;
    Slots.Admission admission = slots.admit(s);
    if (admission instanceof Slots.Rejected rejected) {
      repository.end(id, new Failed(rejected.reason()), Instant.now());
      return;
    }
    live.put(id, s);
    long left = Math.max(0, Duration.between(Instant.now(), r.deadlineAt()).toMillis());
    s.deadlineTimer = supervisor.schedule(() -> expire(s), left, TimeUnit.MILLISECONDS);
    if (admission == Slots.Admitted.RUN) {
      startSoon(s, true);
    } else {
      slots.enqueue(s);
      dispatch();
    }
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
    try {
      expireApprovals(now);
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "expiring approvals failed: " + e.getMessage());
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

  /** The requester's reason when the store refused a session; the store's own words are logged. */
  private static String storeFailed(RuntimeException e) {
    LOG.log(System.Logger.Level.WARNING, "the state store failed to record a session", e);
    return "the state store failed to record the session (the gateway's log says why); nothing"
        + " ran";
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
