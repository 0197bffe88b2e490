package dev.gitopscrew.roles.drill;

import dev.gitopscrew.request.Drill;
import dev.gitopscrew.request.DrillShare;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.Task;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * homelab-admin's game day for the session machinery: splits a drill's leaves into shares for up to
 * {@value #SHARES} qa-tester sessions and adds up what they report. A leaf without a delivered
 * result fails the drill, saying how many.
 */
public final class RunDrill implements Action<Drill> {

  static final int SHARES = 8;

  @Override
  public Class<Drill> handles() {
    return Drill.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.SESSIONS_SPAWN);
  }

  @Override
  public String run(Drill drill, ActionContext context) throws InterruptedException {
    int leaves = drill.leaves();
    DrillTally tally = new DrillTally();
    Map<Task, Integer> shareSizes = new HashMap<>();
    List<String> missing = new ArrayList<>();
    SpawnWindow window =
        new SpawnWindow(
            context.subagents(),
            (task, result) -> {
              if (result instanceof SessionResult.Succeeded ok) {
                tally.addAll(DrillTally.parse(ok.result().substring(ok.result().indexOf(':') + 1)));
              } else {
                missing.add(
                    shareSizes.get(task)
                        + " leaves of "
                        + task.request().describe()
                        + " "
                        + result.describe());
              }
            });
    int shares = Math.min(SHARES, leaves);
    for (int p = 0; p < shares; p++) {
      int from = (int) ((long) leaves * p / shares);
      int to = (int) ((long) leaves * (p + 1) / shares);
      Task share =
          new Task(
              KnownAgent.QA_TESTER.id(),
              new DrillShare(
                  from, to, drill.failPercent(), drill.timeoutPercent(), drill.workMs()));
      shareSizes.put(share, to - from);
      window.spawn(share);
    }
    window.awaitAll();
    String summary = "drill fanout " + leaves + ": " + tally;
    if (missing.isEmpty() && tally.total() == leaves) {
      return summary + " (every child delivered)";
    }
    throw new ActionFailedException(
        summary
            + " (MISSING "
            + (leaves - tally.total())
            + " of "
            + leaves
            + " children without a delivered result: "
            + (missing.isEmpty() ? "the shares miscounted" : String.join("; ", missing))
            + ")");
  }
}
