package dev.gitopscrew.skill;

/** A SKILL.md that was skipped, or a part of one that was ignored. */
public record SkillProblem(String source, int line, String message) {
  public String describe() {
    return source + (line > 0 ? ":" + line : "") + ": " + message;
  }
}
