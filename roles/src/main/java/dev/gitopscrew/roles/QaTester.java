package dev.gitopscrew.roles;

import dev.gitopscrew.roles.work.Subagents;
import java.util.List;

/**
 * Pre-merge validation of a pull request, and post-merge or post-rollback verification of an Argo
 * CD application, whose health and pod checks run as parallel leaf workers; and a share of a {@link
 * Drill}'s leaves.
 */
public final class QaTester implements RoleAgent {

  @Override
  public KnownAgent agent() {
    return KnownAgent.QA_TESTER;
  }

  @Override
  public String handle(Request request, Subagents subagents) throws InterruptedException {
    return switch (request.kind()) {
      case VALIDATE ->
          RoleAgent.planned(
              "pre-merge validation of "
                  + request.subject()
                  + " pull request #"
                  + request.option("pr").orElseThrow(),
              "git workflow");
      case VERIFY -> {
        String app = request.subject();
        String ns = request.option("namespace").orElseThrow();
        List<String> lines =
            LeafParts.run(
                agent(),
                subagents,
                List.of(
                    "check Argo CD health and sync of application " + app + " in " + ns,
                    "check pods and recent events of application " + app));
        yield "verification of " + app + ": " + String.join("; ", lines);
      }
      case DRILL_SHARE -> Drill.share(request, subagents);
      default -> throw new IllegalStateException("not routed here: " + request.kind());
    };
  }
}
