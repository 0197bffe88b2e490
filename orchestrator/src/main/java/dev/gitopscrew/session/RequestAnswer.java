package dev.gitopscrew.session;

import java.util.List;

/** A request that ran, as the API answers and {@code crew ask --json} prints it. */
public record RequestAnswer(long rootId, String agent, String state, List<SessionView> tree) {

  public static RequestAnswer of(RequestOutcome.Ran ran) {
    return new RequestAnswer(ran.rootId(), ran.agent(), ran.root().state(), ran.tree());
  }
}
