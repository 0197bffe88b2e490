package dev.gitopscrew.effect;

import java.util.Objects;

/**
 * Who causes an effect: the request (its root session), the session doing the work, its agent, and
 * where the request came from.
 *
 * @param requestId the root session of the request
 * @param channel where the request entered: {@code cli}, {@code api}, {@code discord}, ...
 * @param requester who asked, as that channel knows them (an OS user, a Discord user id)
 */
public record Actor(
    long requestId, long sessionId, String agent, String channel, String requester) {
  public Actor {
    Objects.requireNonNull(agent, "agent");
    channel = channel == null ? "unknown" : channel;
    requester = requester == null ? "unknown" : requester;
  }
}
