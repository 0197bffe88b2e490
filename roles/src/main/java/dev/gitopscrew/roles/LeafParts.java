package dev.gitopscrew.roles;

import dev.gitopscrew.roles.work.SessionResult;
import dev.gitopscrew.roles.work.SpawnOutcome;
import dev.gitopscrew.roles.work.Subagents;
import dev.gitopscrew.roles.work.Task;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the parts of a task as parallel leaf workers and collects one line per part. A part whose
 * spawn is refused is done inline, and the line says why.
 */
final class LeafParts {

  private LeafParts() {}

  static List<String> run(KnownAgent agent, Subagents subagents, List<String> parts)
      throws InterruptedException {
    List<SpawnOutcome> outcomes = new ArrayList<>();
    for (String part : parts) {
      outcomes.add(subagents.spawn(new Task(agent.id(), part)));
    }
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      String part = parts.get(i);
      if (outcomes.get(i) instanceof SpawnOutcome.Spawned s) {
        SessionResult result = subagents.await(s.sessionId());
        lines.add(
            result instanceof SessionResult.Succeeded ok
                ? ok.result()
                : part + ": " + result.describe());
      } else {
        String reason = ((SpawnOutcome.Refused) outcomes.get(i)).reason();
        lines.add(RoleAgent.planned(part, "leaf") + " [done inline: " + reason + "]");
      }
    }
    return lines;
  }
}
