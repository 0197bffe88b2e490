package dev.gitopscrew.forge;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotent creation: when a create fails transiently (a 502 after the forge already stored it, a
 * dropped connection), look for what the attempt may have made before trying again.
 */
public final class CreateOnce {

  private static final int ATTEMPTS = 3;

  private final Duration backoff;

  public CreateOnce(Duration backoff) {
    this.backoff = backoff;
  }

  public static CreateOnce withDefaultBackoff() {
    return new CreateOnce(Duration.ofMillis(500));
  }

  public <T> T create(Supplier<Optional<T>> lookup, Supplier<T> create) {
    ForgeException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (last != null) {
        Optional<T> made = lookup.get();
        if (made.isPresent()) {
          return made.get();
        }
        pause(attempt);
      }
      try {
        return create.get();
      } catch (ForgeException e) {
        if (!e.transientFailure()) {
          throw e;
        }
        last = e;
      }
    }
    Optional<T> made = lookup.get();
    if (made.isPresent()) {
      return made.get();
    }
    throw last;
  }

  private void pause(int attempt) {
    try {
      Thread.sleep(backoff.toMillis() * (1L << (attempt - 2)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ForgeException("interrupted while waiting to retry", 0);
    }
  }
}
