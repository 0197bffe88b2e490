package dev.gitopscrew.release;

import dev.gitopscrew.forge.Forge;
import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.MilestonesAndReleases;
import dev.gitopscrew.forge.Release;
import dev.gitopscrew.git.Footprint;
import dev.gitopscrew.git.RepositorySpec;
import dev.gitopscrew.git.Tag;
import dev.gitopscrew.git.Tags;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

  Situation read(RepositorySpec spec, Forge forge, Tags tags, String named) {
    // null on a forge without milestones and releases (Azure DevOps)
    MilestonesAndReleases kept = forge.releases().orElse(null);
    boolean keeps = kept != null;
    if (named != null && !keeps) {
      throw new ReleaseException(
          spec.name()
              + " is on "
              + spec.forge().configName()
              + ", which has no milestones: plan and cut without a milestone; the release is the"
              + " pull requests completed since the last tag");
    }
    TagHistory history = TagHistory.fetch(tags);
    List<Release> releases = keeps ? kept.latestReleases() : List.of();

    TagHistory.Versioned tagged = null;
    TagHistory.Versioned candidate = null;
    TagHistory.Versioned previous;
    Optional<Tag> namedTag = named == null ? Optional.empty() : history.tag(named);
    if (namedTag.isPresent() && Versions.parse(named).isPresent()) {
      if (!namedTag.get().onDefaultBranch()) {
        return blocked(spec, forge, tags, named, history.head(), elsewhere(namedTag.get(), spec));
      }
      tagged = new TagHistory.Versioned(namedTag.get(), Versions.parse(named).orElseThrow());
      previous = history.below(tagged.version());
    } else {
      TagHistory.Versioned last = history.last();
      if (keeps && last != null && !published(releases, last.name())) {
        // the newest tag has no published release: a cut that stopped after tagging, or a tag
        // someone made by hand; the listing reaches back far enough to tell
        candidate = last;
        previous = history.below(last.version());
      } else {
        previous = last;
      }
    }
    Instant since = previous == null ? null : previous.tag().time().minus(SLACK);
    // Git names the merges since the previous tag: the listing stops once it has them all
    List<ForgeItem> items = forge.closedPullRequests(since, history.mergedSince(previous));
    if (candidate != null) {
      if (unfinished(history, candidate, previous, items)) {
        tagged = candidate;
      } else {
        previous = candidate;
      }
    }
    return plan(spec, forge, tags, named, history, releases, items, previous, tagged);
  }

  private Situation plan(
      RepositorySpec spec,
      Forge forge,
      Tags tags,
      String named,
      TagHistory history,
      List<Release> releases,
      List<ForgeItem> items,
      TagHistory.Versioned previous,
      TagHistory.Versioned tagged) {
    String target = tagged != null ? tagged.commit() : history.head();
    Content content = content(spec, forge, named, history, items, previous, tagged, target);
    Decision decision;
    if (tagged != null) {
      decision = continuing(spec, tagged);
    } else if (content.counted().counted().isEmpty()) {
      return nothingToRelease(spec, forge, tags, releases, previous, target, content.ignored());
    } else {
      decision = nextVersion(content.counted(), previous);
      Optional<Tag> existing = history.tag(decision.version());
      if (existing.isPresent()) {
        return blocked(
            spec, forge, tags, decision.version(), target, elsewhere(existing.get(), spec));
      }
    }
    return cut(spec, forge, tags, releases, items, previous, tagged, target, content, decision);
  }

  /**
   * What the release is made of: the pull requests it counts and ignores, its milestone, the
   * milestone's open issues that block it, and the repository's milestones when they were listed.
   */
  private record Content(
      ReleaseContent.Counted counted,
      List<Plan.Pr> ignored,
      List<Plan.Pr> blockers,
      Milestone milestone,
      List<Milestone> all) {}

  /** The version, and why it is that one. */
  private record Decision(String version, String reason) {}

  private Content content(
      RepositorySpec spec,
      Forge forge,
      String named,
      TagHistory history,
      List<ForgeItem> items,
      TagHistory.Versioned previous,
      TagHistory.Versioned tagged,
      String target) {
    MilestonesAndReleases kept = forge.releases().orElse(null);
    Set<String> range = history.between(previous, target);
    ReleaseContent.Placed placed =
        ReleaseContent.place(
            items,
            spec.defaultBranch(),
            item -> history.place(item, range, previous, tagged),
            previous == null ? null : previous.name(),
            tagged == null ? null : tagged.name());
    List<Milestone> all = tagged != null && kept != null ? kept.milestones() : null;
    Milestone milestone =
        kept != null ? ReleaseMilestone.of(placed.in(), named, tagged, kept, all) : null;
    ReleaseContent.Counted counted = ReleaseContent.count(placed.in(), milestone);
    List<Plan.Pr> ignored = new ArrayList<>(counted.ignored());
    ignored.addAll(placed.ignored());
    List<Plan.Pr> blockers = new ArrayList<>();
    if (tagged == null
        && kept != null
        && milestone != null
        && milestone.open()
        && milestone.openIssues() > 0) {
      for (ForgeItem open : ReleaseContent.byNumber(kept.openItems(milestone))) {
        if (open.pullRequest()) {
          ignored.add(ReleaseContent.pr(open, "still open"));
        } else {
          blockers.add(ReleaseContent.pr(open, "open issue in milestone " + milestone.title()));
        }
      }
    }
    return new Content(counted, ignored, blockers, milestone, all);
  }

  /** The tag is on the default branch already: its version is the release's. */
  private Decision continuing(RepositorySpec spec, TagHistory.Versioned tagged) {
    return new Decision(
        tagged.name(),
        "the tag "
            + tagged.name()
            + " is on "
            + spec.defaultBranch()
            + " at "
            + ReleaseContent.shortSha(tagged.commit())
            + (ours(tagged.tag()) ? " (cut by " + ReleaseWorkflow.AGENT + ")" : "")
            + ": the cut continues from there");
  }

  /** The pull request with the largest bump decides the next version under the policy. */
  private Decision nextVersion(ReleaseContent.Counted counted, TagHistory.Versioned previous) {
    ForgeItem deciding = ReleaseContent.deciding(counted.counted(), feat()).orElseThrow();
    Bump bump = Bump.of(deciding.labels(), feat());
    Versions.Next next = Versions.next(previous == null ? null : previous.version(), bump, policy);
    return new Decision(
        Versions.tag(next.version()),
        next.applied()
            + ": #"
            + deciding.number()
            + " \""
            + deciding.title()
            + "\" is "
            + bump.because(feat())
            + (next.rule().isEmpty() ? "" : "; " + next.rule()));
  }

  private static Situation nothingToRelease(
      RepositorySpec spec,
      Forge forge,
      Tags tags,
      List<Release> releases,
      TagHistory.Versioned previous,
      String target,
      List<Plan.Pr> ignored) {
    boolean keeps = forge.releases().isPresent();
    String none =
        previous == null
            ? "no pull request has been merged into " + spec.defaultBranch() + " yet"
            : "no pull request merged into "
                + spec.defaultBranch()
                + " since "
                + previous.name()
                + (published(releases, previous.name()) || !keeps ? " (released)" : "");
    Plan plan =
        new Plan(
            spec.name(),
            spec.forge().configName(),
            Plan.Status.NOTHING_TO_RELEASE,
            null,
            previous == null ? null : previous.name(),
            target,
            none,
            null,
            List.of(),
            ignored,
            List.of(),
            List.of());
    return new Situation(
        spec, forge, tags, plan, plan.previous(), false, null, List.of(), null, List.of(), false);
  }

  /** The cut of the decided version: each of its steps with whether it is done, and the status. */
  private Situation cut(
      RepositorySpec spec,
      Forge forge,
      Tags tags,
      List<Release> releases,
      List<ForgeItem> items,
      TagHistory.Versioned previous,
      TagHistory.Versioned tagged,
      String target,
      Content content,
      Decision decision) {
    String version = decision.version();
    ReleaseContent.Counted counted = content.counted();
    Situation draft =
        new Situation(
            spec,
            forge,
            tags,
            null,
            previous == null ? null : previous.name(),
            tagged != null,
            content.milestone(),
            counted.orphans(),
            release(releases, version),
            counted.counted(),
            nextMilestoneExists(version, content.all(), items));
    List<Plan.Step> steps = CutSteps.describe(draft, version, target, footprint);
    List<Plan.Pr> blockers = content.blockers();
    Plan.Status status =
        !blockers.isEmpty()
            ? Plan.Status.BLOCKED
            : tagged == null
                ? Plan.Status.READY
                : steps.stream().allMatch(Plan.Step::done)
                    ? Plan.Status.RELEASED
                    : Plan.Status.CONTINUING;
    Plan plan =
        new Plan(
            spec.name(),
            spec.forge().configName(),
            status,
            version,
            draft.previous(),
            target,
            status == Plan.Status.BLOCKED ? blockedBy(content, decision) : decision.reason(),
            content.milestone() == null ? null : content.milestone().title(),
            countedPrs(counted, version),
            content.ignored(),
            blockers,
            steps);
    return draft.withPlan(plan);
  }

  /** The forge's release for the tag, a published one before a draft; null when there is none. */
  private static Release release(List<Release> releases, String version) {
    return releases.stream()
        .filter(r -> r.tag().equals(version))
        .min(Comparator.comparing(Release::draft))
        .orElse(null);
  }

  /** Whether the next patch's milestone is known: listed, or on one of the pull requests. */
  private static boolean nextMilestoneExists(
      String version, List<Milestone> all, List<ForgeItem> items) {
    String next = Versions.tag(Versions.parse(version).orElseThrow().nextPatch());
    return all != null
        ? all.stream().anyMatch(m -> m.title().equals(next))
        : items.stream().anyMatch(i -> i.milestone() != null && i.milestone().title().equals(next));
  }

  private static String blockedBy(Content content, Decision decision) {
    List<Plan.Pr> blockers = content.blockers();
    return blockers.size()
        + " open issue"
        + (blockers.size() == 1 ? "" : "s")
        + " in milestone "
        + content.milestone().title()
        + ": close them or move them to another milestone (the version would be "
        + decision.version()
        + ": "
        + decision.reason()
        + ")";
  }

  /** Each counted pull request with the bump it asks for and why. */
  private List<Plan.Pr> countedPrs(ReleaseContent.Counted counted, String version) {
    return counted.counted().stream()
        .map(
            p ->
                ReleaseContent.pr(
                    p,
                    Bump.of(p.labels(), feat())
                        + ": "
                        + Bump.of(p.labels(), feat()).because(feat())
                        + (p.milestone() == null
                            ? " (no milestone: the cut puts it in " + version + ")"
                            : "")))
        .toList();
  }

  /** Whether a tag without a published release is a cut to finish rather than a past release. */
  private boolean unfinished(
      TagHistory history,
      TagHistory.Versioned candidate,
      TagHistory.Versioned previous,
      List<ForgeItem> items) {
    if (ours(candidate.tag())) {
      return true;
    }
    Set<String> before = history.between(previous, candidate.commit());
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

  /** The feat label of the repository's label scheme: {@code type:feat} unless configured. */
  private String feat() {
    return footprint.typeLabel(dev.gitopscrew.git.ChangeType.FEAT);
  }

  private boolean ours(Tag tag) {
    String agent = ReleaseWorkflow.AGENT;
    return tag.tagger() != null
        && tag.tagger()
            .equals(footprint.authorName(agent) + " <" + footprint.authorEmail(agent) + ">");
  }

  private static boolean published(List<Release> releases, String tag) {
    return releases.stream().anyMatch(r -> r.tag().equals(tag) && !r.draft());
  }

  private static String elsewhere(Tag tag, RepositorySpec spec) {
    return TagHistory.elsewhere(tag, spec.defaultBranch());
  }

  private static Situation blocked(
      RepositorySpec spec, Forge forge, Tags tags, String version, String head, String reason) {
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
        spec, forge, tags, plan, null, false, null, List.of(), null, List.of(), false);
  }
}
