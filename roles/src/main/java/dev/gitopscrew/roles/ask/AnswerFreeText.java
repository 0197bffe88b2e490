package dev.gitopscrew.roles.ask;

import dev.gitopscrew.request.Ask;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Capability;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/** homelab-admin: free text, planned into typed requests by a configured model. */
public final class AnswerFreeText implements Action<Ask> {

  private final Capability models;

  public AnswerFreeText(Capability models) {
    this.models = models;
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
  public String run(Ask request, ActionContext context) {
    models.require();
    throw ActionFailedException.notAvailable("planning free text with a model");
  }
}
