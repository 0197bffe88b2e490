package dev.gitopscrew.roles.change;

import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.request.Change;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/**
 * software-engineer: files to a pull request through the Git workflow, with the agent's footprint
 * on every artifact.
 */
public final class OpenChange implements Action<Change> {

  private final Changes changes;

  public OpenChange(Changes changes) {
    this.changes = changes;
  }

  @Override
  public Class<Change> handles() {
    return Change.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.GIT_CHANGE);
  }

  @Override
  public String run(Change change, ActionContext context) {
    requireRepository(changes, change.repository());
    ChangeRequest request =
        new ChangeRequest(
            change.repository(),
            change.type(),
            change.title(),
            change.issue(),
            context.agent().id(),
            change.files(),
            change.summary(),
            null,
            null,
            change.labels());
    ChangeOutcome outcome = changes.run(request, context.effects());
    context.data(outcome);
    return describe(outcome);
  }

  /** Refuses a repository the configuration does not name, listing those it does. */
  public static void requireRepository(Changes changes, String repository) {
    if (!changes.repositories().contains(repository)) {
      throw new ActionFailedException(
          "no repository named '"
              + repository
              + "'; configured: "
              + changes.repositories().stream().sorted().toList());
    }
  }

  /** A completed or previewed change is what the action did; anything else fails it. */
  public static String describe(ChangeOutcome outcome) {
    if (outcome instanceof ChangeOutcome.Completed || outcome instanceof ChangeOutcome.Previewed) {
      return outcome.describe();
    }
    throw new ActionFailedException(outcome.describe());
  }
}
