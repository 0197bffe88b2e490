package dev.gitopscrew.cli;

import java.util.List;
import picocli.CommandLine.Option;

/** {@code --label} and {@code --breaking}, shared by the commands that open a change. */
final class LabelOptions {

  @Option(
      names = "--label",
      paramLabel = "LABEL",
      split = ",",
      description =
          "one more label for the issue and pull request (semver:breaking,"
              + " priority:high); repeatable or comma-separated")
  List<String> labels;

  @Option(
      names = "--breaking",
      description = "a breaking change: labelled semver:breaking, so its release bumps the major")
  boolean breaking;

  /** The labels as the request's {@code labels} field reads them; null when none were given. */
  String joined() {
    return labels == null ? null : String.join(",", labels);
  }
}
