package dev.gitopscrew.git;

import java.time.Instant;
import java.util.List;

/**
 * One commit of a branch's history: what triage shows of the last merges and a rollback reverts.
 *
 * @param parents the parents' SHAs; two or more for a merge
 */
public record CommitInfo(
    String sha, String author, Instant at, String subject, List<String> parents) {

  public CommitInfo {
    parents = List.copyOf(parents);
  }

  public boolean merge() {
    return parents.size() > 1;
  }

  /** {@code 1a2b3c4 2026-11-30T18:00:00Z alice: Merge pull request #12 from …}. */
  public String describe() {
    return sha.substring(0, Math.min(7, sha.length())) + " " + at + " " + author + ": " + subject;
  }
}
