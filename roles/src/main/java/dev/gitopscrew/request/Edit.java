package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.gitopscrew.git.ChangeType;
import java.util.Objects;

/**
 * One edit of a manifest in a repository (software-engineer): the object is found by kind, name and
 * namespace, only the intended lines change, and the result goes through the Git workflow.
 *
 * @param type the change type of the commit and labels; null means {@code chore}
 * @param labels more labels for the issue and pull request ({@code semver:breaking})
 */
@JsonTypeName("edit")
public record Edit(
    String repository,
    ObjectRef target,
    EditOperation operation,
    Integer issue,
    ChangeType type,
    boolean dryRun,
    java.util.List<String> labels)
    implements Request, DryRunnable {

  public Edit {
    Names.repository(repository);
    Objects.requireNonNull(target, "target object");
    Objects.requireNonNull(operation, "edit");
    if (issue != null) {
      Names.number("issue", issue, 1, Integer.MAX_VALUE);
    }
    type = type == null ? ChangeType.CHORE : type;
    labels = Labels.of(labels);
  }

  /** An edit with no labels beyond the footprint's. */
  public Edit(
      String repository,
      ObjectRef target,
      EditOperation operation,
      Integer issue,
      ChangeType type,
      boolean dryRun) {
    this(repository, target, operation, issue, type, dryRun, java.util.List.of());
  }

  @Override
  public String describe() {
    return "edit "
        + repository
        + " "
        + target.describe()
        + ": "
        + operation.describe()
        + Labels.describe(labels)
        + (dryRun ? " (dry run)" : "");
  }

  @Override
  public Edit withDryRun() {
    return new Edit(repository, target, operation, issue, type, true, labels);
  }
}
