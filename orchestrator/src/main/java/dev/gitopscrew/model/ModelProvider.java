package dev.gitopscrew.model;

import java.util.List;

/**
 * The port every model API sits behind: one chat completion with tools, and a probe that spends no
 * tokens. Adapters type every failure as a {@link ModelFailure} before any text reaches a user, and
 * never put the provider's key into a message.
 */
public interface ModelProvider {

  /** One completion of {@code call}; a typed failure when the provider did not answer. */
  ModelReply complete(ModelCall call) throws ModelFailure, InterruptedException;

  /**
   * Whether the provider answers and takes the key, and which of {@code models} it lists, without
   * spending tokens where the API allows.
   */
  Probe probe(List<String> models) throws InterruptedException;

  /** What a probe found: ok or not, in one line a person can act on. */
  record Probe(boolean ok, String detail) {}
}
