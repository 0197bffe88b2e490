package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;

/** One qa-tester's share of a drill: leaves {@code from} (inclusive) to {@code to}. */
@JsonTypeName("drill-share")
public record DrillShare(int from, int to, int failPercent, int timeoutPercent, int workMs)
    implements Request {

  public DrillShare {
    Names.number("share start", from, 0, 100_000);
    Names.number("share end", to, from, 100_000);
  }

  @Override
  public String describe() {
    return "drill share "
        + from
        + "-"
        + to
        + " fail "
        + failPercent
        + " timeout "
        + timeoutPercent
        + " work "
        + workMs;
  }
}
