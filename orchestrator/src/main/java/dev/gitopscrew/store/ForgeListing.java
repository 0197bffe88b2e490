package dev.gitopscrew.store;

import dev.gitopscrew.forge.Issue;
import dev.gitopscrew.forge.PullRequest;
import dev.gitopscrew.forge.local.LocalForgeRecords;
import java.util.List;

/** What the local forge holds for one repository: issues, pull requests, milestones, releases. */
public record ForgeListing(
    String repository,
    List<Issue> issues,
    List<PullRequest> pullRequests,
    List<LocalForgeRecords.Milestone> milestones,
    List<LocalForgeRecords.Release> releases) {

  public static ForgeListing of(LocalForgeRecords records, String repository) {
    return new ForgeListing(
        repository,
        records.issues(repository),
        records.pullRequests(repository),
        records.milestones(repository),
        records.releases(repository));
  }
}
