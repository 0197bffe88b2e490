package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.SideEffects;

/** Step 6 of PRODUCT.md section 5: a pull request's branch deleted once it was merged. */
public interface MergedBranchCleanup {

  /** Deletes the pull request's branch, only once the forge says it was merged. */
  BranchCleanup deleteBranchIfMerged(String repository, int pullRequest, SideEffects effects);

  /** What {@link #deleteBranchIfMerged} did. */
  sealed interface BranchCleanup {
    record Deleted(String branch) implements BranchCleanup {}

    record Kept(String branch, String reason) implements BranchCleanup {}
  }
}
