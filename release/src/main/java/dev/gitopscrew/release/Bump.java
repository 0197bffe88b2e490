package dev.gitopscrew.release;

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

  public static final String BREAKING = "semver:breaking";
  public static final String FEAT = "type:feat";

  public static Bump of(Set<String> labels) {
    boolean feat = false;
    for (String label : labels) {
      String l = label.toLowerCase(Locale.ROOT);
      if (l.equals(BREAKING)) {
        return MAJOR;
      }
      feat |= l.equals(FEAT);
    }
    return feat ? MINOR : PATCH;
  }

  /** The label that asks for this bump, for the reason a plan gives. */
  String because() {
    return switch (this) {
      case MAJOR -> "labelled " + BREAKING;
      case MINOR -> "labelled " + FEAT;
      case PATCH -> "no feat or breaking label";
    };
  }
}
