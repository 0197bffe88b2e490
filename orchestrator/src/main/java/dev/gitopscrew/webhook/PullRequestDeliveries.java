package dev.gitopscrew.webhook;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gitopscrew.channel.pr.PullRequestChannel;
import dev.gitopscrew.channel.pr.PullRequestEvent;
import dev.gitopscrew.session.DaemonThreads;
import dev.gitopscrew.store.JdbcDeliveries;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The pull request webhooks' store and worker: a delivery is stored (deduplicated by the database)
 * with its typed event before the forge is answered, and worked on one thread, one at a time, so
 * two pushes to one pull request are validated in order. Only the replica that leads works: it
 * calls {@link #start}, works what was left, and picks up what other replicas accepted; until then
 * deliveries wait in the store.
 */
public final class PullRequestDeliveries implements AutoCloseable {

  /** An HTTP answer: status and JSON body. */
  public record Reply(int status, Map<String, Object> body) {}

  public static final Set<String> SOURCES = Set.of(GitHubWebhook.SOURCE, AzureDevOpsWebhook.SOURCE);
  private static final Logger LOG = Logger.getLogger(PullRequestDeliveries.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JdbcDeliveries deliveries;
  private final PullRequestChannel channel;
  private final Set<Long> queued = ConcurrentHashMap.newKeySet();
  private volatile boolean started;
  private final ScheduledExecutorService worker =
      Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("pull-request-webhooks"));

  public PullRequestDeliveries(JdbcDeliveries deliveries, PullRequestChannel channel) {
    this.deliveries = deliveries;
    this.channel = channel;
  }

  /**
   * Starts working (the leader calls it): what is pending now, then every {@code poll} what other
   * replicas accepted (zero: no polling).
   */
  public void start(Duration poll) {
    started = true;
    worker.execute(this::workPending);
    if (!poll.isZero()) {
      worker.scheduleWithFixedDelay(
          this::workPending, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** A refusal the forges' webhooks answer: {@code {"error": message}}. */
  static Reply error(int status, String message) {
    return new Reply(status, Map.of("error", message));
  }

  /**
   * Why a webhook's body is not JSON, with where when the parser knows (every receiver's words).
   */
  static String notJson(JsonProcessingException e) {
    JsonLocation at = e.getLocation();
    return "not JSON"
        + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr())
        + ": "
        + e.getOriginalMessage();
  }

  /** Stores a delivery; a new one is answered 202 and worked, a repeat 200. */
  Reply accept(String source, String key, PullRequestEvent event) {
    String payload;
    try {
      payload = JSON.writeValueAsString(event);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    JdbcDeliveries.Recorded recorded = deliveries.record(source, key, payload);
    Map<String, Object> answer = answer(recorded);
    if (recorded.duplicate()) {
      return new Reply(200, answer);
    }
    answer.put("event", event.describe());
    if (started) {
      queue(recorded.id());
    }
    return new Reply(202, answer);
  }

  /**
   * The start of the answer to a stored delivery, for Argo CD's webhook too: its id, then that it
   * is accepted, or for a repeat that it is ignored.
   */
  static Map<String, Object> answer(JdbcDeliveries.Recorded recorded) {
    Map<String, Object> answer = new java.util.LinkedHashMap<>();
    answer.put("delivery", recorded.id());
    if (recorded.duplicate()) {
      answer.put("duplicate", true);
      answer.put("message", "already received as delivery " + recorded.id() + "; ignored");
    } else {
      answer.put("state", "accepted");
    }
    return answer;
  }

  private void workPending() {
    try {
      deliveries.pending().stream()
          .filter(d -> SOURCES.contains(d.source()))
          .forEach(d -> queue(d.id()));
    } catch (RuntimeException e) {
      LOG.warnf("reading pending pull request deliveries failed: %s", e.toString());
    }
  }

  private void queue(long id) {
    if (queued.add(id)) {
      worker.execute(() -> work(id));
    }
  }

  private void work(long id) {
    try {
      Optional<JdbcDeliveries.Delivery> delivery = deliveries.find(id);
      if (delivery.isEmpty() || !delivery.get().state().equals("accepted")) {
        return;
      }
      PullRequestChannel.Handled handled;
      try {
        PullRequestEvent event = JSON.readValue(delivery.get().payload(), PullRequestEvent.class);
        handled = channel.handle(event);
      } catch (JsonProcessingException e) {
        handled = new PullRequestChannel.Handled("failed", null, "unreadable: " + e.getMessage());
      } catch (InterruptedException e) {
        // stopping: the delivery stays accepted and is worked at the next start
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        handled = new PullRequestChannel.Handled("failed", null, e.toString());
      }
      deliveries.finish(id, handled.state(), handled.sessionId(), handled.note());
      LOG.infof(
          "%s delivery %d: %s%s: %s",
          delivery.get().source(),
          id,
          handled.state(),
          handled.sessionId() == null ? "" : " as session " + handled.sessionId(),
          handled.note());
    } finally {
      queued.remove(id);
    }
  }

  /** Waits until every delivery queued so far is worked. */
  public void awaitIdle(Duration within) throws InterruptedException, TimeoutException {
    try {
      worker.submit(() -> {}).get(within.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    worker.shutdownNow();
  }
}
