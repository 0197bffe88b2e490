package dev.gitopscrew.release;

import dev.gitopscrew.git.LabelScheme;
import java.util.Locale;
import java.util.Set;

/**
 * What one merged pull request asks of the version, from its labels: {@code semver:breaking} a
 * MAJOR, {@code type:feat} a MINOR, anything else (fix, chore, docs, refactor, security, none) a
 * PATCH. A pull request with several labels asks for the highest.
 */
public enum Bump {
  PATCH,
  MINOR,
  MAJOR;

  public static final String BREAKING = LabelScheme.BREAKING;
  public static final String FEAT = "type:feat";

  /** The bump of GitOps Crew's own labels ({@code type:feat}). */
  public static Bump of(Set<String> labels) {
    return of(labels, FEAT);
  }

  /**
   * @param feat the feat label of the repository's label scheme ({@code git.footprint.labels.type}
   *     followed by {@code feat})
   */
  public static Bump of(Set<String> labels, String feat) {
    boolean isFeat = false;
    String wanted = feat.toLowerCase(Locale.ROOT);
    for (String label : labels) {
      String l = label.toLowerCase(Locale.ROOT);
      if (l.equals(BREAKING)) {
        return MAJOR;
      }
      isFeat |= l.equals(wanted);
    }
    return isFeat ? MINOR : PATCH;
  }

  /** The label that asks for this bump, for the reason a plan gives. */
  String because(String feat) {
    return switch (this) {
      case MAJOR -> "labelled " + BREAKING;
      case MINOR -> "labelled " + feat;
      case PATCH -> "no feat or breaking label";
    };
  }
}
