package dev.gitopscrew.roles.release;

import dev.gitopscrew.release.Plan;
import dev.gitopscrew.release.ReleaseException;
import dev.gitopscrew.release.Releases;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Merged pull requests no release has shipped, per repository, read from each repository's release
 * plan: what {@code release due} and the digest report. The lines name dates, not ages, so that the
 * same waiting work reads the same from one day to the next ({@code post: changed} stays quiet).
 */
public final class UnreleasedWork {

  /**
   * One repository's merged, unreleased work.
   *
   * @param version the version its next release would get (null when the plan has none)
   * @param blocked what blocks that release, or null
   * @param oldestMerge when the longest-waiting pull request was merged; null when the forge keeps
   *     no merge times
   */
  public record Waiting(
      String repository,
      String version,
      String previous,
      List<Integer> pullRequests,
      Instant oldestMerge,
      String blocked) {

    public Waiting {
      pullRequests = List.copyOf(pullRequests);
    }

    /**
     * Whether the longest-waiting pull request was merged {@code days} or more before {@code now}.
     */
    public boolean waitedAtLeast(int days, Instant now) {
      return oldestMerge != null && !oldestMerge.plus(java.time.Duration.ofDays(days)).isAfter(now);
    }

    public String line() {
      return repository
          + ": "
          + pullRequests.size()
          + (pullRequests.size() == 1 ? " pull request" : " pull requests")
          + " merged "
          + (previous == null ? "and never released" : "since " + previous)
          + (oldestMerge == null
              ? ""
              : ", the first on " + LocalDate.ofInstant(oldestMerge, ZoneOffset.UTC))
          + " ("
          + String.join(", ", pullRequests.stream().map(n -> "#" + n).toList())
          + ")"
          + (version == null ? "" : "; next release " + version)
          + (blocked == null ? "" : "; blocked: " + blocked);
    }
  }

  /** A repository whose plan could not be read, and why. */
  public record Unread(String repository, String reason) {}

  /** What was found: the waiting work of each repository with some, and the plans not read. */
  public record Found(List<Waiting> waiting, List<Unread> unread) {}

  private UnreleasedWork() {}

  /**
   * @param repository one repository (its refusal is thrown), or null for each configured one
   * @throws ReleaseException when the one repository named cannot be planned
   */
  public static Found of(Releases releases, String repository) {
    List<String> names =
        repository != null
            ? List.of(repository)
            : releases.repositories().stream().sorted().toList();
    List<Waiting> waiting = new ArrayList<>();
    List<Unread> unread = new ArrayList<>();
    for (String name : names) {
      Plan plan;
      try {
        plan = releases.plan(name, null);
      } catch (ReleaseException e) {
        if (repository != null) {
          throw e;
        }
        unread.add(new Unread(name, e.getMessage()));
        continue;
      }
      if (plan.counted().isEmpty()
          || plan.status() == Plan.Status.RELEASED
          || plan.status() == Plan.Status.CONTINUING) {
        continue;
      }
      waiting.add(
          new Waiting(
              name,
              plan.version(),
              plan.previous(),
              plan.counted().stream().map(Plan.Pr::number).sorted().toList(),
              plan.counted().stream()
                  .map(Plan.Pr::mergedAt)
                  .filter(Objects::nonNull)
                  .min(Comparator.naturalOrder())
                  .orElse(null),
              plan.status() == Plan.Status.BLOCKED ? plan.reason() : null));
    }
    return new Found(waiting, unread);
  }
}
