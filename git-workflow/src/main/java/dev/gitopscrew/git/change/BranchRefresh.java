package dev.gitopscrew.git.change;

import dev.gitopscrew.effect.SideEffects;
import java.util.List;

/**
 * The freshness merge on demand ({@code /crew refresh}): the default branch merged into an open
 * pull request's branch, pushed through the session's {@link SideEffects}.
 */
public interface BranchRefresh {

  /**
   * Merges the default branch into the open pull request's branch (a branch an agent made, {@code
   * <agent-id>/<type>/<issue>-<slug>}) as {@code agentId} and pushes it, never by force. A conflict
   * pushes nothing and names the files.
   */
  Refreshed refresh(String repository, int number, String agentId, SideEffects effects);

  /**
   * What {@link #refresh} did: {@code head} is the branch's head after it (null on a conflict),
   * {@code merged} whether a merge commit was pushed, {@code conflicts} the files that stopped it.
   */
  record Refreshed(String branch, String head, boolean merged, List<String> conflicts) {}
}
