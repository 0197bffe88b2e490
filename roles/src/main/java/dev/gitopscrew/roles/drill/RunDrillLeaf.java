package dev.gitopscrew.roles.drill;

import dev.gitopscrew.request.DrillLeaf;
import dev.gitopscrew.roles.Action;
import dev.gitopscrew.roles.ActionContext;
import dev.gitopscrew.roles.ActionFailedException;
import dev.gitopscrew.roles.Tool;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** A drill leaf: sleeps, then succeeds, fails as planned, or hangs until its deadline. */
public final class RunDrillLeaf implements Action<DrillLeaf> {

  @Override
  public Class<DrillLeaf> handles() {
    return DrillLeaf.class;
  }

  @Override
  public Optional<Tool> tool() {
    return Optional.empty();
  }

  @Override
  public String run(DrillLeaf leaf, ActionContext context) throws InterruptedException {
    if (leaf.outcome().equals("hang")) {
      Thread.sleep(Long.MAX_VALUE);
    }
    Thread.sleep(ThreadLocalRandom.current().nextInt(2 * leaf.workMs() + 1));
    if (leaf.outcome().equals("fail")) {
      throw new ActionFailedException("drill leaf failed as planned");
    }
    return "ok";
  }
}
