package dev.gitopscrew.roles.work;

/**
 * A task as handed to the agent that runs it: its session, the root session of its request, its
 * depth, the task itself and where the request came from.
 */
public record Assignment(long sessionId, long rootId, int depth, Task task, Origin origin) {}
