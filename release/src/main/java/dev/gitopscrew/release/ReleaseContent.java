package dev.gitopscrew.release;

import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Milestone;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which pull requests a release counts: merged into the default branch after the previous release
 * (and, when the tag exists, up to it), in the release's milestone or in none (those are assigned
 * to it), and not reverted inside the release. Everything else is listed with the reason.
 */
final class ReleaseContent {

  /** Where a merged pull request's merge commit sits relative to the release. */
  enum Place {
    /** After the previous release, up to the commit this release tags. */
    IN,
    /** In the previous release's history. */
    SHIPPED,
    /** On the default branch after this release's tag: the next release. */
    LATER,
    /** Not on the default branch as fetched. */
    ELSEWHERE
  }

  // GitHub's revert pull requests: body "Reverts owner/repo#12", title "Revert "<title>""
  private static final Pattern REVERTS =
      Pattern.compile("(?i)\\breverts\\s+(?:[\\w.-]+/[\\w.-]+)?#(\\d+)\\b");
  private static final Pattern REVERT_TITLE = Pattern.compile("^Revert \"(.+)\"$");
  // what a merge leaves on the default branch: GitHub's merge commit and squash, Azure DevOps'
  private static final List<Pattern> MERGE_SUBJECTS =
      List.of(
          Pattern.compile("^Merge pull request #(\\d+) from "),
          Pattern.compile("\\(#(\\d+)\\)$"),
          Pattern.compile("^Merged PR (\\d+): "));

  private ReleaseContent() {}

  record Placed(List<ForgeItem> in, List<Plan.Pr> ignored) {}

  /** Splits the closed pull requests into those in the release window and the rest, with why. */
  static Placed place(
      List<ForgeItem> items,
      String defaultBranch,
      Function<ForgeItem, Place> where,
      String previous,
      String tagged) {
    List<ForgeItem> in = new ArrayList<>();
    List<Plan.Pr> ignored = new ArrayList<>();
    for (ForgeItem item : byNumber(items)) {
      if (!item.merged()) {
        ignored.add(pr(item, "closed without merging"));
      } else if (item.baseBranch() != null && !item.baseBranch().equals(defaultBranch)) {
        ignored.add(pr(item, "merged into " + item.baseBranch() + ", not " + defaultBranch));
      } else {
        switch (where.apply(item)) {
          case IN -> in.add(item);
          case SHIPPED -> ignored.add(pr(item, "shipped in " + previous));
          case LATER ->
              ignored.add(pr(item, "merged after " + tagged + " was tagged: the next release"));
          case ELSEWHERE ->
              ignored.add(
                  pr(
                      item,
                      "its merge commit "
                          + shortSha(item.mergeCommit())
                          + " is not on "
                          + defaultBranch
                          + " (merged after this plan read it?)"));
        }
      }
    }
    return new Placed(in, ignored);
  }

  /**
   * The pull requests merged by the commits of a first-parent history, by their subjects; null when
   * one commit names none (a direct push, a rebase merge), as the history then does not tell.
   */
  static Set<Integer> mergedBy(List<String> subjects) {
    Set<Integer> out = new HashSet<>();
    for (String subject : subjects) {
      Integer number = null;
      for (Pattern p : MERGE_SUBJECTS) {
        Matcher m = p.matcher(subject);
        if (m.find()) {
          number = Integer.valueOf(m.group(1));
          break;
        }
      }
      if (number == null) {
        return null;
      }
      out.add(number);
    }
    return out;
  }

  /** The open milestone with the lowest version title among those of {@code in}. */
  static Optional<Milestone> lowestOpenVersion(List<ForgeItem> in) {
    // the rule the Git workflow puts new issues and pull requests in a milestone by
    return dev.gitopscrew.forge.Milestones.nextRelease(
        in.stream().map(ForgeItem::milestone).filter(java.util.Objects::nonNull).toList());
  }

  /** The milestone titled {@code title} among those of {@code in}. */
  static Optional<Milestone> titled(List<ForgeItem> in, String title) {
    return in.stream()
        .map(ForgeItem::milestone)
        .filter(m -> m != null && m.title().equals(title))
        .findFirst();
  }

  /**
   * @param counted what the version is computed over
   * @param orphans the counted pull requests with no milestone (the cut assigns them)
   */
  record Counted(List<ForgeItem> counted, List<Integer> orphans, List<Plan.Pr> ignored) {}

  /** Counts the window's pull requests of {@code milestone} (null: none yet) and the orphans. */
  static Counted count(List<ForgeItem> in, Milestone milestone) {
    List<ForgeItem> mine = new ArrayList<>();
    List<Plan.Pr> ignored = new ArrayList<>();
    for (ForgeItem item : in) {
      Milestone m = item.milestone();
      if (m == null || (milestone != null && m.title().equals(milestone.title()))) {
        mine.add(item);
      } else {
        ignored.add(pr(item, "in milestone " + m.title() + ", not this release's"));
      }
    }
    Map<Integer, Integer> revertedBy = reverts(mine);
    List<ForgeItem> counted = new ArrayList<>();
    List<Integer> orphans = new ArrayList<>();
    for (ForgeItem item : mine) {
      Integer reverter = revertedBy.get(item.number());
      Integer target = targetOf(revertedBy, item.number());
      if (reverter != null) {
        ignored.add(pr(item, "reverted by #" + reverter + " in this release"));
      } else if (target != null) {
        ignored.add(pr(item, "reverts #" + target + ", which is in this release"));
      } else {
        counted.add(item);
        if (item.milestone() == null) {
          orphans.add(item.number());
        }
      }
    }
    return new Counted(counted, orphans, ignored);
  }

  /** Reverted pull request number to the number of the pull request reverting it, both here. */
  static Map<Integer, Integer> reverts(List<ForgeItem> prs) {
    Map<Integer, ForgeItem> byNumber = new HashMap<>();
    Map<String, Integer> byTitle = new HashMap<>();
    for (ForgeItem p : prs) {
      byNumber.put(p.number(), p);
      byTitle.putIfAbsent(p.title(), p.number());
    }
    Map<Integer, Integer> revertedBy = new HashMap<>();
    Set<Integer> reverting = new HashSet<>();
    for (ForgeItem p : byNumber(prs)) {
      Integer target = null;
      Matcher body = REVERTS.matcher(p.body());
      if (body.find()) {
        target = Integer.valueOf(body.group(1));
      } else {
        Matcher title = REVERT_TITLE.matcher(p.title());
        if (title.matches()) {
          target = byTitle.get(title.group(1));
        }
      }
      // a revert of a revert brings the change back: only a pair that is still apart cancels
      if (target != null
          && byNumber.containsKey(target)
          && !reverting.contains(target)
          && !revertedBy.containsKey(target)
          && target != p.number()) {
        revertedBy.put(target, p.number());
        reverting.add(p.number());
      }
    }
    return revertedBy;
  }

  private static Integer targetOf(Map<Integer, Integer> revertedBy, int reverter) {
    for (Map.Entry<Integer, Integer> e : revertedBy.entrySet()) {
      if (e.getValue() == reverter) {
        return e.getKey();
      }
    }
    return null;
  }

  /** The highest bump of the counted pull requests, and the first one asking for it. */
  static Optional<ForgeItem> deciding(List<ForgeItem> counted, String feat) {
    return byNumber(counted).stream()
        .max(
            Comparator.<ForgeItem, Bump>comparing(p -> Bump.of(p.labels(), feat))
                .thenComparing(p -> -p.number()));
  }

  static List<ForgeItem> byNumber(List<ForgeItem> items) {
    return items.stream().sorted(Comparator.comparingInt(ForgeItem::number)).toList();
  }

  static Plan.Pr pr(ForgeItem item, String why) {
    return new Plan.Pr(item.number(), item.title(), item.url(), why, item.mergedAt());
  }

  static String shortSha(String sha) {
    return sha == null ? "(unknown)" : sha.substring(0, Math.min(7, sha.length()));
  }
}
