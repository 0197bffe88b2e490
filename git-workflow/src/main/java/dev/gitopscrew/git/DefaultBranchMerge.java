package dev.gitopscrew.git;

import dev.failsafe.Failsafe;
import dev.gitopscrew.retry.Retries;
import java.io.IOException;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.transport.RemoteRefUpdate;

/** The merge of a pull request's branch into the default branch, done the way a forge does it. */
public final class DefaultBranchMerge {

  private final Mirror mirror;

  DefaultBranchMerge(Mirror mirror) {
    this.mirror = mirror;
  }

  /**
   * The local forge's merge button: merges the remote {@code branch} into the default branch as a
   * merge commit by {@code agentId}'s identity and pushes the default branch without force. Only
   * the local forge, where the crew plays the forge, merges this way; a change never pushes to the
   * default branch.
   */
  public LocalMerge merge(String branch, Footprint footprint, String agentId, String message) {
    synchronized (mirror) {
      return mergeLocked(branch, footprint, agentId, message);
    }
  }

  private LocalMerge mergeLocked(
      String branch, Footprint footprint, String agentId, String message) {
    RefNames.requireValidBranch(branch);
    PersonIdent author = footprint.author(agentId);
    return Failsafe.with(Retries.<LocalMerge>gitPush())
        .get(() -> mergeOnce(branch, author, message))
        .orElseThrow(
            () ->
                new GitWorkflowException(
                    "merging "
                        + branch
                        + " was rejected "
                        + Retries.GIT_PUSH_ATTEMPTS
                        + " times; the branch keeps moving"));
  }

  /**
   * One attempt of the merge, from a fresh fetch: its outcome, or empty when the push of the
   * default branch was rejected because it moved ({@link Retries#gitPush}).
   */
  private Optional<LocalMerge> mergeOnce(String branch, PersonIdent author, String message) {
    ObjectId defaultTip = mirror.fetch();
    ObjectId branchTip =
        mirror
            .remoteBranch(branch)
            .orElseThrow(
                () ->
                    new GitWorkflowException(
                        "branch " + branch + " is not on " + mirror.spec().url()));
    try (ObjectInserter inserter = mirror.repository().newObjectInserter();
        RevWalk walk = new RevWalk(mirror.repository())) {
      RevCommit ours = walk.parseCommit(defaultTip);
      RevCommit theirs = walk.parseCommit(branchTip);
      if (walk.isMergedInto(theirs, ours)) {
        walk.reset();
        return Optional.of(new LocalMerge.AlreadyMerged(mergeOf(walk, ours, theirs).name()));
      }
      ResolveMerger merger = Mirror.merger(mirror.repository(), inserter);
      if (!merger.merge(ours, theirs)) {
        return Optional.of(new LocalMerge.Conflicted(Mirror.conflicts(merger)));
      }
      ObjectId merge =
          Mirror.insertCommit(inserter, merger.getResultTreeId(), author, message, ours, theirs);
      inserter.flush();
      String ref = Constants.R_HEADS + mirror.spec().defaultBranch();
      RemoteRefUpdate.Status status = mirror.push(merge.name() + ":" + ref, ref);
      if (status == RemoteRefUpdate.Status.OK) {
        return Optional.of(new LocalMerge.Merged(merge.name()));
      }
      if (status != RemoteRefUpdate.Status.REJECTED_NONFASTFORWARD
          && status != RemoteRefUpdate.Status.REJECTED_REMOTE_CHANGED) {
        throw new GitWorkflowException(
            "push of "
                + mirror.spec().defaultBranch()
                + " to "
                + mirror.spec().url()
                + ": "
                + status);
      }
      return Optional.empty();
    } catch (IOException e) {
      throw mirror.failure("merge " + branch + " into " + mirror.spec().defaultBranch(), e);
    }
  }

  /** The first-parent commit of {@code tip} that merged {@code merged} in; else the tip. */
  private static RevCommit mergeOf(RevWalk walk, RevCommit tip, RevCommit merged)
      throws IOException {
    RevCommit c = tip;
    for (int i = 0; i < 10_000 && c != null; i++) {
      walk.parseHeaders(c);
      if (c.getParentCount() > 1 && c.getParent(1).equals(merged)) {
        return c;
      }
      c = c.getParentCount() == 0 ? null : c.getParent(0);
    }
    return tip;
  }
}
