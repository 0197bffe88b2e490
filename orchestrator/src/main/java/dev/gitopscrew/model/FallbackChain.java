package dev.gitopscrew.model;

import dev.gitopscrew.effect.Redactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One completion through an agent's models: the primary first, then each fallback, skipping the
 * ones that rest after a recent failure. It moves on after authentication errors, rate limits,
 * overload, timeouts and server errors, never after a refusal or a cancel. When every model rests
 * or failed, it waits for the first to be ready if that fits in what is left of the turn's retry
 * budget, and otherwise gives up with every model's reason. The first pass tries every model that
 * does not rest once; waiting and later passes are bounded by the budget.
 */
public final class FallbackChain {

  private static final System.Logger LOG = System.getLogger(FallbackChain.class.getName());

  /** Waits; tests replace it to move a clock instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration pause) throws InterruptedException;
  }

  /** One model tried: its reference and what became of it. */
  public record Attempt(String model, String outcome) {}

  /** A completion and the model that gave it, with the failures before it (not the skipped). */
  public record Answered(String model, ModelReply reply, List<Attempt> attempts) {}

  /** No model answered: every attempt, and the failure that ended the turn. */
  public static final class Exhausted extends Exception {
    private final List<Attempt> attempts;
    private final ModelFailure last;

    Exhausted(String message, List<Attempt> attempts, ModelFailure last) {
      super(message);
      this.attempts = List.copyOf(attempts);
      this.last = last;
    }

    public List<Attempt> attempts() {
      return attempts;
    }

    /** The failure that stopped the chain (a refusal, a cancel), or the last one. */
    public Optional<ModelFailure> last() {
      return Optional.ofNullable(last);
    }
  }

  /** How long one turn may spend on failed attempts and waiting, from its start. */
  public static final class Budget {
    private final Instant end;

    public Budget(Clock clock, Duration retryBudget) {
      this.end = clock.instant().plus(retryBudget);
    }

    Duration left(Instant now) {
      return now.isBefore(end) ? Duration.between(now, end) : Duration.ZERO;
    }
  }

  private final ModelProviders providers;
  private final Cooldowns cooldowns;
  private final Clock clock;
  private final Sleeper sleeper;
  private final Duration timeout;
  private final Redactor redactor;

  public FallbackChain(
      ModelProviders providers,
      Cooldowns cooldowns,
      Clock clock,
      Sleeper sleeper,
      Duration timeout,
      Redactor redactor) {
    this.providers = providers;
    this.cooldowns = cooldowns;
    this.clock = clock;
    this.sleeper = sleeper;
    this.timeout = timeout;
    this.redactor = redactor;
  }

  /** Completes {@code call} with the first of {@code refs} that answers. */
  public Answered complete(List<String> refs, ModelCall call, Budget budget)
      throws Exhausted, InterruptedException {
    List<Attempt> attempts = new ArrayList<>();
    List<Attempt> skipped = new ArrayList<>();
    ModelFailure last = null;
    for (int pass = 1; ; pass++) {
      for (String ref : refs) {
        Optional<Cooldowns.Rest> resting = cooldowns.resting(ref);
        if (resting.isPresent()) {
          skipped.add(
              new Attempt(
                  ref,
                  "resting until "
                      + resting.get().until()
                      + " after a failure: "
                      + redactor.redact(resting.get().reason())));
          continue;
        }
        Duration left = budget.left(clock.instant());
        if (pass > 1 && left.isZero()) {
          break;
        }
        try {
          ModelProviders.Target target = providers.resolve(ref);
          // the first pass tries every model once; later passes fit in what is left of the budget
          Duration wait = pass == 1 || left.compareTo(timeout) > 0 ? timeout : left;
          ModelReply reply =
              providers.adapter(target.endpoint()).complete(call.withModel(target.model(), wait));
          cooldowns.answered(ref);
          return new Answered(ref, reply, attempts);
        } catch (ModelFailure f) {
          last = f;
          String reason = redactor.redact(f.getMessage());
          attempts.add(new Attempt(ref, reason));
          if (!f.fallsThrough()) {
            throw new Exhausted(ref + " " + reason, attempts, f);
          }
          Instant until = cooldowns.rest(ref, f);
          LOG.log(
              System.Logger.Level.WARNING,
              "model {0} {1}; resting until {2}, trying the next model",
              ref,
              reason,
              until);
        }
      }
      Optional<Instant> soonest =
          refs.stream()
              .map(cooldowns::restingUntil)
              .flatMap(Optional::stream)
              .min(Instant::compareTo);
      Instant now = clock.instant();
      if (soonest.isEmpty()) {
        // nothing rests, yet nothing answered: only an exhausted budget gets here
        throw exhausted(attempts, skipped, last);
      }
      Duration pause = Duration.between(now, soonest.get());
      if (pause.compareTo(budget.left(now)) > 0) {
        throw exhausted(attempts, skipped, last);
      }
      sleeper.sleep(pause);
    }
  }

  private static Exhausted exhausted(
      List<Attempt> attempts, List<Attempt> skipped, ModelFailure last) {
    StringBuilder text = new StringBuilder("no model answered");
    List<Attempt> all = new ArrayList<>(attempts);
    // a model that rested the whole turn is named once, after those that were tried
    skipped.stream()
        .filter(s -> attempts.stream().noneMatch(a -> a.model().equals(s.model())))
        .filter(s -> all.stream().noneMatch(a -> a.model().equals(s.model())))
        .forEach(all::add);
    for (Attempt a : all) {
      text.append("; ").append(a.model()).append(": ").append(a.outcome());
    }
    return new Exhausted(text.toString(), attempts, last);
  }
}
