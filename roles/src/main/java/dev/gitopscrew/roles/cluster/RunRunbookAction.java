package dev.gitopscrew.roles.cluster;

import dev.gitopscrew.cluster.Cluster;
import dev.gitopscrew.cluster.ClusterCallException;
import dev.gitopscrew.cluster.ClusterRefusedException;
import dev.gitopscrew.cluster.ResourceType;
import dev.gitopscrew.git.CommitInfo;
import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.Changes;
import dev.gitopscrew.git.change.RevertRequest;
import dev.gitopscrew.incident.AppStatus;
import dev.gitopscrew.incident.IncidentException;
import dev.gitopscrew.incident.action.RunbookAction;
import dev.gitopscrew.incident.action.RunbookActions;
import dev.gitopscrew.incident.action.StepContext;
import dev.gitopscrew.incident.action.StepTarget;
import dev.gitopscrew.incident.runbook.Runbook;
import dev.gitopscrew.request.ObjectRef;
import dev.gitopscrew.request.RunRunbook;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * devops-sre: a declared runbook for one application, its steps in order, each through the guard
 * and the session's audit; a rollback step reverts the last merge to the application's path by a
 * pull request. The first step that fails stops the runbook and says what was done before it.
 */
public final class RunRunbookAction implements Action<RunRunbook> {

  private final ClusterAccess access;
  private final IncidentSettings settings;
  private final Changes changes;
  private final Clock clock;

  public RunRunbookAction(
      ClusterAccess access, IncidentSettings settings, Changes changes, Clock clock) {
    this.access = access;
    this.settings = settings;
    this.changes = changes;
    this.clock = clock;
  }

  @Override
  public Class<RunRunbook> handles() {
    return RunRunbook.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.RUNBOOK_RUN);
  }

  @Override
  public Optional<String> approvalNeeded(RunRunbook request) {
    return runbook(request.runbook()).approvalNeeded(request.application());
  }

  @Override
  public String run(RunRunbook request, ActionContext context) throws InterruptedException {
    Runbook runbook = runbook(request.runbook());
    List<String> done = new ArrayList<>();
    try {
      Cluster cluster = access.forSession(context);
      AppStatus app =
          AppStatus.of(
              cluster
                  .get(ResourceType.APPLICATION, request.namespace(), request.application())
                  .orElseThrow(
                      () ->
                          new IncidentException(
                              "no Argo CD Application "
                                  + request.application()
                                  + " in "
                                  + request.namespace())));
      StepContext step = new StepContext(cluster, request.isDryRun(), clock, access.refreshWait());
      for (Runbook.Step s : runbook.steps()) {
        String target = s.targetFor(app.name(), app.destinationNamespace());
        done.add(
            s.action().equals("rollback")
                ? rollback(app, request, context)
                : clusterStep(s, target, app, request, step));
      }
    } catch (ClusterRefusedException
        | ClusterCallException
        | IncidentException
        | ActionFailedException e) {
      throw new ActionFailedException(
          "runbook "
              + runbook.name()
              + " stopped at step "
              + (done.size() + 1)
              + ": "
              + e.getMessage()
              + (done.isEmpty() ? "" : "\ndone before it:\n- " + String.join("\n- ", done)));
    }
    return "runbook "
        + runbook.name()
        + " for "
        + request.application()
        + ":\n- "
        + String.join("\n- ", done);
  }

  private String clusterStep(
      Runbook.Step s, String target, AppStatus app, RunRunbook request, StepContext context)
      throws InterruptedException {
    RunbookAction action = RunbookActions.named(s.action()).orElseThrow();
    ObjectRef ref = ObjectRef.parse(target, null);
    ResourceType type =
        ResourceType.named(ref.kind())
            .filter(t -> action.kinds().contains(t.kind().toLowerCase(Locale.ROOT)))
            .orElseThrow(
                () -> new IncidentException(s.action() + " does not work on " + ref.kind()));
    String ns =
        type.equals(ResourceType.APPLICATION) ? request.namespace() : app.destinationNamespace();
    return action.run(new StepTarget(type, ns, ref.name(), s.replicas()), context);
  }

  /** Reverts the newest merge to the application's path, by pull request. */
  private String rollback(AppStatus app, RunRunbook request, ActionContext context) {
    String repository =
        changes
            .repositoryFor(app.repoUrl())
            .orElseThrow(
                () ->
                    new ActionFailedException(
                        "the Application's repository "
                            + app.repoUrl()
                            + " is not one of git.repositories; add it to roll back by revert"));
    CommitInfo merge =
        changes.history(repository, app.path(), 50).stream()
            .filter(CommitInfo::merge)
            .findFirst()
            .orElseThrow(
                () -> new ActionFailedException("no merge to " + app.path() + " to roll back"));
    ChangeOutcome outcome =
        changes.revert(
            new RevertRequest(
                repository,
                merge.sha(),
                "Revert " + merge.subject(),
                null,
                context.agent().id(),
                "Roll back "
                    + app.name()
                    + " (runbook "
                    + request.runbook()
                    + "): Argo CD refuses its own rollback while auto-sync is on, so this reverts "
                    + merge.describe()),
            context.effects());
    if (outcome instanceof ChangeOutcome.Completed || outcome instanceof ChangeOutcome.Previewed) {
      return "rollback of " + merge.describe() + ":\n" + outcome.describe();
    }
    throw new ActionFailedException(
        "the rollback of " + merge.describe() + " failed: " + outcome.describe());
  }

  private Runbook runbook(String name) {
    return settings.runbooks().stream()
        .filter(r -> r.name().equals(name))
        .findFirst()
        .orElseThrow(
            () ->
                new ActionFailedException(
                    "no runbook named "
                        + name
                        + "; known: "
                        + settings.runbooks().stream().map(Runbook::name).toList()));
  }
}
