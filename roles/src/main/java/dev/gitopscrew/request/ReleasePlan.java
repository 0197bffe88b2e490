package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** The next release of a repository, computed without writing anything (homelab-admin). */
@JsonTypeName("release-plan")
public record ReleasePlan(String repository, String milestone) implements Request {

  public ReleasePlan {
    Names.repository(repository);
    Names.milestone(milestone);
  }

  @Override
  public String describe() {
    return "release plan " + repository + (milestone == null ? "" : " " + milestone);
  }
}
