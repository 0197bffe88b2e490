package dev.gitopscrew.git;

import java.util.List;
import java.util.Set;

/**
 * What a change brings: the files before and after it, and each path it adds, modifies or deletes.
 * {@code before} is the merge base of the two sides, so only the change's own edits count, as a
 * pull request shows them.
 *
 * @param base what was compared with, as the user named it, and its commit ({@code main
 *     (1a2b3c4d5e6f)})
 * @param head what was validated, and its commit
 * @param urls the addresses this repository is known by (its remotes), to recognise Argo CD
 *     Applications that point back at it
 */
public record ChangedFiles(
    String base,
    String head,
    RepositoryFiles before,
    RepositoryFiles after,
    List<FileChange> changes,
    Set<String> urls) {

  public ChangedFiles {
    changes = List.copyOf(changes);
    urls = Set.copyOf(urls);
  }

  /**
   * One path the change touches.
   *
   * @param addedLines the 1-based lines of the new version that the change added or rewrote (none
   *     for a deleted or binary file)
   */
  public record FileChange(String path, Kind kind, List<Integer> addedLines) {
    public enum Kind {
      ADDED,
      MODIFIED,
      DELETED
    }

    public FileChange {
      addedLines = List.copyOf(addedLines);
    }

    public FileChange(String path, Kind kind) {
      this(path, kind, List.of());
    }
  }
}
