package dev.gitopscrew.roles.drill;

import dev.gitopscrew.request.DrillLeaf;
import dev.gitopscrew.request.DrillShare;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.roles.work.Task;
import java.time.Duration;
import java.util.Optional;

/**
 * qa-tester's share of a drill: runs its leaves as leaf workers and reports their count by terminal
 * state. Which leaves fail or hang follows from their index, so a run's expected counts are known.
 */
public final class RunDrillShare implements Action<DrillShare> {

  /** A hanging leaf is ended by the supervisor after this long. */
  public static final Duration HANG_TIMEOUT = Duration.ofSeconds(1);

  @Override
  public Class<DrillShare> handles() {
    return DrillShare.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.of(Tool.SESSIONS_SPAWN);
  }

  @Override
  public String run(DrillShare share, ActionContext context) throws InterruptedException {
    DrillTally tally = new DrillTally();
    SpawnWindow window =
        new SpawnWindow(context.subagents(), (task, result) -> tally.add(result.state()));
    for (int leaf = share.from(); leaf < share.to(); leaf++) {
      String kind = kindOf(leaf, share.failPercent(), share.timeoutPercent());
      Duration timeout = kind.equals("hang") ? HANG_TIMEOUT : null;
      window.spawn(
          new Task(KnownAgent.QA_TESTER.id(), new DrillLeaf(share.workMs(), kind), timeout));
    }
    window.awaitAll();
    String range = "drill share " + share.from() + "-" + share.to();
    if (tally.total() != share.to() - share.from()) {
      throw new ActionFailedException(range + " delivered " + tally.total() + ": " + tally);
    }
    return range + ": " + tally;
  }

  /**
   * Spreads the failing and hanging leaves evenly: of every 100 leaves, fail + timeout are bad, and
   * the bad ones are split between failing and hanging in proportion.
   */
  static String kindOf(int leaf, int fail, int timeout) {
    int bad = fail + timeout;
    long before = (long) leaf * bad / 100;
    if ((long) (leaf + 1) * bad / 100 == before) {
      return "ok";
    }
    return (before + 1) * timeout / bad > before * timeout / bad ? "hang" : "fail";
  }
}
