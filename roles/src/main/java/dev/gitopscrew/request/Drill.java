package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/**
 * A delivery drill: homelab-admin fans {@code leaves} leaf sessions out through qa-testers, of
 * which {@code failPercent} fail and {@code timeoutPercent} hang until their deadline; each leaf
 * works 0 to 2×{@code workMs} ms.
 */
@JsonTypeName("drill")
public record Drill(int leaves, int failPercent, int timeoutPercent, int workMs)
    implements Request {

  public Drill {
    Names.number("N", leaves, 1, 100_000);
    Names.number("fail", failPercent, 0, 100);
    Names.number("timeout", timeoutPercent, 0, 100);
    Names.number("work", workMs, 0, 60_000);
    if (failPercent + timeoutPercent > 100) {
      throw new BadRequestException("fail and timeout percentages add up to more than 100");
    }
  }

  @Override
  public String describe() {
    return "drill fanout "
        + leaves
        + " fail "
        + failPercent
        + " timeout "
        + timeoutPercent
        + " work "
        + workMs;
  }
}
