package dev.gitopscrew.forge.github;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.HttpException;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * Waits out GitHub's primary and secondary rate limits ({@code Retry-After}, else {@code
 * x-ratelimit-reset}, else a minute), up to a bound: a longer wait fails the call instead of
 * stalling the crew. hub4j retries the request when a handler returns.
 */
final class WaitOutLimits {

  private static final Duration SECONDARY_DEFAULT = Duration.ofSeconds(60);

  private final Duration maxWait;
  private final Clock clock;

  private final java.util.function.Consumer<Duration> onWait;

  WaitOutLimits(Duration maxWait, Clock clock) {
    this(maxWait, clock, waited -> {});
  }

  WaitOutLimits(Duration maxWait, Clock clock, java.util.function.Consumer<Duration> onWait) {
    this.maxWait = maxWait;
    this.clock = clock;
    this.onWait = onWait;
  }

  GitHubRateLimitHandler primary() {
    return new GitHubRateLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        waitOut(response, "rate limit");
      }
    };
  }

  GitHubAbuseLimitHandler secondary() {
    return new GitHubAbuseLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        waitOut(response, "secondary rate limit");
      }
    };
  }

  private void waitOut(GitHubConnectorResponse response, String which) throws IOException {
    Duration wait = waitFor(response);
    if (wait.compareTo(maxWait) > 0) {
      throw new HttpException(
          tooLong(which, wait),
          response.statusCode(),
          "rate limited",
          response.request().url().toString());
    }
    sleep(wait, which);
  }

  /** Whether {@code wait} is within the bound; the message to fail with when it is not. */
  boolean allows(Duration wait) {
    return wait.compareTo(maxWait) <= 0;
  }

  String tooLong(String which, Duration wait) {
    return "GitHub "
        + which
        + ": asked to wait "
        + wait.toSeconds()
        + " s, more than the "
        + maxWait.toSeconds()
        + " s allowed";
  }

  void sleep(Duration wait, String which) throws IOException {
    onWait.accept(wait);
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while waiting out the GitHub " + which, e);
    }
  }

  Duration waitFor(GitHubConnectorResponse response) {
    return waitFor(response::header);
  }

  /** The wait a limited answer asks for, from its headers (looked up by name). */
  Duration waitFor(Function<String, String> header) {
    String retryAfter = header.apply("Retry-After");
    if (retryAfter != null && retryAfter.trim().matches("\\d+")) {
      return Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
    }
    String reset = header.apply("X-RateLimit-Reset");
    if (reset != null && reset.trim().matches("\\d+")) {
      long seconds = Long.parseLong(reset.trim()) - clock.instant().getEpochSecond();
      return Duration.ofSeconds(Math.max(1, seconds));
    }
    return SECONDARY_DEFAULT;
  }
}
