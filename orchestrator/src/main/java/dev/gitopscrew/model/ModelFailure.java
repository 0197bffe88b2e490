package dev.gitopscrew.model;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Why a model did not answer, typed before any text reaches a user. {@link #fallsThrough()} says
 * whether the next model of the chain is tried: on authentication errors, rate limits, overload,
 * timeouts, server errors, an unreachable or unconfigured provider and an unknown model; never on a
 * refusal, a cancel or a request the provider rejects as malformed.
 */
public final class ModelFailure extends Exception {

  /** The kinds of failure, each with the words a person reads. */
  public enum Kind {
    AUTH("authentication failed", true),
    RATE_LIMITED("rate limited", true),
    OVERLOADED("overloaded", true),
    TIMEOUT("timed out", true),
    SERVER("server error", true),
    UNREACHABLE("unreachable", true),
    NOT_CONFIGURED("not configured", true),
    UNKNOWN_MODEL("unknown model", true),
    REFUSED("refused to answer", false),
    CANCELLED("cancelled", false),
    BAD_REQUEST("rejected the request", false),
    MALFORMED("answered something that is not a completion", false);

    private final String words;
    private final boolean fallsThrough;

    Kind(String words, boolean fallsThrough) {
      this.words = words;
      this.fallsThrough = fallsThrough;
    }

    public String words() {
      return words;
    }
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;

  public ModelFailure(Kind kind, int status, String detail, Duration retryAfter) {
    super(
        kind.words
            + (status > 0 ? " (HTTP " + status + ")" : "")
            + (detail == null || detail.isBlank() ? "" : ": " + detail));
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
  }

  public ModelFailure(Kind kind, String detail) {
    this(kind, 0, detail, null);
  }

  public Kind kind() {
    return kind;
  }

  public int status() {
    return status;
  }

  public boolean fallsThrough() {
    return kind.fallsThrough;
  }

  /** How long the provider asked us to wait ({@code Retry-After}), when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  /** The kind of an HTTP error status. */
  public static Kind kindOf(int status) {
    return switch (status) {
      case 401, 402, 403 -> Kind.AUTH;
      case 404 -> Kind.UNKNOWN_MODEL;
      case 408, 504 -> Kind.TIMEOUT;
      case 429 -> Kind.RATE_LIMITED;
      case 503, 529 -> Kind.OVERLOADED;
      default -> status >= 500 ? Kind.SERVER : Kind.BAD_REQUEST;
    };
  }

  /** A {@code Retry-After} header: seconds, or an HTTP date; absent or unreadable = empty. */
  public static Optional<Duration> parseRetryAfter(Optional<String> header, Instant now) {
    if (header.isEmpty() || header.get().isBlank()) {
      return Optional.empty();
    }
    String value = header.get().strip();
    try {
      if (value.matches("[0-9]{1,9}(\\.[0-9]+)?")) {
        return Optional.of(Duration.ofMillis((long) (Double.parseDouble(value) * 1000)));
      }
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return Optional.of(at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO);
    } catch (DateTimeParseException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
