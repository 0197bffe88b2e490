package dev.gitopscrew.release;

import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.Release;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.Mirror;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.Tag;
import dev.gitopscrew.git.TagSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.semver4j.Semver;

/**
 * Reads what a release is made of, writing nothing: the remote's tags (one Git fetch), the forge's
 * newest releases (one request on GitHub) and the pull requests closed since the previous release
 * (a request per 100), then works out the version and each step of the cut with whether it is done.
 */
final class ReleaseReader {

  /** How far before the previous tag the pull-request listing reaches (clock skew, timing). */
  private static final Duration SLACK = Duration.ofDays(1);

  private final Footprint footprint;
  private final ReleasePolicy policy;

  ReleaseReader(Footprint footprint, ReleasePolicy policy) {
    this.footprint = footprint;
    this.policy = policy;
  }

  /** A version tag on the default branch. */
  private record Versioned(Tag tag, Semver version) {
    String name() {
      return tag.name();
    }
  }

  Situation read(RepositorySpec spec, Forge forge, Mirror mirror, String named) {
    boolean keeps = forge.keepsMilestonesAndReleases();
    if (named != null && !keeps) {
      throw new ReleaseException(
          spec.name()
              + " is on "
              + spec.forge().configName()
              + ", which has no milestones: plan and cut without a milestone; the release is the"
              + " pull requests completed since the last tag");
    }
    TagSnapshot snapshot = mirror.fetchTags();
    Map<String, Tag> tags =
        snapshot.tags().stream().collect(Collectors.toMap(Tag::name, t -> t, (a, b) -> a));
    List<Versioned> onMain =
        snapshot.tags().stream()
            .filter(Tag::onDefaultBranch)
            .flatMap(t -> Versions.parse(t.name()).map(v -> new Versioned(t, v)).stream())
            .sorted(Comparator.comparing(Versioned::version))
            .toList();
    List<Release> releases = keeps ? forge.latestReleases() : List.of();

    Versioned tagged = null;
    Versioned candidate = null;
    Versioned previous;
    if (named != null && tags.containsKey(named) && Versions.parse(named).isPresent()) {
      Tag t = tags.get(named);
      if (!t.onDefaultBranch()) {
        return blocked(spec, forge, mirror, named, snapshot.head(), tagElsewhere(t, spec));
      }
      tagged = new Versioned(t, Versions.parse(named).orElseThrow());
      previous = below(onMain, tagged.version());
    } else {
      Versioned last = onMain.isEmpty() ? null : onMain.get(onMain.size() - 1);
      if (keeps && last != null && !published(releases, last.name())) {
        // the newest tag has no published release: a cut that stopped after tagging, or a tag
        // someone made by hand; the listing reaches back far enough to tell
        candidate = last;
        previous = below(onMain, last.version());
      } else {
        previous = last;
      }
    }
    Instant since = previous == null ? null : previous.tag().time().minus(SLACK);
    // Git names the merges since the previous tag: the listing stops once it has them all
    Set<Integer> merged =
        ReleaseContent.mergedBy(
            mirror.firstParentSubjects(
                previous == null ? null : previous.tag().commit(), snapshot.head()));
    List<ForgeItem> items = forge.closedPullRequests(since, merged);
    if (candidate != null) {
      if (unfinished(candidate, previous, items, mirror)) {
        tagged = candidate;
      } else {
        previous = candidate;
      }
    }

    String upper = tagged != null ? tagged.tag().commit() : snapshot.head();
    Versioned prev = previous;
    Versioned tag = tagged;
    Set<String> range = mirror.commitsBetween(prev == null ? null : prev.tag().commit(), upper);
    Function<ForgeItem, ReleaseContent.Place> where =
        item -> place(item, range, prev, tag, snapshot.head(), mirror);
    ReleaseContent.Placed placed =
        ReleaseContent.place(
            items,
            spec.defaultBranch(),
            where,
            prev == null ? null : prev.name(),
            tag == null ? null : tag.name());

    List<Milestone> all = tagged != null && keeps ? forge.milestones() : null;
    Milestone milestone = keeps ? milestone(placed.in(), named, tagged, forge, all) : null;
    ReleaseContent.Counted counted = ReleaseContent.count(placed.in(), milestone);
    List<Plan.Pr> ignored = new ArrayList<>(counted.ignored());
    ignored.addAll(placed.ignored());
    List<Plan.Pr> blockers = new ArrayList<>();
    if (tagged == null && milestone != null && milestone.open() && milestone.openIssues() > 0) {
      for (ForgeItem open : ReleaseContent.byNumber(forge.openItems(milestone))) {
        if (open.pullRequest()) {
          ignored.add(ReleaseContent.pr(open, "still open"));
        } else {
          blockers.add(ReleaseContent.pr(open, "open issue in milestone " + milestone.title()));
        }
      }
    }

    String version;
    String reason;
    if (tagged != null) {
      version = tagged.name();
      reason =
          "the tag "
              + version
              + " is on "
              + spec.defaultBranch()
              + " at "
              + ReleaseContent.shortSha(tagged.tag().commit())
              + (ours(tagged.tag()) ? " (cut by " + ReleaseWorkflow.AGENT + ")" : "")
              + ": the cut continues from there";
    } else if (counted.counted().isEmpty()) {
      String none =
          previous == null
              ? "no pull request has been merged into " + spec.defaultBranch() + " yet"
              : "no pull request merged into "
                  + spec.defaultBranch()
                  + " since "
                  + previous.name()
                  + (published(releases, previous.name()) || !keeps ? " (released)" : "");
      return nothing(spec, forge, mirror, previous, snapshot.head(), none, counted, ignored);
    } else {
      ForgeItem deciding = ReleaseContent.deciding(counted.counted()).orElseThrow();
      Bump bump = Bump.of(deciding.labels());
      Versions.Next next =
          Versions.next(previous == null ? null : previous.version(), bump, policy);
      version = Versions.tag(next.version());
      reason =
          next.applied()
              + ": #"
              + deciding.number()
              + " \""
              + deciding.title()
              + "\" is "
              + bump.because()
              + (next.rule().isEmpty() ? "" : "; " + next.rule());
      if (tags.containsKey(version)) {
        return blocked(
            spec, forge, mirror, version, snapshot.head(), tagElsewhere(tags.get(version), spec));
      }
    }

    String target = tagged != null ? tagged.tag().commit() : snapshot.head();
    Release release =
        releases.stream()
            .filter(r -> r.tag().equals(version))
            .min(Comparator.comparing(Release::draft))
            .orElse(null);
    String next = Versions.tag(Versions.parse(version).orElseThrow().nextPatch());
    boolean nextExists =
        all != null
            ? all.stream().anyMatch(m -> m.title().equals(next))
            : items.stream()
                .anyMatch(i -> i.milestone() != null && i.milestone().title().equals(next));
    List<Plan.Pr> countedPrs =
        counted.counted().stream()
            .map(
                p ->
                    ReleaseContent.pr(
                        p,
                        Bump.of(p.labels())
                            + ": "
                            + Bump.of(p.labels()).because()
                            + (p.milestone() == null
                                ? " (no milestone: the cut puts it in " + version + ")"
                                : "")))
            .toList();
    Situation draft =
        new Situation(
            spec,
            forge,
            mirror,
            null,
            previous == null ? null : previous.name(),
            tagged != null,
            milestone,
            counted.orphans(),
            release,
            counted.counted(),
            nextExists);
    List<Plan.Step> steps = CutSteps.describe(draft, version, target, footprint);
    Plan.Status status =
        !blockers.isEmpty()
            ? Plan.Status.BLOCKED
            : tagged == null
                ? Plan.Status.READY
                : steps.stream().allMatch(Plan.Step::done)
                    ? Plan.Status.RELEASED
                    : Plan.Status.CONTINUING;
    if (status == Plan.Status.BLOCKED) {
      reason =
          blockers.size()
              + " open issue"
              + (blockers.size() == 1 ? "" : "s")
              + " in milestone "
              + milestone.title()
              + ": close them or move them to another milestone (the version would be "
              + version
              + ": "
              + reason
              + ")";
    }
    Plan plan =
        new Plan(
            spec.name(),
            spec.forge().configName(),
            status,
            version,
            previous == null ? null : previous.name(),
            target,
            reason,
            milestone == null ? null : milestone.title(),
            countedPrs,
            ignored,
            blockers,
            steps);
    return new Situation(
        spec,
        forge,
        mirror,
        plan,
        draft.previous(),
        draft.tagged(),
        milestone,
        counted.orphans(),
        release,
        counted.counted(),
        nextExists);
  }

  private static ReleaseContent.Place place(
      ForgeItem item,
      Set<String> range,
      Versioned previous,
      Versioned tagged,
      String head,
      Mirror mirror) {
    String commit = item.mergeCommit();
    if (commit == null) {
      // a forge that did not say which commit merged it: go by the time
      Instant at = item.mergedAt();
      if (previous != null && (at == null || !at.isAfter(previous.tag().time()))) {
        return ReleaseContent.Place.SHIPPED;
      }
      if (tagged != null && at != null && at.isAfter(tagged.tag().time())) {
        return ReleaseContent.Place.LATER;
      }
      return ReleaseContent.Place.IN;
    }
    if (range.contains(commit)) {
      return ReleaseContent.Place.IN;
    }
    if (previous != null && mirror.isAncestor(commit, previous.tag().commit())) {
      return ReleaseContent.Place.SHIPPED;
    }
    if (tagged != null && mirror.isAncestor(commit, head)) {
      return ReleaseContent.Place.LATER;
    }
    return ReleaseContent.Place.ELSEWHERE;
  }

  /** Whether a tag without a published release is a cut to finish rather than a past release. */
  private boolean unfinished(
      Versioned candidate, Versioned previous, List<ForgeItem> items, Mirror mirror) {
    if (ours(candidate.tag())) {
      return true;
    }
    Set<String> before =
        mirror.commitsBetween(
            previous == null ? null : previous.tag().commit(), candidate.tag().commit());
    return items.stream()
        .anyMatch(
            i ->
                i.merged()
                    && i.mergeCommit() != null
                    && before.contains(i.mergeCommit())
                    && i.milestone() != null
                    && i.milestone().open()
                    && i.milestone().title().equals(candidate.name()));
  }

  private boolean ours(Tag tag) {
    String agent = ReleaseWorkflow.AGENT;
    return tag.tagger() != null
        && tag.tagger()
            .equals(footprint.authorName(agent) + " <" + footprint.authorEmail(agent) + ">");
  }

  private Milestone milestone(
      List<ForgeItem> in, String named, Versioned tagged, Forge forge, List<Milestone> all) {
    if (named != null) {
      return ReleaseContent.titled(in, named)
          .or(() -> find(all != null ? all : forge.milestones(), named))
          .orElseThrow(
              () ->
                  new ReleaseException(
                      "no milestone named "
                          + named
                          + "; open milestones: "
                          + (all != null ? all : forge.milestones())
                              .stream()
                                  .filter(Milestone::open)
                                  .map(Milestone::title)
                                  .sorted()
                                  .toList()));
    }
    if (tagged != null) {
      return ReleaseContent.titled(in, tagged.name())
          .or(() -> ReleaseContent.lowestOpenVersion(in))
          .or(() -> find(all, tagged.name()))
          .orElse(null);
    }
    return ReleaseContent.lowestOpenVersion(in).orElse(null);
  }

  /** The milestone titled {@code title}, or renamed from it by an earlier cut. */
  private static Optional<Milestone> find(List<Milestone> milestones, String title) {
    if (milestones == null) {
      return Optional.empty();
    }
    return milestones.stream()
        .filter(m -> m.title().equals(title))
        .findFirst()
        .or(
            () ->
                milestones.stream()
                    .filter(m -> m.description().contains(CutSteps.renamedFrom(title)))
                    .findFirst());
  }

  private static Versioned below(List<Versioned> onMain, Semver version) {
    Versioned found = null;
    for (Versioned v : onMain) {
      if (v.version().isLowerThan(version)) {
        found = v;
      }
    }
    return found;
  }

  private static boolean published(List<Release> releases, String tag) {
    return releases.stream().anyMatch(r -> r.tag().equals(tag) && !r.draft());
  }

  private static String tagElsewhere(Tag tag, RepositorySpec spec) {
    return "the tag "
        + tag.name()
        + " exists on "
        + ReleaseContent.shortSha(tag.commit())
        + ", which is not on "
        + spec.defaultBranch()
        + "; a tag is never moved: delete it, or release from "
        + spec.defaultBranch()
        + " under another version";
  }

  private static Situation blocked(
      RepositorySpec spec, Forge forge, Mirror mirror, String version, String head, String reason) {
    Plan plan =
        new Plan(
            spec.name(),
            spec.forge().configName(),
            Plan.Status.BLOCKED,
            version,
            null,
            head,
            reason,
            null,
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return new Situation(
        spec, forge, mirror, plan, null, false, null, List.of(), null, List.of(), false);
  }

  private static Situation nothing(
      RepositorySpec spec,
      Forge forge,
      Mirror mirror,
      Versioned previous,
      String head,
      String reason,
      ReleaseContent.Counted counted,
      List<Plan.Pr> ignored) {
    Plan plan =
        new Plan(
            spec.name(),
            spec.forge().configName(),
            Plan.Status.NOTHING_TO_RELEASE,
            null,
            previous == null ? null : previous.name(),
            head,
            reason,
            null,
            List.of(),
            ignored,
            List.of(),
            List.of());
    return new Situation(
        spec,
        forge,
        mirror,
        plan,
        previous == null ? null : previous.name(),
        false,
        null,
        counted.orphans(),
        null,
        List.of(),
        false);
  }
}
