package dev.gitopscrew.skill;

import dev.gitopscrew.roles.Tool;
import java.util.Set;

/**
 * A skill: a named instruction text for a model, and the tools it grants (exactly the {@code
 * metadata.crew.tools} list of its SKILL.md front matter; {@code declaresTools} says whether it has
 * that list at all).
 */
public record Skill(
    String name,
    String description,
    String source,
    Set<Tool> tools,
    boolean declaresTools,
    String body) {
  public Skill {
    tools = Set.copyOf(tools);
  }

  /** This skill's text and description with another skill's tool grant. */
  public Skill withToolsOf(Skill granting) {
    return new Skill(name, description, source, granting.tools(), true, body);
  }
}
