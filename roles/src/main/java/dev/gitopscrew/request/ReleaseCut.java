package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Cutting a release: tag, release, milestone roll-over (homelab-admin only).
 *
 * @param approved the operator approved it up front ({@code --yes}); otherwise it waits for one
 */
@JsonTypeName("release-cut")
public record ReleaseCut(String repository, String milestone, boolean approved, boolean dryRun)
    implements Request {

  public ReleaseCut {
    Names.repository(repository);
    Names.milestone(milestone);
  }

  @Override
  public String describe() {
    return "release cut "
        + repository
        + (milestone == null ? "" : " " + milestone)
        + (dryRun ? " (dry run)" : "");
  }

  @Override
  public boolean isDryRun() {
    return dryRun;
  }
}
