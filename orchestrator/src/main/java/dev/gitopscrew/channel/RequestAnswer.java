package dev.gitopscrew.channel;

import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.session.SessionView;
import java.util.List;

/**
 * A request that ran, as the API answers and {@code --json} prints it: its tree, the root's result
 * and every external effect the tree made.
 */
public record RequestAnswer(
    long rootId,
    String agent,
    String state,
    String result,
    List<SessionView> tree,
    List<AuditRecord> effects) {

  public static RequestAnswer of(RequestOutcome.Ran ran, List<AuditRecord> effects) {
    return new RequestAnswer(
        ran.rootId(), ran.agent(), ran.root().state(), ran.root().detail(), ran.tree(), effects);
  }
}
