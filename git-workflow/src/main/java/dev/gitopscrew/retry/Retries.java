package dev.gitopscrew.retry;

import dev.failsafe.RetryPolicy;
import dev.failsafe.RetryPolicyBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every retry policy of the crew, in one place: how many attempts, how long to wait between them
 * and which outcome is tried again. Each caller names the policy it uses and runs it with Failsafe
 * ({@code Failsafe.with(Retries.gitPush()).get(...)}).
 *
 * <p>Where the failure to retry is a library's exception (a Kubernetes client error, a forge
 * adapter's answer), the adapter that knows that library says which failures are transient and
 * passes that test in; the number of attempts and the waits are decided here.
 *
 * <p>As Failsafe runs them: the last attempt's unchecked exception is thrown as it is; a result the
 * policy retries is returned as it is once the attempts are used up; an interrupt while waiting
 * between attempts ends the retries with a {@code FailsafeException} caused by the {@link
 * InterruptedException}, the thread's interrupt flag set again.
 */
public final class Retries {

  /** Attempts of a forge create ({@link #forgeCreate}) and of a forge read ({@link #forgeRead}). */
  public static final int FORGE_ATTEMPTS = 3;

  /** The first wait between forge attempts; each further wait doubles it. */
  public static final Duration FORGE_BACKOFF = Duration.ofMillis(500);

  /** Attempts of a push that the remote rejects because the branch moved ({@link #gitPush}). */
  public static final int GIT_PUSH_ATTEMPTS = 3;

  /** Attempts of a Kubernetes API call ({@link #clusterCall}). */
  public static final int CLUSTER_ATTEMPTS = 4;

  /** Attempts of a post to a chat webhook ({@link #chatPost}). */
  public static final int CHAT_POST_ATTEMPTS = 5;

  /** Attempts at a new issue or pull request number when another writer takes it first. */
  public static final int NUMBER_ATTEMPTS = 4;

  private Retries() {}

  /**
   * A new number in a shared sequence (the local forge's issues and pull requests, max + 1 in a
   * transaction): {@value #NUMBER_ATTEMPTS} attempts at once, each in a new transaction, when
   * {@code clash} says another writer took the number first (a unique key refused it); any other
   * failure ends the retries.
   */
  public static <T> RetryPolicy<T> numberClash(Predicate<Throwable> clash) {
    return RetryPolicy.<T>builder()
        .handleIf(e -> clash.test(e))
        .withMaxAttempts(NUMBER_ATTEMPTS)
        .build();
  }

  /**
   * An idempotent forge create ({@code CreateOnce}): {@value #FORGE_ATTEMPTS} attempts, waiting
   * {@code backoff} and then twice that (no wait when {@code backoff} is zero), after each failure
   * {@code transientFailure} accepts (a 5xx, a 429, no answer). The caller looks for what a failed
   * attempt may have made before the failure counts.
   */
  public static <T> RetryPolicy<T> forgeCreate(
      Duration backoff, Predicate<Throwable> transientFailure) {
    return Retries.<T>doubling(backoff, FORGE_ATTEMPTS)
        .handleIf(e -> transientFailure.test(e))
        .build();
  }

  /**
   * A read of a forge's REST API ({@code GitHubRest}'s GETs): {@value #FORGE_ATTEMPTS} attempts,
   * waiting {@code backoff} and then twice that (no wait when zero), after each failure {@code
   * unanswered} accepts (a dropped connection or a 5xx). Writes are never retried this way: their
   * callers look at what exists first. Rate limits are waited out apart, as the limit says.
   */
  public static <T> RetryPolicy<T> forgeRead(Duration backoff, Predicate<Throwable> unanswered) {
    return Retries.<T>doubling(backoff, FORGE_ATTEMPTS).handleIf(e -> unanswered.test(e)).build();
  }

  /**
   * A push without force that the remote rejected because the branch moved meanwhile ({@code
   * Mirror.pushFresh}, the local forge's merge): {@value #GIT_PUSH_ATTEMPTS} attempts at once, no
   * wait, each one fetching and merging again. An attempt returns its outcome, or empty when the
   * push was rejected; only empty is tried again, any exception ends the retries. Empty after the
   * last attempt is the caller's to report.
   */
  public static <T> RetryPolicy<Optional<T>> gitPush() {
    return RetryPolicy.<Optional<T>>builder()
        .handleIf((outcome, failure) -> failure == null && outcome.isEmpty())
        .withMaxAttempts(GIT_PUSH_ATTEMPTS)
        .build();
  }

  /**
   * A Kubernetes API call ({@code Fabric8Cluster}): {@value #CLUSTER_ATTEMPTS} attempts, waiting
   * 200 ms, doubling up to 2 s, with 20% jitter, after each failure {@code transientFailure}
   * accepts (a conflict, throttling, a server error, a call nobody answered). The client's own
   * retry must be off, or it multiplies these attempts.
   */
  public static <T> RetryPolicy<T> clusterCall(Predicate<Throwable> transientFailure) {
    return RetryPolicy.<T>builder()
        .handleIf(e -> transientFailure.test(e))
        .withBackoff(Duration.ofMillis(200), Duration.ofSeconds(2))
        .withJitter(0.2)
        .withMaxAttempts(CLUSTER_ATTEMPTS)
        .build();
  }

  /**
   * A post to a chat webhook ({@code PostWebhookNotification}): {@value #CHAT_POST_ATTEMPTS}
   * attempts while the answer is a 429 or a 5xx; exceptions are not retried. The policy does not
   * wait itself: the wait is the one the server names ({@code Retry-After}), which the caller takes
   * from the previous answer before each further attempt.
   */
  public static RetryPolicy<HttpResponse<String>> chatPost() {
    return RetryPolicy.<HttpResponse<String>>builder()
        .handleIf(
            (response, failure) ->
                failure == null && (response.statusCode() == 429 || response.statusCode() >= 500))
        .withMaxAttempts(CHAT_POST_ATTEMPTS)
        .build();
  }

  /**
   * The pid in a state directory's lock file, read while the gateway that just took the lock has
   * not written it yet ({@code StateDirLock}): read again every 50 ms, 20 times more at most, while
   * the read is empty.
   */
  public static <T> RetryPolicy<Optional<T>> lockHolder() {
    return RetryPolicy.<Optional<T>>builder()
        .handleResultIf(Optional::isEmpty)
        .withDelay(Duration.ofMillis(50))
        .withMaxRetries(20)
        .build();
  }

  /**
   * {@code attempts} attempts, waiting {@code first} and doubling it before each further one; no
   * wait when {@code first} is zero (Failsafe takes no zero backoff).
   */
  private static <T> RetryPolicyBuilder<T> doubling(Duration first, int attempts) {
    RetryPolicyBuilder<T> builder = RetryPolicy.<T>builder().withMaxAttempts(attempts);
    if (first.isZero()) {
      return builder;
    }
    return builder.withBackoff(first, first.multipliedBy(1L << (attempts - 2)));
  }
}
