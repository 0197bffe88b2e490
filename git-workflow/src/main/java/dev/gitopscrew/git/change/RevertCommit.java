package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.SideEffects;
import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.git.Freshness;
import dev.gitopscrew.git.GitWorkflowException;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.RepositorySpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jgit.lib.ObjectId;

/**
 * A rollback: {@code git revert} of a commit (a merge against its first parent) on a branch, made
 * through {@link MakeChange} like any change, with the commit's files listed in the plan and the
 * pull request.
 */
final class RevertCommit {

  private final ChangeContext context;

  RevertCommit(ChangeContext context) {
    this.context = context;
  }

  ChangeOutcome run(RevertRequest revert, SideEffects effects) {
    RepositorySpec spec = context.repositories().get(revert.repository());
    if (spec == null) {
      return new ChangeOutcome.Failed("repository", context.unknown(revert.repository()));
    }
    Mirror mirror;
    ObjectId commit;
    try {
      mirror = context.mirror(spec);
      mirror.fetch();
      commit =
          mirror
              .resolve(revert.commit())
              .orElseThrow(
                  () ->
                      new GitWorkflowException(
                          "no commit " + revert.commit() + " in " + spec.name()));
    } catch (ForgeException | GitWorkflowException | IllegalArgumentException e) {
      return new ChangeOutcome.Failed("revert", e.getMessage());
    }
    // the workflow lists the files in the plan and the pull request; the revert makes the commit
    Map<String, byte[]> touched = new LinkedHashMap<>();
    mirror.changedPaths(commit).forEach(path -> touched.put(path, new byte[0]));
    ChangeRequest request =
        new ChangeRequest(
            revert.repository(),
            revert.type(),
            revert.title(),
            revert.issue(),
            revert.agentId(),
            touched,
            revert.summary(),
            "high",
            null);
    return new MakeChange(context, request, effects, reverting(commit)).run();
  }

  private static CommitMaker reverting(ObjectId commit) {
    return (m, parent, author, message) -> {
      Freshness reverted = m.revert(parent, commit, author, message);
      if (reverted instanceof Freshness.Conflict c) {
        throw new MergeConflict("the revert of " + commit.name(), c.files());
      }
      return reverted instanceof Freshness.Merged merged
          ? Optional.of(merged.head())
          : Optional.empty();
    };
  }
}
