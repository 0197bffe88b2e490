package dev.gitopscrew.change;

import dev.gitopscrew.forge.local.LocalForgeRecords;
import dev.gitopscrew.git.change.ChangeOutcome;
import dev.gitopscrew.git.change.ChangeRequest;
import dev.gitopscrew.git.change.ChangeWorkflow;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.Decision;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.runtime.CrewContext;
import dev.gitopscrew.runtime.GitSettings;
import java.util.Optional;

/**
 * The Git workflow for one change (issue, branch, commit, push, pull request), after the permission
 * chain has agreed that the agent may make changes.
 */
public final class RunChange implements AutoCloseable {

  private final ChangeWorkflow workflow;
  private final PermissionChain permissions;

  public RunChange(CrewContext context, LocalForgeRecords records) {
    this.permissions = context.permissions();
    this.workflow =
        ChangeWorkflow.forConfiguration(
            context.stateDir(),
            GitSettings.footprint(context.loaded().config()),
            GitSettings.repositories(context),
            context.env()::get,
            records);
  }

  /** The outcome, or a refusal (empty outcome) with the missing link in {@code refusal}. */
  public Result run(ChangeRequest request, ChannelScope scope) {
    Optional<KnownAgent> agent = KnownAgent.byId(request.agentId());
    if (agent.isEmpty()) {
      return new Result.Refused(
          "unknown agent '" + request.agentId() + "'; one of " + knownAgents());
    }
    if (!workflow.repositories().containsKey(request.repository())) {
      return new Result.Refused(
          "no repository named '"
              + request.repository()
              + "'; configured: "
              + workflow.repositories().keySet());
    }
    Decision decision = permissions.check(agent.get(), scope, Tool.GIT_CHANGE);
    if (decision instanceof Decision.Refused refused) {
      return new Result.Refused(refused.missingLink());
    }
    return new Result.Ran(workflow.run(request));
  }

  /** The repositories a change may name (the configured ones, or the seeded demo). */
  public java.util.Set<String> repositories() {
    return workflow.repositories().keySet();
  }

  private static String knownAgents() {
    return java.util.Arrays.stream(KnownAgent.values()).map(KnownAgent::id).toList().toString();
  }

  @Override
  public void close() {
    workflow.close();
  }

  /** What became of a change request. */
  public sealed interface Result {
    record Ran(ChangeOutcome outcome) implements Result {}

    record Refused(String reason) implements Result {}
  }
}
