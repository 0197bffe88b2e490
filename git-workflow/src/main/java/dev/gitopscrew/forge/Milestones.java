package dev.gitopscrew.forge;

import java.util.Collection;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which milestone the next release cuts: the open one titled with the lowest version {@code
 * vMAJOR.MINOR.PATCH}. The release ({@code release} module) picks its milestone by this rule, and
 * the Git workflow puts the issues and pull requests it opens in the same one.
 */
public final class Milestones {

  private static final Pattern VERSION =
      Pattern.compile("v(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})\\.(0|[1-9]\\d{0,8})");

  private static final Comparator<Milestone> BY_VERSION =
      Comparator.comparingLong((Milestone m) -> part(m, 1))
          .thenComparingLong(m -> part(m, 2))
          .thenComparingLong(m -> part(m, 3));

  private Milestones() {}

  /** The open milestone with the lowest version title; empty when none is open. */
  public static Optional<Milestone> nextRelease(Collection<Milestone> milestones) {
    return milestones.stream()
        .filter(Objects::nonNull)
        .filter(m -> m.open() && isVersion(m.title()))
        .min(BY_VERSION);
  }

  /** Whether a title is a release version, {@code vMAJOR.MINOR.PATCH} and nothing else. */
  public static boolean isVersion(String title) {
    return title != null && VERSION.matcher(title).matches();
  }

  private static long part(Milestone m, int group) {
    Matcher v = VERSION.matcher(m.title());
    v.matches();
    return Long.parseLong(v.group(group));
  }
}
