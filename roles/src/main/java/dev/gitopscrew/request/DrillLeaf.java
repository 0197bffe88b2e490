package dev.gitopscrew.request;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;

/** One leaf of a drill: works 0 to 2×{@code workMs} ms, then succeeds, fails or hangs. */
@JsonTypeName("drill-leaf")
public record DrillLeaf(int workMs, String outcome) implements Request {

  public static final List<String> OUTCOMES = List.of("ok", "fail", "hang");

  public DrillLeaf {
    Names.number("work", workMs, 0, 60_000);
    if (!OUTCOMES.contains(outcome)) {
      throw new BadRequestException("a drill leaf is ok, fail or hang, not " + outcome);
    }
  }

  @Override
  public String describe() {
    return "drill leaf " + workMs + " " + outcome;
  }
}
