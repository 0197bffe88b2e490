package dev.gitopscrew.roles.work;

import java.util.function.Consumer;

/**
 * A task as handed to the agent that runs it: its session, the root session of its request, its
 * depth, the task itself, where the request came from, and where to put the structured data (JSON)
 * the work produces beside its text, stored with the session's result.
 */
public record Assignment(
    long sessionId, long rootId, int depth, Task task, Origin origin, Consumer<String> data) {

  public Assignment(long sessionId, long rootId, int depth, Task task, Origin origin) {
    this(sessionId, rootId, depth, task, origin, json -> {});
  }
}
