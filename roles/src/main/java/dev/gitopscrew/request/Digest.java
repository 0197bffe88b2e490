package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * What happened since the last digest: sessions by outcome, incidents, approvals waiting and
 * releases due (homelab-admin; a schedule's built-in check).
 *
 * @param days how far back the first digest looks, and the least a release waits to be due
 */
@JsonTypeName("digest")
public record Digest(int days) implements Request {

  public Digest {
    if (days < 1 || days > 365) {
      throw new BadRequestException("days: expected 1 to 365, found " + days);
    }
  }

  @Override
  public String describe() {
    return "digest";
  }
}
