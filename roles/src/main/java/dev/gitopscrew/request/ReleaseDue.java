package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * Merged pull requests that no release has shipped for longer than {@code days}, per repository
 * (homelab-admin; a schedule's built-in check).
 *
 * @param repository one repository, or null for every configured one
 * @param days how long merged work may wait for a release before it is reported
 */
@JsonTypeName("release-due")
public record ReleaseDue(String repository, int days) implements Request {

  /** How long merged work waits, unless said otherwise. */
  public static final int DEFAULT_DAYS = 7;

  public ReleaseDue {
    if (repository != null) {
      Names.repository(repository);
    }
    if (days < 0 || days > 3650) {
      throw new BadRequestException("days: expected 0 to 3650, found " + days);
    }
  }

  @Override
  public String describe() {
    return "release due" + (repository == null ? "" : " " + repository) + " after " + days;
  }
}
