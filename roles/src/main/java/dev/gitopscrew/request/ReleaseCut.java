package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** Cutting a release: tag, release, milestone roll-over (homelab-admin only; needs an approval). */
@JsonTypeName("release-cut")
public record ReleaseCut(String repository, String milestone, boolean dryRun)
    implements Request, DryRunnable {

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
  public ReleaseCut withDryRun() {
    return new ReleaseCut(repository, milestone, true);
  }
}
