package dev.gitopscrew.skill;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Every skill available: the built-ins packaged from {@code skills/}, then those in {@code
 * skills.load.extraDirs} (which replace a built-in of the same name). A malformed SKILL.md is
 * skipped and reported; it never stops start-up.
 */
public final class SkillCatalog {

  private final Map<String, Skill> skills;
  private final List<SkillProblem> problems;
  private final List<String> overrides;

  private SkillCatalog(
      Map<String, Skill> skills, List<SkillProblem> problems, List<String> overrides) {
    this.skills = skills;
    this.problems = List.copyOf(problems);
    this.overrides = List.copyOf(overrides);
  }

  public static SkillCatalog load(List<Path> extraDirs) {
    Map<String, Skill> skills = new LinkedHashMap<>();
    List<SkillProblem> problems = new ArrayList<>();
    for (String name : builtInNames()) {
      String resource = "skills/" + name + "/SKILL.md";
      readResource(resource)
          .flatMap(text -> SkillParser.parse("builtin:" + resource, text, problems))
          .ifPresent(s -> skills.put(s.name(), s));
    }
    List<String> overrides = new ArrayList<>();
    for (Path dir : extraDirs) {
      loadDir(dir, skills, problems, overrides);
    }
    return new SkillCatalog(skills, problems, overrides);
  }

  /**
   * A skill of the same name replaces the earlier one. Without a {@code metadata.crew} block (a
   * skill written for OpenClaw or another agent tool) it replaces the instructions only and keeps
   * the earlier tool grant, so an agent never silently loses its tools.
   */
  private static void add(Map<String, Skill> skills, Skill skill, List<String> overrides) {
    Skill earlier = skills.get(skill.name());
    if (earlier == null) {
      skills.put(skill.name(), skill);
      return;
    }
    if (skill.declaresTools()) {
      skills.put(skill.name(), skill);
      overrides.add(
          skill.source()
              + " overrides skill "
              + skill.name()
              + " from "
              + earlier.source()
              + ", tools and instructions");
    } else {
      skills.put(skill.name(), skill.withToolsOf(earlier));
      overrides.add(
          skill.source()
              + " overrides the instructions of skill "
              + skill.name()
              + " from "
              + earlier.source()
              + "; it keeps that skill's tools (no metadata.crew block)");
    }
  }

  private static void loadDir(
      Path dir, Map<String, Skill> skills, List<SkillProblem> problems, List<String> overrides) {
    if (!Files.isDirectory(dir)) {
      problems.add(new SkillProblem(dir.toString(), 0, "skills directory not found; skipped"));
      return;
    }
    try (Stream<Path> children = Files.list(dir)) {
      for (Path file : children.map(c -> c.resolve("SKILL.md")).sorted().toList()) {
        if (Files.isRegularFile(file)) {
          String text = Files.readString(file, StandardCharsets.UTF_8);
          SkillParser.parse(file.toString(), text, problems)
              .ifPresent(s -> add(skills, s, overrides));
        }
      }
    } catch (IOException e) {
      problems.add(new SkillProblem(dir.toString(), 0, "cannot read: " + e.getMessage()));
    }
  }

  private static List<String> builtInNames() {
    return readResource("skills/INDEX")
        .map(index -> index.lines().map(String::strip).filter(l -> !l.isEmpty()).toList())
        .orElse(List.of());
  }

  private static Optional<String> readResource(String name) {
    try (InputStream in = SkillCatalog.class.getClassLoader().getResourceAsStream(name)) {
      return in == null
          ? Optional.empty()
          : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  public Optional<Skill> find(String name) {
    return Optional.ofNullable(skills.get(name));
  }

  public Collection<Skill> all() {
    return skills.values();
  }

  public List<SkillProblem> problems() {
    return problems;
  }

  /** Which loaded skill replaced which, in words. */
  public List<String> overrides() {
    return overrides;
  }
}
