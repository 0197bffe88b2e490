package dev.gitopscrew.cli;

import dev.gitopscrew.permission.AgentProfile;
import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.roles.Tool;
import dev.gitopscrew.settings.CrewContext;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The permission chain in words: agents, their tools and sub-agents, channels and their scope. */
record AgentReport(CrewContext ctx) {

  void print(PrintWriter out) {
    PermissionChain chain = ctx.permissions();
    out.println("Agents:");
    for (AgentProfile p : chain.profiles()) {
      out.println(
          "  "
              + p.agent().id()
              + (p.displayName().equals(p.agent().id()) ? "" : " (" + p.displayName() + ")")
              + (p.agent().isOrchestrator() ? " [orchestrator]" : ""));
      chain.identity(p.agent()).ifPresent(i -> out.println("    identity:   " + i));
      out.println("    skills:     " + join(p.skills()));
      if (!p.missingSkills().isEmpty()) {
        out.println(
            "    not found:  " + join(p.missingSkills()) + " (no such skill loaded; ignored)");
      }
      out.println("    tools:      " + tools(p.tools()));
      out.println("    sub-agents: " + join(p.allowedSubagents()));
    }
    List<String> ignored = chain.ignoredAgents();
    if (!ignored.isEmpty()) {
      out.println("Ignored agents (not GitOps Crew agents): " + String.join(", ", ignored));
    }
    Map<String, ChannelScope> scopes = PermissionChain.channelScopes(ctx.loaded().config());
    if (!scopes.isEmpty()) {
      out.println(
          "Discord channels (skill scope -> homelab-admin's own tools there; the agents it hands"
              + " work to keep their own skills unless scopeDelegates):");
      scopes.forEach(
          (id, scope) ->
              out.println(
                  "  "
                      + id
                      + ": "
                      + chain
                          .channelOwners()
                          .leftAlone(id)
                          .map(c -> "left alone (" + c.reason() + ")")
                          .orElseGet(
                              () ->
                                  scope
                                          .skills()
                                          .map(PermissionChain::joinNames)
                                          .orElse("no restriction")
                                      + " -> "
                                      + tools(chain.tools(KnownAgent.HOMELAB_ADMIN, scope))
                                      + (scope.narrowsDelegates()
                                          ? " [scopeDelegates: narrows every agent]"
                                          : ""))));
    }
  }

  static String tools(Set<Tool> tools) {
    return join(tools.stream().sorted().map(Tool::id).toList());
  }

  static String join(List<String> items) {
    return items.isEmpty() ? "(none)" : String.join(", ", items);
  }
}
