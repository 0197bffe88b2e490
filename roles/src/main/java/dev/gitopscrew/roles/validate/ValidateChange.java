package dev.gitopscrew.roles.validate;

import dev.gitopscrew.request.Validate;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/** qa-tester: pre-merge validation of what a change touches. */
public final class ValidateChange implements Action<Validate> {

  @Override
  public Class<Validate> handles() {
    return Validate.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.VALIDATE_CHANGE);
  }

  @Override
  public String run(Validate request, ActionContext context) {
    throw ActionFailedException.notAvailable("pre-merge validation");
  }
}
