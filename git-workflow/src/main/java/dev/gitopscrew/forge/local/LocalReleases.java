package dev.gitopscrew.forge.local;

import dev.gitopscrew.forge.ForgeException;
import dev.gitopscrew.forge.ForgeItem;
import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.Milestone;
import dev.gitopscrew.forge.MilestonesAndReleases;
import dev.gitopscrew.forge.NewRelease;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.Release;
import dev.gitopscrew.forge.ReleaseNotes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The milestones and releases of the {@link LocalForge}, recorded in the state store as GitHub
 * would keep them.
 */
final class LocalReleases implements MilestonesAndReleases {

  private final String repo;
  private final LocalForgeRecords records;

  LocalReleases(String repo, LocalForgeRecords records) {
    this.repo = repo;
    this.records = records;
  }

  @Override
  public List<ForgeItem> openItems(Milestone milestone) {
    Map<String, Milestone> milestones = milestonesByTitle();
    List<ForgeItem> out = new ArrayList<>();
    for (Issue i : records.issues(repo)) {
      if (i.open() && milestone.title().equals(i.milestone())) {
        out.add(
            new ForgeItem(
                i.number(),
                false,
                i.title(),
                i.body(),
                i.url(),
                PullRequest.State.OPEN,
                i.labels(),
                milestones.get(i.milestone()),
                null,
                null,
                null,
                null));
      }
    }
    for (PullRequest p : records.pullRequests(repo)) {
      if (p.state() == PullRequest.State.OPEN && milestone.title().equals(p.milestone())) {
        out.add(item(p, milestones, null, null));
      }
    }
    return out;
  }

  @Override
  public List<Milestone> milestones() {
    return List.copyOf(milestonesByTitle().values());
  }

  @Override
  public Milestone createMilestone(String title, String description) {
    records.createMilestone(repo, title, description);
    return milestonesByTitle().get(title);
  }

  @Override
  public Milestone updateMilestone(
      Milestone milestone, String title, String description, boolean open) {
    try {
      records.updateMilestone(repo, milestone.title(), title, description, open);
    } catch (IllegalArgumentException e) {
      throw new ForgeException(e.getMessage(), 422);
    }
    return milestonesByTitle().get(title);
  }

  @Override
  public void setMilestone(int number, Milestone milestone) {
    records.setMilestone(repo, number, milestone.title());
  }

  @Override
  public List<Release> latestReleases() {
    List<Release> out = new ArrayList<>();
    for (LocalForgeRecords.Release r : records.releases(repo)) {
      out.add(0, release(r));
    }
    return out;
  }

  @Override
  public Release createRelease(NewRelease release) {
    LocalForgeRecords.Release wanted =
        new LocalForgeRecords.Release(release.tag(), release.name(), release.body());
    LocalForgeRecords.Release kept = records.insertRelease(repo, wanted);
    if (!kept.equals(wanted)) {
      records.updateRelease(repo, wanted);
    }
    return release(wanted);
  }

  @Override
  public Release updateRelease(Release existing, NewRelease release) {
    LocalForgeRecords.Release wanted =
        new LocalForgeRecords.Release(existing.tag(), release.name(), release.body());
    records.updateRelease(repo, wanted);
    return release(wanted);
  }

  @Override
  public Optional<ReleaseNotes> generateNotes(String tag, String target, String previousTag) {
    return Optional.empty();
  }

  private Release release(LocalForgeRecords.Release r) {
    return new Release(
        0, r.tag(), r.title(), r.notes(), false, "local://" + repo + "/releases/" + r.tag());
  }

  /** The milestones with their open issues and pull requests counted, as GitHub counts them. */
  Map<String, Milestone> milestonesByTitle() {
    Map<String, Integer> open = new HashMap<>();
    records.issues(repo).stream()
        .filter(i -> i.open() && i.milestone() != null)
        .forEach(i -> open.merge(i.milestone(), 1, Integer::sum));
    records.pullRequests(repo).stream()
        .filter(p -> p.state() == PullRequest.State.OPEN && p.milestone() != null)
        .forEach(p -> open.merge(p.milestone(), 1, Integer::sum));
    Map<String, Milestone> out = new java.util.LinkedHashMap<>();
    for (LocalForgeRecords.Milestone m : records.milestones(repo)) {
      out.put(
          m.title(),
          new Milestone(
              0,
              m.title(),
              m.open(),
              open.getOrDefault(m.title(), 0),
              m.description(),
              "local://" + repo + "/milestones/" + m.title()));
    }
    return out;
  }

  static ForgeItem item(
      PullRequest p, Map<String, Milestone> milestones, Instant mergedAt, String mergeCommit) {
    return new ForgeItem(
        p.number(),
        true,
        p.title(),
        p.body(),
        p.url(),
        p.state(),
        p.labels(),
        p.milestone() == null ? null : milestones.get(p.milestone()),
        p.baseBranch(),
        mergedAt,
        mergeCommit,
        null);
  }
}
