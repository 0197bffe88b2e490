package dev.gitopscrew.roles;

import dev.gitopscrew.roles.work.Subagents;
import java.util.List;

/** Manifest and RBAC audits; the two audits run as parallel leaf workers. */
public final class SecurityAnalyst implements RoleAgent {

  @Override
  public KnownAgent agent() {
    return KnownAgent.SECURITY_ANALYST;
  }

  @Override
  public String handle(Request request, Subagents subagents) throws InterruptedException {
    String scope = request.subject() + request.option("path").map(p -> " under " + p).orElse("");
    List<String> lines =
        LeafParts.run(
            agent(),
            subagents,
            List.of("audit manifests of " + scope, "audit RBAC rules of " + scope));
    return "scan of " + scope + ": " + String.join("; ", lines);
  }
}
