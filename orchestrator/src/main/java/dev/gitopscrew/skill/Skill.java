package dev.gitopscrew.skill;

import dev.gitopscrew.roles.Tool;
import java.util.Set;

/**
 * A skill: a named instruction text for a model, and the tools it grants (exactly the {@code
 * metadata.crew.tools} list of its SKILL.md front matter).
 */
public record Skill(String name, String description, String source, Set<Tool> tools, String body) {
  public Skill {
    tools = Set.copyOf(tools);
  }
}
