package dev.gitopscrew.forge;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.effect.SideEffects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A forge whose writes go through a session's {@link SideEffects}: each create, label, comment,
 * pull-request update, milestone and release write is one audit record, and a dry run writes
 * nothing. Reads (and GitHub's notes generator, which writes nothing) pass straight through.
 */
public final class AuditedForge implements ForgeCalls {

  private final SideEffects effects;
  private final String repository;

  private AuditedForge(SideEffects effects, String repository) {
    this.effects = effects;
    this.repository = repository;
  }

  /** {@code forge} with its writes audited as writes on {@code repository}. */
  public static Forge wrap(Forge forge, SideEffects effects, String repository) {
    return new DecoratedForge(forge, new AuditedForge(effects, repository));
  }

  @Override
  public <T> T call(String operation, Supplier<T> call) {
    return call.get();
  }

  @Override
  public <T> T write(
      String operation,
      EffectKind kind,
      Supplier<String> target,
      Supplier<T> call,
      Function<? super T, String> outcome) {
    return effects.perform(kind, repository + target.get(), call::get, outcome);
  }
}
