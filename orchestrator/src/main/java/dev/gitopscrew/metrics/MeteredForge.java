package dev.gitopscrew.metrics;

import dev.gitopscrew.effect.EffectKind;
import dev.gitopscrew.forge.DecoratedForge;
import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeCalls;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A forge whose every call through the port, its milestones, releases and local merges included, is
 * counted by operation (the port method's name) and outcome. How Git authenticates is answered from
 * what the adapter holds and is not counted.
 */
public final class MeteredForge implements ForgeCalls {

  private final String forgeName;
  private final CrewMetrics metrics;

  private MeteredForge(String forgeName, CrewMetrics metrics) {
    this.forgeName = forgeName;
    this.metrics = metrics;
  }

  public static Forge wrap(Forge forge, String forgeName, CrewMetrics metrics) {
    return new DecoratedForge(forge, new MeteredForge(forgeName, metrics));
  }

  @Override
  public <T> T call(String operation, Supplier<T> call) {
    T result;
    try {
      result = call.get();
    } catch (RuntimeException | Error e) {
      metrics.forgeCall(forgeName, operation, false);
      throw e;
    }
    metrics.forgeCall(forgeName, operation, true);
    return result;
  }

  @Override
  public <T> T write(
      String operation,
      EffectKind kind,
      Supplier<String> target,
      Supplier<T> call,
      Function<? super T, String> outcome) {
    return call(operation, call);
  }
}
