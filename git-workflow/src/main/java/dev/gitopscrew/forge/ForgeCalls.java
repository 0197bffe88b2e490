package dev.gitopscrew.forge;

import dev.gitopscrew.effect.EffectKind;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a {@link DecoratedForge} does around each call through the port: audit its writes ({@link
 * AuditedForge}), count every call (the gateway's metered forge), or both, as two layers.
 */
public interface ForgeCalls {

  /**
   * A call that is not an audited write of its own: a read, GitHub's notes generator (which writes
   * nothing), or a local merge (audited by the merge that makes it).
   *
   * @param operation the port method's name
   */
  <T> T call(String operation, Supplier<T> call);

  /**
   * A write, one audit record when audited.
   *
   * @param operation the port method's name
   * @param target what the write changes, after the repository's name ({@code "#12"})
   * @param outcome the artifact the audit record names once the write is done
   */
  <T> T write(
      String operation,
      EffectKind kind,
      Supplier<String> target,
      Supplier<T> call,
      Function<? super T, String> outcome);
}
