package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.gitopscrew.git.ChangeType;
import dev.gitopscrew.git.RefNames;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Files to change in a repository through the Git workflow (software-engineer): issue, branch,
 * commit, push, pull request.
 *
 * @param issue the issue to adopt, or null to find or create one
 * @param files repository path to new content
 * @param labels more labels for the issue and pull request ({@code semver:breaking})
 */
@JsonTypeName("change")
public record Change(
    String repository,
    ChangeType type,
    String title,
    Integer issue,
    Map<String, byte[]> files,
    String summary,
    boolean dryRun,
    java.util.List<String> labels)
    implements Request, DryRunnable {

  public Change {
    Names.repository(repository);
    Objects.requireNonNull(type, "type");
    try {
      RefNames.requireSingleLine("title", title);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    if (issue != null) {
      Names.number("issue", issue, 1, Integer.MAX_VALUE);
    }
    if (files == null || files.isEmpty()) {
      throw new BadRequestException("a change needs at least one file (--file PATH=LOCALFILE)");
    }
    Map<String, byte[]> copy = new LinkedHashMap<>();
    files.forEach((path, content) -> copy.put(Names.repoPath(path), content.clone()));
    files = Collections.unmodifiableMap(copy);
    labels = Labels.of(labels);
  }

  /** A change with no labels beyond the footprint's. */
  public Change(
      String repository,
      ChangeType type,
      String title,
      Integer issue,
      Map<String, byte[]> files,
      String summary,
      boolean dryRun) {
    this(repository, type, title, issue, files, summary, dryRun, java.util.List.of());
  }

  @Override
  public String describe() {
    return "change "
        + repository
        + " "
        + type.id()
        + ": "
        + title
        + " "
        + files.keySet()
        + Labels.describe(labels)
        + (dryRun ? " (dry run)" : "");
  }

  @Override
  public Change withDryRun() {
    return new Change(repository, type, title, issue, files, summary, true, labels);
  }
}
