package dev.gitopscrew.permission;

import java.util.List;
import java.util.Optional;

/**
 * Where a request came from and which skills that place allows. {@code skills} empty means the
 * place adds no restriction (the CLI, the HTTP API, a channel without a {@code skills} list).
 * {@code systemPrompt} is the place's instructions for a model, when it has some.
 */
public record ChannelScope(
    String label, Optional<List<String>> skills, Optional<String> systemPrompt) {

  public ChannelScope(String label, Optional<List<String>> skills) {
    this(label, skills, Optional.empty());
  }

  public static ChannelScope unrestricted(String label) {
    return new ChannelScope(label, Optional.empty());
  }

  public boolean allows(String skill) {
    return skills.map(list -> list.contains(skill)).orElse(true);
  }
}
