package dev.gitopscrew.roles;

import dev.gitopscrew.request.Request;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Task;
import java.util.Optional;

/** An action handing part of its work to another agent's session and reading what came back. */
public final class Delegation {

  /** What the child ended with, its text, the data it kept, and its session (0: not known). */
  public record Answer(SessionResult result, Optional<String> data, long sessionId) {

    public Answer(SessionResult result, Optional<String> data) {
      this(result, data, 0);
    }

    public boolean succeeded() {
      return result instanceof SessionResult.Succeeded;
    }

    /** The text of a success, or the reason of anything else. */
    public String text() {
      return result instanceof SessionResult.Succeeded ok ? ok.result() : result.describe();
    }
  }

  private Delegation() {}

  /** Spawns {@code agent} with {@code request} and waits for its one result. */
  public static Answer ask(ActionContext context, KnownAgent agent, Request request)
      throws InterruptedException {
    SpawnOutcome outcome = context.subagents().spawn(new Task(agent.id(), request));
    if (outcome instanceof SpawnOutcome.Refused refused) {
      throw new ActionFailedException(
          "cannot hand '" + request.describe() + "' to " + agent.id() + ": " + refused.reason());
    }
    long id = ((SpawnOutcome.Spawned) outcome).sessionId();
    SessionResult result = context.subagents().await(id);
    return new Answer(result, context.subagents().dataOf(id), id);
  }
}
