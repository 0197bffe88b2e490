package dev.gitopscrew.roles.work;

/** A task as handed to the agent that runs it: its session, its depth and the task itself. */
public record Assignment(long sessionId, int depth, Task task) {}
