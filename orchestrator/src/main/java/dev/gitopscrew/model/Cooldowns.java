package dev.gitopscrew.model;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which models rest after a failure, and until when, shared by every turn: a rate limit or a server
 * error rests that model (for {@code Retry-After} when the provider says, else a default by kind),
 * a rejected key or an unreachable provider rests every model of that provider. Once the time is up
 * the model is tried again, so a turn starts from the primary again after its cool-down.
 */
public final class Cooldowns {

  static final Duration LONGEST = Duration.ofHours(1);

  private final Clock clock;
  private final Map<String, Rest> until = new ConcurrentHashMap<>();

  /** Until when a model or a provider rests, and the failure that made it rest. */
  public record Rest(Instant until, String reason) {}

  public Cooldowns(Clock clock) {
    this.clock = clock;
  }

  /** Until when {@code ref} (or its whole provider) rests; empty when it may be tried now. */
  public Optional<Instant> restingUntil(String ref) {
    return resting(ref).map(Rest::until);
  }

  /** The longer rest of {@code ref} and of its provider, with its reason; empty when none. */
  public Optional<Rest> resting(String ref) {
    Instant now = clock.instant();
    Rest latest = null;
    for (String key : new String[] {ref, provider(ref)}) {
      Rest r = until.get(key);
      if (r != null
          && r.until().isAfter(now)
          && (latest == null || r.until().isAfter(latest.until()))) {
        latest = r;
      }
    }
    return Optional.ofNullable(latest);
  }

  /**
   * Rests {@code ref} after {@code failure}; a failure that does not fall through rests nothing.
   */
  public Instant rest(String ref, ModelFailure failure) {
    Duration pause = failure.retryAfter().orElse(defaultPause(failure.kind()));
    if (pause.compareTo(LONGEST) > 0) {
      pause = LONGEST;
    }
    Instant end = clock.instant().plus(pause);
    boolean wholeProvider =
        switch (failure.kind()) {
          case AUTH, UNREACHABLE, NOT_CONFIGURED -> true;
          default -> false;
        };
    until.merge(
        wholeProvider ? provider(ref) : ref,
        new Rest(end, String.valueOf(failure.getMessage())),
        (a, b) -> a.until().isAfter(b.until()) ? a : b);
    return end;
  }

  /** A model that answered rests no more. */
  public void answered(String ref) {
    until.remove(ref);
  }

  static Duration defaultPause(ModelFailure.Kind kind) {
    return switch (kind) {
      case RATE_LIMITED -> Duration.ofSeconds(60);
      case AUTH, NOT_CONFIGURED, UNKNOWN_MODEL -> Duration.ofMinutes(5);
      default -> Duration.ofSeconds(30);
    };
  }

  private static String provider(String ref) {
    int slash = ref.indexOf('/');
    return "provider:" + (slash < 0 ? ref : ref.substring(0, slash));
  }
}
