package dev.gitopscrew.git;

import java.time.Instant;

/**
 * A tag of the remote repository.
 *
 * @param commit the commit it points at
 * @param tagger who made an annotated tag ({@code name <email>}); null for a lightweight one
 * @param time when an annotated tag was made, else the commit's time
 * @param onDefaultBranch whether the commit is in the history of the default branch
 */
public record Tag(
    String name,
    String commit,
    boolean annotated,
    String tagger,
    Instant time,
    boolean onDefaultBranch) {}
