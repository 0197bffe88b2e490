package dev.gitopscrew.intake;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gitopscrew.effect.AuditRecord;
import dev.gitopscrew.session.Approval;
import dev.gitopscrew.session.SessionView;
import java.util.List;

/**
 * A request that ran, as the API answers and {@code --json} prints it: its tree, the root's result,
 * every external effect the tree made, the approval it waits for (null when none) and the
 * structured data its action produced (null when none).
 */
public record RequestAnswer(
    long rootId,
    String agent,
    String state,
    String result,
    List<SessionView> tree,
    List<AuditRecord> effects,
    Approval approval,
    JsonNode data) {

  public static RequestAnswer of(
      RequestOutcome.Ran ran, List<AuditRecord> effects, Approval approval) {
    return new RequestAnswer(
        ran.rootId(),
        ran.agent(),
        ran.root().state(),
        ran.root().detail(),
        ran.tree(),
        effects,
        approval,
        ran.root().data());
  }
}
