package dev.gitopscrew.request;

import dev.gitopscrew.git.change.ChangeRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * The labels a change or an edit asks for beside the footprint's: each one word, written as a list
 * or as one comma-separated word ({@code semver:breaking,priority:high}).
 */
public final class Labels {

  /** The label a release counts as a MAJOR bump. */
  public static final String BREAKING = dev.gitopscrew.git.LabelScheme.BREAKING;

  private Labels() {}

  /** The labels, validated, without duplicates; none when null. */
  public static List<String> of(List<String> labels) {
    if (labels == null) {
      return List.of();
    }
    try {
      return ChangeRequest.requireLabels(labels);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
  }

  /** {@code a,b , c} as {@code [a, b, c]}; with {@code breaking}, {@code semver:breaking} too. */
  public static List<String> parse(String commaSeparated, boolean breaking) {
    List<String> out = new ArrayList<>();
    if (commaSeparated != null && !commaSeparated.isBlank()) {
      for (String part : commaSeparated.split(",", -1)) {
        out.add(part.strip());
      }
    }
    if (breaking && !out.contains(BREAKING)) {
      out.add(BREAKING);
    }
    return of(out);
  }

  static String describe(List<String> labels) {
    return labels.isEmpty() ? "" : " labelled " + String.join(", ", labels);
  }
}
