package dev.gitopscrew.permission;

import java.util.List;
import java.util.Optional;

/**
 * Where a request came from and which skills that place allows. {@code skills} empty means the
 * place adds no restriction (the CLI, the HTTP API, a channel without a {@code skills} list).
 * {@code systemPrompt} is the place's instructions for a model, when it has some.
 *
 * <p>As in OpenClaw, the skills narrow the agent that answers in the place; the agents it hands
 * work to use their own skills. {@code narrowsDelegates} is the stricter reading, an explicit
 * opt-in ({@code scopeDelegates: true} on the channel or its guild): the skills narrow every agent
 * the request reaches.
 */
public record ChannelScope(
    String label,
    Optional<List<String>> skills,
    Optional<String> systemPrompt,
    boolean narrowsDelegates) {

  public ChannelScope(String label, Optional<List<String>> skills, Optional<String> systemPrompt) {
    this(label, skills, systemPrompt, false);
  }

  public ChannelScope(String label, Optional<List<String>> skills) {
    this(label, skills, Optional.empty());
  }

  public static ChannelScope unrestricted(String label) {
    return new ChannelScope(label, Optional.empty());
  }

  public boolean allows(String skill) {
    return skills.map(list -> list.contains(skill)).orElse(true);
  }

  /** The scope an agent the answering agent hands work to works in here. */
  public ChannelScope forDelegate() {
    return narrowsDelegates || skills.isEmpty() ? this : new ChannelScope(label, Optional.empty());
  }
}
