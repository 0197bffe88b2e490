package dev.gitopscrew.roles.work;

/**
 * What an agent does in a session. Returning a text ends the session {@code succeeded}; an
 * exception ends it {@code failed} with the exception's message. Deadlines and cancellation
 * interrupt the thread; the work never enforces its own deadline.
 */
@FunctionalInterface
public interface Work {
  String perform(Assignment assignment, Subagents subagents) throws Exception;
}
