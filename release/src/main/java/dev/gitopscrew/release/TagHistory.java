package dev.gitopscrew.release;

import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.git.Tag;
import dev.gitopscrew.git.TagSnapshot;
import dev.gitopscrew.git.Tags;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.semver4j.Semver;

/**
 * The remote's tags as one fetch saw them, and where a merged pull request sits among them: the
 * version tags in the default branch's history are the releases; any other tag is not one.
 */
final class TagHistory {

  /** A release tag: a version tag on the default branch. */
  record Versioned(Tag tag, Semver version) {
    String name() {
      return tag.name();
    }

    String commit() {
      return tag.commit();
    }
  }

  private final Tags tags;
  private final TagSnapshot snapshot;
  private final Map<String, Tag> byName;
  private final List<Versioned> onMain;

  private TagHistory(Tags tags, TagSnapshot snapshot) {
    this.tags = tags;
    this.snapshot = snapshot;
    this.byName =
        snapshot.tags().stream().collect(Collectors.toMap(Tag::name, t -> t, (a, b) -> a));
    this.onMain =
        snapshot.tags().stream()
            .filter(Tag::onDefaultBranch)
            .flatMap(t -> Versions.parse(t.name()).map(v -> new Versioned(t, v)).stream())
            .sorted(Comparator.comparing(Versioned::version))
            .toList();
  }

  /** Fetches the branches and tags of the remote. */
  static TagHistory fetch(Tags tags) {
    return new TagHistory(tags, tags.fetch());
  }

  String head() {
    return snapshot.head();
  }

  Optional<Tag> tag(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The newest release tag; null when there is none. */
  Versioned last() {
    return onMain.isEmpty() ? null : onMain.get(onMain.size() - 1);
  }

  /** The highest release tag below {@code version}; null when there is none. */
  Versioned below(Semver version) {
    Versioned found = null;
    for (Versioned v : onMain) {
      if (v.version().isLowerThan(version)) {
        found = v;
      }
    }
    return found;
  }

  /** The commits after {@code from} (none: every one) up to {@code to}. */
  Set<String> between(Versioned from, String to) {
    return tags.commitsBetween(from == null ? null : from.commit(), to);
  }

  /**
   * The pull requests the default branch's history says were merged after {@code from}; null when a
   * commit there names none.
   */
  Set<Integer> mergedSince(Versioned from) {
    return ReleaseContent.mergedBy(
        tags.firstParentSubjects(from == null ? null : from.commit(), snapshot.head()));
  }

  /**
   * Where a merged pull request sits: between {@code previous} and the tag (or the head), in the
   * previous release, after the tag, or off the default branch. A forge that does not say which
   * commit merged it is placed by the time of the merge.
   */
  ReleaseContent.Place place(
      ForgeItem item, Set<String> range, Versioned previous, Versioned tagged) {
    String commit = item.mergeCommit();
    if (commit == null) {
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
    if (previous != null && tags.isAncestor(commit, previous.commit())) {
      return ReleaseContent.Place.SHIPPED;
    }
    if (tagged != null && tags.isAncestor(commit, snapshot.head())) {
      return ReleaseContent.Place.LATER;
    }
    return ReleaseContent.Place.ELSEWHERE;
  }

  /** Why a tag off the default branch blocks the release of its version. */
  static String elsewhere(Tag tag, String defaultBranch) {
    return "the tag "
        + tag.name()
        + " exists on "
        + ReleaseContent.shortSha(tag.commit())
        + ", which is not on "
        + defaultBranch
        + "; a tag is never moved: delete it, or release from "
        + defaultBranch
        + " under another version";
  }
}
