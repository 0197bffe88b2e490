package dev.gitopscrew.channel.pr;

import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.change.BranchRefresh;
import dev.gitopscrew.roles.KnownAgent;

/** {@code /crew refresh}: the default branch merged into a crew branch, pushed without force. */
public final class RefreshBranch {

  /** What the refresh did, as the answer says it. */
  public record Result(boolean ok, String text) {}

  private final BranchRefresh changes;

  public RefreshBranch(BranchRefresh changes) {
    this.changes = changes;
  }

  public Result run(String repository, int number, SideEffects effects) {
    try {
      BranchRefresh.Refreshed r =
          changes.refresh(repository, number, KnownAgent.HOMELAB_ADMIN.id(), effects);
      if (!r.conflicts().isEmpty()) {
        return new Result(
            false,
            "merging the default branch into `"
                + r.branch()
                + "` conflicts in "
                + String.join(", ", r.conflicts())
                + "; nothing was pushed.");
      }
      return new Result(
          true,
          r.merged()
              ? "merged the default branch into `" + r.branch() + "`, now at " + r.head() + "."
              : "`" + r.branch() + "` already contains the default branch; nothing to do.");
    } catch (GitWorkflowException
        | ForgeException
        | SideEffects.EffectFailedException
        | IllegalArgumentException e) {
      return new Result(false, "not refreshed: " + e.getMessage());
    }
  }
}
