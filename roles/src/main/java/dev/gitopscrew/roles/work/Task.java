package dev.gitopscrew.roles.work;

import dev.gitopscrew.request.Request;
import java.time.Duration;
import java.util.Objects;

/**
 * What a session is asked to do: the agent that does it, the typed request, an optional run timeout
 * that replaces the configured default ({@code null} = the default), and who approved it when it
 * needed an approval ({@code null} = not approved).
 */
public record Task(String agent, Request request, Duration timeout, String approvedBy) {

  public Task {
    Objects.requireNonNull(agent, "agent");
    Objects.requireNonNull(request, "request");
    if (timeout != null && (timeout.isZero() || timeout.isNegative())) {
      throw new IllegalArgumentException("a session timeout must be positive, got " + timeout);
    }
  }

  public Task(String agent, Request request, Duration timeout) {
    this(agent, request, timeout, null);
  }

  public Task(String agent, Request request) {
    this(agent, request, null, null);
  }

  public Task approvedBy(String who) {
    return new Task(agent, request, timeout, who);
  }
}
