package dev.gitopscrew.model;

import dev.gitopscrew.permission.ChannelScope;
import dev.gitopscrew.permission.PermissionChain;
import dev.gitopscrew.roles.KnownAgent;
import dev.gitopscrew.skill.SkillCatalog;
import java.util.List;

/**
 * The system prompt of a turn: who the agent is, the rules every answer keeps, the bodies of the
 * agent's skills in the channel's scope, and the channel's own {@code systemPrompt}.
 */
public final class Instructions {

  private final PermissionChain permissions;
  private final SkillCatalog skills;

  public Instructions(PermissionChain permissions, SkillCatalog skills) {
    this.permissions = permissions;
    this.skills = skills;
  }

  public String text(
      KnownAgent agent,
      ChannelScope scope,
      String channelPrompt,
      List<RequestTools.Function> offered) {
    StringBuilder out = new StringBuilder();
    out.append("You are ")
        .append(agent.id())
        .append(" of GitOps Crew, a GitOps automation bot for a homelab.\n")
        .append("Rules: act only through the functions offered; each call is one typed request")
        .append(" that the crew checks against its permissions, may hold for a person's approval")
        .append(" and runs as a session. Never claim work a function did not report as")
        .append(" succeeded. Never ask for or repeat secrets. If no function fits, say what the")
        .append(" person could run instead. Answer briefly in plain text.\n");
    if (offered.isEmpty()) {
      out.append("No functions are available to you here: answer in words only.\n");
    }
    for (String name : permissions.profile(agent).skills()) {
      if (scope.allows(name)) {
        skills
            .find(name)
            .ifPresent(
                s ->
                    out.append("\n## Skill ")
                        .append(name)
                        .append("\n")
                        .append(s.body().strip())
                        .append("\n"));
      }
    }
    if (channelPrompt != null && !channelPrompt.isBlank()) {
      out.append("\n## This channel\n").append(channelPrompt.strip()).append("\n");
    }
    return out.toString();
  }
}
