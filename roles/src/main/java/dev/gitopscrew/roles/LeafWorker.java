package dev.gitopscrew.roles;

import dev.gitopscrew.roles.work.Assignment;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Work;

/** A depth-2 worker doing one part of a role agent's task; it spawns nothing. */
public final class LeafWorker implements Work {

  @Override
  public String perform(Assignment assignment, Subagents subagents) throws InterruptedException {
    String instruction = assignment.task().instruction();
    if (Drill.isLeaf(instruction)) {
      return Drill.leaf(instruction);
    }
    return RoleAgent.planned(assignment.task().instruction(), "leaf");
  }
}
