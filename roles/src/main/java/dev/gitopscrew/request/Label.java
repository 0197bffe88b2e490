package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A label added to a pull request, or removed from it (software-engineer): {@code label demo#5
 * type:docs}, or a model's "label it type:docs" about the pull request it just opened.
 */
@JsonTypeName("label")
public record Label(
    String repository, int pullRequest, String label, boolean remove, boolean dryRun)
    implements Request, DryRunnable {

  public Label {
    Names.repository(repository);
    Names.number("pull request", pullRequest, 1, 999_999_999);
    Names.required("label", label);
    if (label.length() > 50 || label.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == ',')) {
      throw new BadRequestException(
          "a label is one line of at most 50 characters without commas, got "
              + Quote.bounded(label));
    }
  }

  @Override
  public String describe() {
    return (remove ? "unlabel " : "label ")
        + repository
        + "#"
        + pullRequest
        + " "
        + label
        + (dryRun ? " (dry run)" : "");
  }

  @Override
  public Label withDryRun() {
    return new Label(repository, pullRequest, label, remove, true);
  }
}
