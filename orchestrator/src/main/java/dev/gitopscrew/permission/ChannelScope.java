package dev.gitopscrew.permission;

import java.util.List;
import java.util.Optional;

/**
 * Where a request came from and which skills that place allows. {@code skills} empty means the
 * place adds no restriction (the CLI, the HTTP API, a channel without a {@code skills} list).
 */
public record ChannelScope(String label, Optional<List<String>> skills) {

  public static ChannelScope unrestricted(String label) {
    return new ChannelScope(label, Optional.empty());
  }

  public boolean allows(String skill) {
    return skills.map(list -> list.contains(skill)).orElse(true);
  }
}
