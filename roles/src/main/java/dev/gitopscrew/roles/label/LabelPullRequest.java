package dev.gitopscrew.roles.label;

import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.request.Label;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;

/** software-engineer: adds a label to a pull request, or removes it, through the audited forge. */
public final class LabelPullRequest implements Action<Label> {

  private final Changes changes;

  public LabelPullRequest(Changes changes) {
    this.changes = changes;
  }

  @Override
  public Class<Label> handles() {
    return Label.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.GIT_ISSUE);
  }

  @Override
  public String run(Label request, ActionContext context) {
    if (!changes.repositories().contains(request.repository())) {
      throw new ActionFailedException(
          "unknown repository '"
              + request.repository()
              + "'; configured: "
              + changes.repositories());
    }
    try {
      changes.label(
          request.repository(),
          request.pullRequest(),
          request.label(),
          request.remove(),
          context.effects());
    } catch (ForgeException e) {
      throw new ActionFailedException(e.getMessage());
    }
    String where = request.repository() + "#" + request.pullRequest();
    if (request.dryRun()) {
      return "would " + (request.remove() ? "remove " : "add ") + request.label() + " on " + where;
    }
    return (request.remove() ? "removed label " : "labelled ")
        + request.label()
        + (request.remove() ? " from pull request " : " on pull request ")
        + where;
  }
}
