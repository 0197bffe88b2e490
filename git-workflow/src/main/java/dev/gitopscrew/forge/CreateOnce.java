package dev.gitopscrew.forge;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeException;
import dev.gitopscrew.retry.Retries;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Idempotent creation: when a create fails transiently (a 502 after the forge already stored it, a
 * dropped connection), look for what the attempt may have made before trying again ({@link
 * Retries#forgeCreate}).
 */
public final class CreateOnce {

  private final Duration backoff;

  public CreateOnce(Duration backoff) {
    this.backoff = backoff;
  }

  public static CreateOnce withDefaultBackoff() {
    return new CreateOnce(Retries.FORGE_BACKOFF);
  }

  public <T> T create(Supplier<Optional<T>> lookup, Supplier<T> create) {
    try {
      return Failsafe.with(
              Retries.<T>forgeCreate(
                  backoff, e -> e instanceof ForgeException f && f.transientFailure()))
          .get(() -> createOrFind(lookup, create));
    } catch (LookupFailed e) {
      throw e.failure;
    } catch (FailsafeException e) {
      if (e.getCause() instanceof InterruptedException) {
        // Failsafe has set the interrupt flag again
        throw new ForgeException("interrupted while waiting to retry", 0);
      }
      throw e;
    }
  }

  /**
   * One attempt: after a transient failure, what the attempt may have made is looked for before the
   * failure counts. A failing look is not the create's failure and is never retried.
   */
  private static <T> T createOrFind(Supplier<Optional<T>> lookup, Supplier<T> create) {
    try {
      return create.get();
    } catch (ForgeException e) {
      if (!e.transientFailure()) {
        throw e;
      }
      Optional<T> made;
      try {
        made = lookup.get();
      } catch (RuntimeException l) {
        throw new LookupFailed(l);
      }
      if (made.isPresent()) {
        return made.get();
      }
      throw e;
    }
  }

  /** Carries a failing look past the retry policy, which would take it for the create's. */
  private static final class LookupFailed extends RuntimeException {
    final RuntimeException failure;

    LookupFailed(RuntimeException failure) {
      super(null, null, false, false);
      this.failure = failure;
    }
  }
}
