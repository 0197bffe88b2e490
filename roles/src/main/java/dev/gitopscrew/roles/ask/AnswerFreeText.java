package dev.gitopscrew.roles.ask;

import dev.gitopscrew.request.Ask;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.Delegation;
import dev.gitopscrew.roles.Prerequisite;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/**
 * homelab-admin: free text, planned by the configured model into typed requests. Every request the
 * model proposes runs as a child session of its owner, after the planner has checked it against the
 * permission chain; the model's answer and its record (model, tokens, tool calls) are kept with the
 * session.
 */
public final class AnswerFreeText implements Action<Ask> {

  private final Prerequisite models;
  private final Planner planner;

  public AnswerFreeText(Prerequisite models, Planner planner) {
    this.models = models;
    this.planner = planner;
  }

  public AnswerFreeText(Prerequisite models) {
    this(models, Planner.none());
  }

  @Override
  public Class<Ask> handles() {
    return Ask.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.empty();
  }

  @Override
  public String run(Ask request, ActionContext context) throws InterruptedException {
    models.require();
    Planner.Answer answer =
        planner.answer(
            request,
            context.assignment(),
            (owner, proposed) -> Delegation.ask(context, owner, proposed));
    context.data(answer.record());
    return answer.text();
  }
}
