package dev.gitopscrew.webhook;

import dev.gitopscrew.session.DaemonThreads;
import dev.gitopscrew.settings.Secret;
import dev.gitopscrew.store.JdbcDeliveries;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * {@code POST /webhooks/argocd}: checks the bearer token, stores the delivery (a repeat is
 * recognised and answered 200), answers 202 at once and works it on one worker thread once the
 * deliveries have stopped arriving for a moment (at most a few seconds later under a flood), so a
 * burst is answered before any of it is worked. The health sweep runs on that thread too, so a
 * sweep and a delivery never act on one application at once. A delivery accepted but not worked
 * when the process stopped is worked at the next start; one a replica that does not lead accepted
 * is worked by the leader.
 */
public final class ArgoWebhook implements AutoCloseable {

  /** An HTTP answer: status and JSON body. */
  public record Reply(int status, Map<String, Object> body) {}

  public static final String SOURCE = "argocd";
  public static final String TOKEN_VARIABLE = "CREW_ARGOCD_WEBHOOK_TOKEN";
  private static final Logger LOG = Logger.getLogger(ArgoWebhook.class);

  private final Optional<Secret> token;
  private final JdbcDeliveries deliveries;
  private final ArgoEvents events;
  private final HealthSweep sweep;
  // intake comes first: the worker starts on what was accepted once no new delivery came for QUIET
  // (or AT_MOST after it was first due), so the answers of a burst do not wait behind its work
  private static final long QUIET = TimeUnit.MILLISECONDS.toNanos(150);
  private static final long AT_MOST = TimeUnit.SECONDS.toNanos(5);
  private final java.util.concurrent.atomic.AtomicLong lastIntake =
      new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - QUIET);
  private final java.util.concurrent.atomic.AtomicBoolean drainDue =
      new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long dueSince;
  private volatile boolean started;
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("argocd-webhook"));

  public ArgoWebhook(
      Optional<Secret> token, JdbcDeliveries deliveries, ArgoEvents events, HealthSweep sweep) {
    this.token = token;
    this.deliveries = deliveries;
    this.events = events;
    this.sweep = sweep;
  }

  /**
   * Works what an earlier process accepted and left, and sweeps every {@code sweepEvery} (zero: no
   * sweep).
   */
  /** Argo CD's deliveries not worked yet (the store also keeps the forges' webhooks). */
  private java.util.List<JdbcDeliveries.Delivery> ours() {
    return deliveries.pending().stream().filter(d -> d.source().equals(SOURCE)).toList();
  }

  public synchronized void start(Duration sweepEvery) {
    if (started) {
      return;
    }
    started = true;
    worker.execute(this::workPending);
    // deliveries other replicas accepted (a shared store), and those whose store write failed:
    // this one works them once it leads
    worker.scheduleWithFixedDelay(this::workPendingWhenQuiet, 1, 1, TimeUnit.SECONDS);
    if (!sweepEvery.isZero()) {
      long seconds = sweepEvery.toSeconds();
      worker.scheduleWithFixedDelay(this::sweepLogged, seconds, seconds, TimeUnit.SECONDS);
    }
  }

  /** What the headers alone decide: 503 when the token is not set, 401 when it is not sent. */
  public static Optional<HeaderRefusal> checkHeaders(Optional<Secret> token, String authorization) {
    if (token.isEmpty()) {
      return HeaderRefusal.off("the Argo CD webhook", TOKEN_VARIABLE, "docs/argocd.md");
    }
    String presented =
        authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
            ? authorization.substring(7).strip()
            : null;
    if (!token.get().matches(presented)) {
      return HeaderRefusal.unauthorized(
          "missing or wrong bearer token (" + TOKEN_VARIABLE + ")",
          "Bearer realm=\"gitops-crew-argocd\"");
    }
    return Optional.empty();
  }

  /** A body as it arrived: it must be UTF-8, as JSON is (RFC 8259), or it is refused with 400. */
  public Reply receive(String authorization, byte[] body) {
    Optional<HeaderRefusal> refused = checkHeaders(token, authorization);
    if (refused.isPresent()) {
      return reply(refused.get().status(), refused.get().error());
    }
    try {
      return receive(
          authorization,
          java.nio.charset.StandardCharsets.UTF_8
              .newDecoder()
              .decode(java.nio.ByteBuffer.wrap(body))
              .toString());
    } catch (java.nio.charset.CharacterCodingException e) {
      return reply(400, "the body is not valid UTF-8: JSON must be sent as UTF-8");
    }
  }

  /**
   * Works every delivery still accepted. A failure to read them is logged and tried again at the
   * next tick: an exception escaping a scheduled task would end the task for good.
   */
  private void workPending() {
    try {
      ours().forEach(d -> work(d.id()));
    } catch (RuntimeException e) {
      LOG.warnf("reading pending Argo CD deliveries failed, trying again: %s", e.getMessage());
    }
  }

  public Reply receive(String authorization, String body) {
    Optional<HeaderRefusal> refused = checkHeaders(token, authorization);
    if (refused.isPresent()) {
      return reply(refused.get().status(), refused.get().error());
    }
    lastIntake.set(System.nanoTime());
    ArgoNotification n;
    try {
      n = ArgoNotification.parse(body);
    } catch (ArgoNotification.Malformed e) {
      return reply(400, e.getMessage());
    }
    JdbcDeliveries.Recorded recorded =
        deliveries.record(SOURCE, n.dedupeKey(events.argocdNamespace()), body);
    Map<String, Object> answer = PullRequestDeliveries.answer(recorded);
    if (recorded.duplicate()) {
      return new Reply(200, answer);
    }
    if (started && drainDue.compareAndSet(false, true)) {
      dueSince = System.nanoTime();
      worker.schedule(this::drain, QUIET, TimeUnit.NANOSECONDS);
    } // else the leader works it, or a drain is already due

    return new Reply(202, answer);
  }

  /** On the worker: works what was accepted once intake is quiet, else looks again then. */
  private void drain() {
    long now = System.nanoTime();
    long quietFor = now - lastIntake.get();
    if (quietFor < QUIET && now - dueSince < AT_MOST) {
      worker.schedule(this::drain, QUIET - quietFor, TimeUnit.NANOSECONDS);
      return;
    }
    drainDue.set(false); // a delivery accepted from here on schedules the next drain
    workPending();
  }

  private void workPendingWhenQuiet() {
    if (!drainDue.get() && System.nanoTime() - lastIntake.get() >= QUIET) {
      workPending();
    }
  }

  private void work(long id) {
    Optional<JdbcDeliveries.Delivery> delivery = deliveries.find(id);
    if (delivery.isEmpty() || !delivery.get().state().equals("accepted")) {
      return;
    }
    ArgoEvents.Outcome outcome;
    String what = "delivery " + id;
    try {
      ArgoNotification n = ArgoNotification.parse(delivery.get().payload());
      what += " " + n.event() + " " + n.app();
      outcome = events.handle(n);
    } catch (ArgoNotification.Malformed e) {
      outcome = ArgoEvents.Outcome.failed(e.getMessage());
    } catch (InterruptedException e) {
      // stopping: the delivery stays accepted and is worked at the next start
      Thread.currentThread().interrupt();
      return;
    } catch (RuntimeException e) {
      outcome = ArgoEvents.Outcome.failed(e.toString());
    }
    deliveries.finish(id, outcome.state(), outcome.sessionId(), outcome.note());
    LOG.infof(
        "argocd %s: %s%s%s",
        what,
        outcome.state(),
        outcome.sessionId() == null ? "" : " as session " + outcome.sessionId(),
        outcome.note() == null ? "" : ": " + outcome.note());
  }

  private void sweepLogged() {
    try {
      LOG.info(sweep.sweep().describe());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.warnf("sweep failed: %s", e.toString());
    }
  }

  /** Runs one sweep on the worker thread and returns what it did. */
  public HealthSweep.Result sweepNow(Duration within)
      throws InterruptedException, TimeoutException {
    try {
      return worker.submit(sweep::sweep).get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Works every delivery received so far, quiet or not, and waits until that is done. */
  public void awaitIdle(Duration within) throws InterruptedException, TimeoutException {
    try {
      worker.submit(this::workPending).get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Reply reply(int status, String error) {
    return new Reply(status, Map.of("error", error));
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
