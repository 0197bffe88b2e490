package dev.gitopscrew.release;

import java.util.Optional;
import java.util.regex.Pattern;
import org.semver4j.Semver;

/**
 * Release versions and their tags: {@code vMAJOR.MINOR.PATCH}, nothing before or after (a
 * pre-release tag such as {@code v1.0.0-rc.1} is not a release).
 */
public final class Versions {

  private static final Pattern TAG =
      Pattern.compile("v(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

  private Versions() {}

  public static Optional<Semver> parse(String tag) {
    if (tag == null || !TAG.matcher(tag).matches()) {
      return Optional.empty();
    }
    return Optional.ofNullable(Semver.parse(tag.substring(1)));
  }

  public static String tag(Semver version) {
    return "v" + version.getVersion();
  }

  /** The version a release gets, and the rule that gave it. */
  public record Next(Semver version, Bump applied, String rule) {}

  /**
   * The version after {@code previous} (none: the first release) for a {@code bump}, by the policy:
   * below 1.0.0 a breaking change bumps the minor unless the policy says otherwise, and a first
   * release is never below {@link ReleasePolicy#firstVersion()}.
   */
  public static Next next(Semver previous, Bump bump, ReleasePolicy policy) {
    Semver base = previous == null ? Semver.ZERO : previous;
    Bump applied = bump;
    StringBuilder rule = new StringBuilder();
    if (bump == Bump.MAJOR && base.getMajor() == 0 && !policy.breakingBumpsMajorBelowOne()) {
      applied = Bump.MINOR;
      rule.append("below 1.0.0 a breaking change bumps the minor (release.breakingBelowOne)");
    }
    Semver version =
        switch (applied) {
          case MAJOR -> base.nextMajor();
          case MINOR -> base.nextMinor();
          case PATCH -> base.nextPatch();
        };
    if (previous == null) {
      Semver first = parse(policy.firstVersion()).orElseThrow();
      if (version.isLowerThan(first)) {
        version = first;
      }
      append(
          rule, "first release: never below " + policy.firstVersion() + " (release.firstVersion)");
    }
    return new Next(version, applied, rule.toString());
  }

  private static void append(StringBuilder rule, String text) {
    rule.append(rule.length() == 0 ? "" : "; ").append(text);
  }
}
